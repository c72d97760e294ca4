/**
 * The options page's reader settings: the language Eurefs speaks, untracked references, the
 * keyboard, sites switched off, extra sites.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSiteDisabled, originPatternFor, readSettings, updateSettings, withSite, type Settings } from '../../storage/settings';
import { useI18n } from '../../components/i18n-context';
import { commandDescriptionKey } from '../background/shortcuts';
import { LANGUAGE_NAMES, LANGUAGES, LANGUAGE_SETTINGS, languageOfTag, type LanguageSetting } from '../../i18n/languages';

/** The shortcuts as the browser has them now: the reader may have changed or removed them. */
function Shortcuts() {
  const words = useI18n();
  const [commands, setCommands] = useState<{ name?: string; description?: string; shortcut?: string }[] | null>(null);
  useEffect(() => {
    // The moves first, the toolbar button's command (which the browser lists first) after them.
    const toolbarLast = (list: { name?: string }[]) => [...list].sort((a, b) => Number(a.name?.startsWith('_')) - Number(b.name?.startsWith('_')));
    void browser.commands.getAll().then((list) => setCommands(toolbarLast(list)), () => setCommands([]));
  }, []);
  if (!commands || commands.length === 0) return null;
  // In the reader's language, which need not be the browser's (the browser's own description is in its).
  const describe = (command: { name?: string; description?: string }) => {
    const key = commandDescriptionKey(command.name ?? '');
    return key ? words.t(key) : command.description;
  };
  return (
    <ul aria-label={words.t('settingsShortcuts')} data-testid="shortcuts">
      {commands.map((command) => (
        <li key={command.name}>
          {command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">{words.t('settingsNoKey')}</span>}:{' '}
          {describe(command)}
        </li>
      ))}
    </ul>
  );
}

/** A reader's yes-or-no setting, saved as soon as it changes. */
function Switch({ setting, settings, save, children }: {
  setting: 'hideUntracked' | 'marksInTabOrder';
  settings: Settings;
  save: (update: (current: Settings) => Settings) => Promise<void>;
  children: ComponentChildren;
}) {
  return (
    <p>
      <label>
        <input
          type="checkbox"
          checked={settings[setting]}
          onChange={(e) => {
            // Read now: the event's currentTarget is gone once `save` awaits.
            const on = e.currentTarget.checked;
            void save((s) => ({ ...s, [setting]: on }));
          }}
        />{' '}
        {children}
      </label>
    </p>
  );
}

function hostOfPattern(pattern: string): string {
  return pattern.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, '');
}

/**
 * The language Eurefs speaks, each named in itself, so that a reader who landed in one they cannot
 * read finds their own. Saved at once; every page and popover follows (components/Localised.tsx).
 */
function LanguageChoice({ settings, save }: { settings: Settings; save: (update: (current: Settings) => Settings) => Promise<void> }) {
  const words = useI18n();
  const browserLanguage = LANGUAGE_NAMES[languageOfTag(browser.i18n.getUILanguage())];
  return (
    <>
      <p>
        <label>
          {words.t('settingsLanguage')}{' '}
          <select
            value={settings.language}
            data-testid="language"
            onChange={(e) => {
              const chosen = e.currentTarget.value;
              const language = LANGUAGE_SETTINGS.find((option) => option === chosen);
              if (language) void save((s) => ({ ...s, language }));
            }}
          >
            <option value={'auto' satisfies LanguageSetting}>{words.t('settingsLanguageAuto', browserLanguage)}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p class="muted">{words.t('settingsLanguageHint')}</p>
    </>
  );
}

export function ReaderSettings() {
  const words = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [offSite, setOffSite] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void readSettings().then(setSettings);
  }, []);
  if (!settings) return <p class="muted">{words.t('settingsReading')}</p>;
  const disabledSites = Object.keys(settings.sites).filter((host) => isSiteDisabled(settings, host));

  const save = async (update: (current: Settings) => Settings) => setSettings(await updateSettings(update));

  const grant = async (event: Event) => {
    event.preventDefault();
    const pattern = originPatternFor(site);
    if (!pattern) {
      setMessage(words.t('settingsNotAnAddress', site));
      return;
    }
    // The browser asks the reader; only a yes adds the site.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) {
      setMessage(words.t('settingsNotAllowed', hostOfPattern(pattern)));
      return;
    }
    await save((s) => ({ ...s, extraSites: [...new Set([...s.extraSites, pattern])] }));
    setSite('');
    setMessage(words.t('settingsNowReads', hostOfPattern(pattern)));
  };

  const revoke = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] });
    await save((s) => ({ ...s, extraSites: s.extraSites.filter((p) => p !== pattern) }));
  };

  const switchOff = async (event: Event) => {
    event.preventDefault();
    const pattern = originPatternFor(offSite);
    if (!pattern) {
      setMessage(words.t('settingsNotAnAddressShort', offSite));
      return;
    }
    await save((s) => withSite(s, hostOfPattern(pattern), { read: false }));
    setOffSite('');
  };

  return (
    <section aria-labelledby="reader-settings-heading">
      <h2 id="reader-settings-heading">{words.t('settingsHeading')}</h2>
      <LanguageChoice settings={settings} save={save} />
      <Switch setting="hideUntracked" settings={settings} save={save}>
        {words.t('settingsHideUntracked')}
      </Switch>

      <h3>{words.t('settingsKeyboard')}</h3>
      <Shortcuts />
      <p class="muted">{words.t('settingsShortcutsHint')}</p>
      <Switch setting="marksInTabOrder" settings={settings} save={save}>
        {words.t('settingsTabStops')}
      </Switch>

      <h3>{words.t('settingsOtherSites')}</h3>
      <p class="muted">{words.t('settingsOtherSitesHint')}</p>
      <form onSubmit={(e) => void grant(e)}>
        <label>
          {words.t('settingsSite')} <input type="text" value={site} placeholder="statewatch.org" onInput={(e) => setSite(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">{words.t('settingsAllow')}</button>
      </form>
      {settings.extraSites.length > 0 && (
        <ul data-testid="extra-sites">
          {settings.extraSites.map((pattern) => (
            <li key={pattern}>
              {hostOfPattern(pattern)}{' '}
              <button type="button" onClick={() => void revoke(pattern)}>{words.t('settingsRemove')}</button>
            </li>
          ))}
        </ul>
      )}

      <h3>{words.t('settingsSwitchedOff')}</h3>
      <form onSubmit={(e) => void switchOff(e)}>
        <label>
          {words.t('settingsSite')} <input type="text" value={offSite} placeholder="ec.europa.eu" onInput={(e) => setOffSite(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">{words.t('settingsSwitchOff')}</button>
      </form>
      {disabledSites.length > 0 && (
        <ul data-testid="disabled-sites">
          {disabledSites.map((host) => (
            <li key={host}>
              {host}{' '}
              <button type="button" onClick={() => void save((s) => withSite(s, host, { read: undefined }))}>
                {words.t('settingsSwitchBackOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
