/**
 * Every setting Eurefs keeps, in one store: `browser.storage.local`, under one key. Content
 * scripts read it without asking the background, and it is parsed here on every read: storage is
 * a boundary. Written with `zod/mini`: the page scanner reads these on every page, and the full
 * zod library would cost each page tens of milliseconds to load (issue #8).
 *
 * One record per site says both things a reader may choose for it: whether Eurefs reads its
 * pages, and whether its visits go into the reading history. A flag left out keeps its default,
 * so a site switched off for reading keeps the history default until the reader says otherwise.
 *
 * Before this store, the refresh schedule lived in the dataset database and the history switches
 * in the annotations database; storage/settings-migration.ts moves them here once.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { lazily } from '../messaging/lazily';
import { LANGUAGE_SETTINGS } from '../i18n/languages';
import { phraseSchemas } from '../i18n/phrase';

export const SETTINGS_KEY = 'eurefs:settings';

/** Sites whose visits go into the history unless the reader switches them off. */
const HISTORY_BY_DEFAULT: ReadonlySet<string> = new Set(['eur-lex.europa.eu']);

const schemas = () => {
  /** Hostnames are kept lower-case and without a leading "www." (normaliseHost). */
  const host = z.string().check(z.minLength(1), z.maxLength(253));
  const site = z.object({
    /** false: Eurefs leaves the site's pages alone, even on europa.eu */
    read: z.optional(z.boolean()),
    /** whether the reading history keeps the site's visits */
    history: z.optional(z.boolean()),
  });
  const { said } = phraseSchemas();
  const refreshSchedule = z.strictObject({
    // An https address; checked in full where it is fetched (storage/import/fetch.ts checkAddress):
    // zod/mini's URL check would add 1.5 KB to every page that reads the settings.
    url: z.string().check(z.maxLength(4_000), z.regex(/^https:\/\/[^\s/]+\S*$/)),
    everyHours: z.number().check(z.positive(), z.lte(24 * 31)),
    mode: z.enum(['merge', 'replace']),
    /** set by an administrator's managed policy (storage/managed-policy.ts), not by the reader */
    setBy: z.optional(z.literal('policy')),
    /**
     * `message` is the outcome in English (what older versions kept alone); `words`, where the
     * record has them, say it again in the reader's language.
     */
    lastRun: z.optional(z.strictObject({ at: z.string(), ok: z.boolean(), message: z.string(), words: z.optional(said) })),
  });
  // Each field falls back on its own: one broken value must not wipe the others on the next write.
  const stored = z.object({
    /** hide references the dataset does not track: no mark, no popover */
    hideUntracked: z.catch(z._default(z.boolean(), false), false),
    /**
     * Tab stops at every reference as well as at the page's own links. Off by default: the AI Act
     * proposal alone has 349 references between a keyboard reader and the page's links; the
     * shortcuts (manifest `commands`) and the toolbar list reach them instead.
     */
    marksInTabOrder: z.catch(z._default(z.boolean(), false), false),
    /** the language Eurefs speaks: `auto` follows the browser's (i18n/languages.ts resolveLanguage) */
    language: z.catch(z._default(z.enum(LANGUAGE_SETTINGS), 'auto'), 'auto'),
    /** sites beyond europa.eu the reader granted, as origin match patterns (https://example.org/*) */
    extraSites: z.catch(z._default(z.array(z.string()), []), []),
    sites: z.catch(z._default(z.record(host, site), {}), {}),
    /** staff's scheduled refresh of the imported dataset from an address (options page, "Import") */
    refresh: z.catch(z.optional(refreshSchedule), undefined),
    /** which of the older stores storage/settings-migration.ts has emptied into this one */
    migrated: z.catch(
      z._default(z.object({ datasetDb: z.boolean(), annotationsDb: z.boolean() }), { datasetDb: false, annotationsDb: false }),
      { datasetDb: false, annotationsDb: false },
    ),
    /** the sites switched off, as versions before the per-site record kept them: read into `sites` */
    disabledSites: z.catch(z.optional(z.array(host)), undefined),
  });
  const settings = z.pipe(
    stored,
    z.transform(({ disabledSites, ...rest }) => {
      if (!disabledSites) return rest;
      const sites = { ...rest.sites };
      for (const off of disabledSites) {
        const key = normaliseHost(off);
        sites[key] = { ...sites[key], read: sites[key]?.read ?? false };
      }
      return { ...rest, sites };
    }),
  );
  return { settings, refreshSchedule };
};
/** Built on first use (messaging/lazily.ts). */
const built = lazily(schemas);
export const settingsSchema = () => built().settings;
export const refreshScheduleSchema = () => built().refreshSchedule;

