/**
 * The page scanner's view of the reader's settings: read straight from `browser.storage.local`,
 * which content scripts may read, so a page costs no message round trip to the background.
 * What an older version stored there is still read right (storage/settings.ts folds it in); what
 * it stored in the extension's databases concerns the background alone (the history switch, the
 * refresh schedule).
 */
export { onSettingsChanged, readSettings } from '../../storage/settings';
