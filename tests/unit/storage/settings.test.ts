import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  onSettingsChanged,
  originPatternFor,
  parseSettings,
  readSettings,
  recordsHistory,
  SETTINGS_KEY,
  settingsSchema,
  updateSettings,
  withSite,
} from '../../../storage/settings';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const NOTHING = { hideUntracked: false, marksInTabOrder: false, language: 'auto', extraSites: [], sites: {}, migrated: { datasetDb: false, annotationsDb: false } };

describe('settings', () => {
  it('falls back to the defaults for missing or broken stored values', () => {
    expect(parseSettings(undefined)).toEqual(NOTHING);
    // Nothing stored is answered without a parse: it must be what the schema gives for nothing.
    expect(DEFAULT_SETTINGS).toEqual(settingsSchema().parse({}));
    expect(parseSettings(null)).toEqual(settingsSchema().parse({}));
    expect(parseSettings('garbage')).toEqual(NOTHING);
    expect(parseSettings({ hideUntracked: 'yes' })).toEqual(NOTHING);
    expect(parseSettings({ hideUntracked: true }).hideUntracked).toBe(true);
  });

  it('keeps references out of the Tab order unless the reader put them in, as stored by a version before the setting', () => {
    expect(parseSettings({ hideUntracked: true }).marksInTabOrder).toBe(false);
    expect(parseSettings({ marksInTabOrder: 'yes', hideUntracked: true })).toMatchObject({ marksInTabOrder: false, hideUntracked: true });
    expect(parseSettings({ marksInTabOrder: true }).marksInTabOrder).toBe(true);
  });

  it('follows the browser\'s language until the reader chooses one of the 24, and keeps no language it does not know', () => {
    expect(parseSettings({}).language).toBe('auto');
    expect(parseSettings({ language: 'fi' }).language).toBe('fi');
    expect(parseSettings({ language: 'ru', hideUntracked: true })).toMatchObject({ language: 'auto', hideUntracked: true });
  });

  it('keeps the good values when one stored value is broken', () => {
    const settings = parseSettings({ hideUntracked: true, sites: { 'ec.europa.eu': { read: false } }, refresh: { url: 'not an address', everyHours: 24, mode: 'merge' } });
    expect(settings.hideUntracked).toBe(true);
    expect(isSiteDisabled(settings, 'ec.europa.eu')).toBe(true);
    expect(settings.refresh).toBeUndefined();
  });

  it("reads a refresh's last run kept by an older version, with its English only, and one kept with its words", () => {
    const schedule = { url: 'https://example.org/d.json', everyHours: 24, mode: 'merge' };
    const old = { at: '2026-11-01T06:00:00.000Z', ok: true, message: 'The file has not changed since the last import.' };
    expect(parseSettings({ refresh: { ...schedule, lastRun: old } }).refresh?.lastRun).toEqual(old);
    const words = { key: 'importRefreshImported', args: ['7', 1, 0, { list: [2] }] };
    expect(parseSettings({ refresh: { ...schedule, lastRun: { ...old, words } } }).refresh?.lastRun?.words).toEqual(words);
    expect(parseSettings({ refresh: { ...schedule, lastRun: { ...old, words: { key: 'not a key' } } } }).refresh).toBeUndefined();
  });

  it('switches a site off whatever its spelling', () => {
    const settings = withSite(parseSettings(undefined), 'EUR-LEX.europa.eu', { read: false });
    expect(isSiteDisabled(settings, 'eur-lex.europa.eu')).toBe(true);
    expect(isSiteDisabled(settings, 'www.eur-lex.europa.eu')).toBe(true);
    expect(isSiteDisabled(settings, 'ec.europa.eu')).toBe(false);
  });

  it('reads the sites an older version switched off as switched off, before anything moved them', () => {
    const settings = parseSettings({ disabledSites: ['eur-lex.europa.eu', 'www.ec.europa.eu'], extraSites: ['*://*.statewatch.org/*'] });
    expect(isSiteDisabled(settings, 'eur-lex.europa.eu')).toBe(true);
    expect(isSiteDisabled(settings, 'ec.europa.eu')).toBe(true);
    expect(settings.extraSites).toEqual(['*://*.statewatch.org/*']);
    // Switched off for reading says nothing of the history: EUR-Lex keeps its default.
    expect(recordsHistory(settings, 'eur-lex.europa.eu')).toBe(true);
  });

  it('keeps one record per site with both switches, each back to its default when cleared', () => {
    let settings = parseSettings(undefined);
    expect(recordsHistory(settings, 'eur-lex.europa.eu')).toBe(true);
    expect(recordsHistory(settings, 'commission.europa.eu')).toBe(false);
    settings = withSite(settings, 'eur-lex.europa.eu', { history: false });
    settings = withSite(settings, 'www.eur-lex.europa.eu', { read: false });
    expect(settings.sites).toEqual({ 'eur-lex.europa.eu': { read: false, history: false } });
    settings = withSite(settings, 'eur-lex.europa.eu', { history: undefined });
    expect(recordsHistory(settings, 'eur-lex.europa.eu')).toBe(true);
    settings = withSite(settings, 'eur-lex.europa.eu', { read: undefined });
    expect(settings.sites).toEqual({});
  });

  it('turns what a reader types into a host permission pattern, and refuses what is not a web site', () => {
    expect(originPatternFor('https://www.consilium.europa.eu/en/press/')).toBe('*://*.consilium.europa.eu/*');
    expect(originPatternFor('Statewatch.org')).toBe('*://*.statewatch.org/*');
    expect(originPatternFor('file:///etc/passwd')).toBeNull();
    expect(originPatternFor('javascript:alert(1)')).toBeNull();
    expect(originPatternFor('localhost')).toBeNull();
    expect(originPatternFor('*.org')).toBeNull();
  });
});