type Schemas = ReturnType<typeof schemas>;
export type Settings = z.output<Schemas['settings']>;
export type SiteSettings = Settings['sites'][string];
export type RefreshSchedule = z.output<Schemas['refreshSchedule']>;

/** What the schema gives for nothing stored, without a parse (a test checks they agree). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hideUntracked: false,
  marksInTabOrder: false,
  language: 'auto',
  extraSites: [],
  sites: {},
  refresh: undefined,
  migrated: { datasetDb: false, annotationsDb: false },
});

const defaults = (): Settings => structuredClone({ ...DEFAULT_SETTINGS });

/**
 * Nothing stored (a reader who never changed a setting) needs no parse, and no schema built.
 * Anything that does not parse at all falls back to the defaults rather than breaking pages.
 */
export function parseSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return defaults();
  const parsed = settingsSchema().safeParse(raw);
  return parsed.success ? parsed.data : defaults();
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

export function siteSettings(settings: Settings, hostname: string): SiteSettings | undefined {
  return settings.sites[normaliseHost(hostname)];
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return siteSettings(settings, hostname)?.read === false;
}

export function recordsHistory(settings: Settings, hostname: string): boolean {
  const host = normaliseHost(hostname);
  return settings.sites[host]?.history ?? HISTORY_BY_DEFAULT.has(host);
}

/** The sites whose history switch a reader sees: those on by default, and those they switched. */
export function historySwitchedSites(settings: Settings): string[] {
  const hosts = new Set(HISTORY_BY_DEFAULT);
  for (const [host, site] of Object.entries(settings.sites)) if (site.history !== undefined) hosts.add(host);
  return [...hosts];
}

/**
 * Settings with one site's record changed; a flag given as undefined goes back to its default,
 * and a record with no flag left is dropped.
 */
export function withSite(settings: Settings, hostname: string, change: Partial<Record<keyof SiteSettings, boolean | undefined>>): Settings {
  const host = normaliseHost(hostname);
  const next: SiteSettings = { ...settings.sites[host], ...change };
  for (const flag of Object.keys(next) as (keyof SiteSettings)[]) if (next[flag] === undefined) delete next[flag];
  const sites = { ...settings.sites };
  if (Object.keys(next).length === 0) delete sites[host];
  else sites[host] = next;
  return { ...settings, sites };
}

/**
 * The match pattern that grants a site: the reader types an address or a host name, the browser
 * wants `https://host/*`. Returns null for anything that is not a plain web host.
 */
export function originPatternFor(input: string): string | null {
  let host = input.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
      const url = new URL(host);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
      host = url.hostname;
    }
  } catch {
    return null;
  }
  host = normaliseHost(host);
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host)) return null;
  // `*.host` matches the host itself and its subdomains, www. among them.
  return `*://*.${host}/*`;
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** The updates of this context, in order, where the browser has no Web Locks. */
let localTurn: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` while no other update of the settings runs. storage.local has no transactions, and
 * the options page and the background both read and write the whole settings: two updates that
 * overlap would keep the later write and lose the earlier one (a reader's tick lost to the
 * background's own first write). A Web Lock is shared by every context of the extension's origin,
 * its pages and its background alike. Content scripts never update the settings: their locks
 * would be the page's.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  // The lock is given back when the promise `work` returns settles, as the Web Locks API does.
  const locks: { request<R>(name: string, callback: () => Promise<R>): Promise<R> } | undefined = globalThis.navigator?.locks;
  if (locks) return locks.request(SETTINGS_KEY, work);
  const turn = localTurn.then(work, work);
  localTurn = turn.catch(() => undefined);
  return turn;
}

/** Reads, changes and writes the settings, one update at a time across the extension. */
export function updateSettings(update: (current: Settings) => Settings): Promise<Settings> {
  return oneAtATime(async () => {
    const next = update(await readSettings());
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

/** Calls `listener` with the new settings and the ones before on every change, until `signal` aborts. */
export function onSettingsChanged(listener: (settings: Settings, before: Settings) => void, signal?: AbortSignal): void {
  const handler = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (change) listener(parseSettings(change.newValue), parseSettings(change.oldValue));
  };
  browser.storage.onChanged.addListener(handler);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler));
}
