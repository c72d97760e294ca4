/**
 * The page scanner's view of the reader's settings: read straight from `browser.storage.local`,
 * which content scripts may read, so a page costs no message round trip to the background.
 * What an older version stored there is still read right (storage/settings.ts folds it in); what
 * it stored in the extension's databases concerns the background alone (the history switch, the
 * refresh schedule).
 */
import { isSiteDisabled, onSettingsChanged as onStoredSettingsChanged, type Settings } from '../../storage/settings';

export { readSettings } from '../../storage/settings';

/**
 * Calls `listener` when what a page on `hostname` shows changes: hiding untracked references,
 * references in the Tab order, or the site's own reading switch. The same store keeps staff's
 * refresh schedule (rewritten after every scheduled run) and the history switches, and each of
 * their writes would otherwise have every open page re-flag all its marks.
 */
export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal, hostname = location.hostname): void {
  const seen = (settings: Settings) => `${settings.hideUntracked} ${settings.marksInTabOrder} ${isSiteDisabled(settings, hostname)}`;
  onStoredSettingsChanged((settings, before) => {
    if (seen(settings) !== seen(before)) listener(settings);
  }, signal);
}