describe('the settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes through browser.storage.local and tells every listener until it stops listening', async () => {
    const seen: boolean[] = [];
    const stop = new AbortController();
    onSettingsChanged((settings) => seen.push(settings.hideUntracked), stop.signal);
    await updateSettings((s) => ({ ...s, hideUntracked: true }));
    expect((await readSettings()).hideUntracked).toBe(true);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ hideUntracked: true });
    stop.abort();
    await updateSettings((s) => ({ ...s, hideUntracked: false }));
    expect(seen).toEqual([true]);
  });

  it('keeps both of two updates that overlap: neither writes over the other with what it read before', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, hideUntracked: true })),
      updateSettings((s) => ({ ...s, marksInTabOrder: true })),
      updateSettings((s) => withSite(s, 'eur-lex.europa.eu', { history: false })),
    ]);
    expect(await readSettings()).toMatchObject({ hideUntracked: true, marksInTabOrder: true, sites: { 'eur-lex.europa.eu': { history: false } } });
  });

  it('an update that fails lets the next one run', async () => {
    const failed = updateSettings(() => {
      throw new Error('broken update');
    });
    const next = updateSettings((s) => ({ ...s, hideUntracked: true }));
    await expect(failed).rejects.toThrow('broken update');
    await expect(next).resolves.toMatchObject({ hideUntracked: true });
  });

  it('takes the Web Lock the extension\'s other pages and its background take, and holds it until written', async () => {
    const held: string[] = [];
    let queue: Promise<unknown> = Promise.resolve();
    const locks = {
      request: <T>(name: string, work: () => Promise<T>) => {
        const turn = queue.then(async () => {
          held.push(`take ${name}`);
          try {
            return await work();
          } finally {
            held.push(`give ${name}`);
          }
        });
        queue = turn.catch(() => undefined);
        return turn;
      },
    };
    vi.stubGlobal('navigator', { locks });
    const writes: string[] = [];
    fakeBrowser.storage.onChanged.addListener(() => writes.push(`written while ${held.at(-1) ?? 'nothing'}`));
    try {
      await Promise.all([updateSettings((s) => ({ ...s, hideUntracked: true })), updateSettings((s) => ({ ...s, marksInTabOrder: true }))]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(held).toEqual([`take ${SETTINGS_KEY}`, `give ${SETTINGS_KEY}`, `take ${SETTINGS_KEY}`, `give ${SETTINGS_KEY}`]);
    expect(writes).toEqual([`written while take ${SETTINGS_KEY}`, `written while take ${SETTINGS_KEY}`]);
    expect(await readSettings()).toMatchObject({ hideUntracked: true, marksInTabOrder: true });
  });

  it('writes the per-site record in place of the older list of switched-off sites', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['ec.europa.eu'] } });
    await updateSettings((s) => withSite(s, 'eur-lex.europa.eu', { history: false }));
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).not.toHaveProperty('disabledSites');
    expect(stored).toMatchObject({ sites: { 'ec.europa.eu': { read: false }, 'eur-lex.europa.eu': { history: false } } });
  });
});
