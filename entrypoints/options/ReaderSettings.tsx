/**
 * The options page's reader settings: untracked references, the keyboard, sites switched off,
 * extra sites.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSiteDisabled, originPatternFor, readSettings, updateSettings, withSite, type Settings } from '../../storage/settings';

/** The shortcuts as the browser has them now: the reader may have changed or removed them. */
function Shortcuts() {
  const [commands, setCommands] = useState<{ name?: string; description?: string; shortcut?: string }[] | null>(null);
  useEffect(() => {
    // The moves first, the toolbar button's command (which the browser lists first) after them.
    const toolbarLast = (list: { name?: string }[]) => [...list].sort((a, b) => Number(a.name?.startsWith('_')) - Number(b.name?.startsWith('_')));
    void browser.commands.getAll().then((list) => setCommands(toolbarLast(list)), () => setCommands([]));
  }, []);
  if (!commands || commands.length === 0) return null;
  return (
    <ul aria-label="Keyboard shortcuts" data-testid="shortcuts">
      {commands.map((command) => (
        <li key={command.name}>
          {command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">no key set</span>}:{' '}
          {command.description || "List the page's references"}
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

export function ReaderSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [offSite, setOffSite] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void readSettings().then(setSettings);
  }, []);
  if (!settings) return <p class="muted">Reading settings…</p>;
  const disabledSites = Object.keys(settings.sites).filter((host) => isSiteDisabled(settings, host));

  const save = async (update: (current: Settings) => Settings) => setSettings(await updateSettings(update));

  const grant = async (event: Event) => {
    event.preventDefault();
    const pattern = originPatternFor(site);
    if (!pattern) {
      setMessage(`"${site}" is not a web site address. Type a host such as statewatch.org.`);
      return;
    }
    // The browser asks the reader; only a yes adds the site.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) {
      setMessage(`Eurefs was not allowed on ${hostOfPattern(pattern)}.`);
      return;
    }
    await save((s) => ({ ...s, extraSites: [...new Set([...s.extraSites, pattern])] }));
    setSite('');
    setMessage(`Eurefs now reads ${hostOfPattern(pattern)}. Reload its pages to see references marked.`);
  };

  const revoke = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] });
    await save((s) => ({ ...s, extraSites: s.extraSites.filter((p) => p !== pattern) }));
  };

  const switchOff = async (event: Event) => {
    event.preventDefault();
    const pattern = originPatternFor(offSite);
    if (!pattern) {
      setMessage(`"${offSite}" is not a web site address.`);
      return;
    }
    await save((s) => withSite(s, hostOfPattern(pattern), { read: false }));
    setOffSite('');
  };

  return (
    <section aria-labelledby="reader-settings-heading">
      <h2 id="reader-settings-heading">Reading</h2>
      <Switch setting="hideUntracked" settings={settings} save={save}>
        Hide references the dataset does not track (no underline, no popover)
      </Switch>

      <h3>Keyboard</h3>
      <Shortcuts />
      <p class="muted">Change these keys in your browser's extension shortcuts (chrome://extensions/shortcuts in Chromium).</p>
      <Switch setting="marksInTabOrder" settings={settings} save={save}>
        Stop at every reference when moving through a page with Tab
      </Switch>

      <h3>Other sites</h3>
      <p class="muted">Eurefs reads EUR-Lex and the other europa.eu sites. Add any other site here; your browser asks you to confirm.</p>
      <form onSubmit={(e) => void grant(e)}>
        <label>
          Site <input type="text" value={site} placeholder="statewatch.org" onInput={(e) => setSite(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">Allow Eurefs here</button>
      </form>
      {settings.extraSites.length > 0 && (
        <ul data-testid="extra-sites">
          {settings.extraSites.map((pattern) => (
            <li key={pattern}>
              {hostOfPattern(pattern)}{' '}
              <button type="button" onClick={() => void revoke(pattern)}>Remove</button>
            </li>
          ))}
        </ul>
      )}

      <h3>Switched off</h3>
      <form onSubmit={(e) => void switchOff(e)}>
        <label>
          Site <input type="text" value={offSite} placeholder="ec.europa.eu" onInput={(e) => setOffSite(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">Switch Eurefs off here</button>
      </form>
      {disabledSites.length > 0 && (
        <ul data-testid="disabled-sites">
          {disabledSites.map((host) => (
            <li key={host}>
              {host}{' '}
              <button type="button" onClick={() => void save((s) => withSite(s, host, { read: undefined }))}>
                Switch back on
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
