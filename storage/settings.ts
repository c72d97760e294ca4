/**
 * The reader's settings, kept in `browser.storage.local` (small, synchronous to read, and seen by
 * content scripts without asking the background). Parsed on every read: storage is a boundary.
 * Written with `zod/mini`: the content script reads these on every page, and the full zod
 * library would cost each page tens of milliseconds to load (issue #8).
 */
import * as z from 'zod/mini';
import { lazily } from '../messaging/lazily';

const settings = () => {
  /** Hostnames are compared lower-case and without a leading "www." */
  const host = z.string().check(z.minLength(1), z.maxLength(253));
  return z.object({
    /** hide references the dataset does not track: no mark, no popover */
    hideUntracked: z._default(z.boolean(), false),
    /** sites where the reader switched Eurefs off, even on europa.eu */
    disabledSites: z._default(z.array(host), []),
    /** sites beyond europa.eu the reader granted, as origin match patterns (https://example.org/*) */
    extraSites: z._default(z.array(z.string()), []),
  });
};
/** Built on first use (messaging/lazily.ts). */
export const settingsSchema = lazily(settings);
export type Settings = z.infer<ReturnType<typeof settings>>;

export const SETTINGS_KEY = 'eurefs:settings';

/**
 * Anything stored that does not parse falls back to the defaults rather than breaking pages.
 * Nothing stored (a reader who never changed a setting) needs no parse, and no schema built.
 */
export function parseSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return defaults();
  const parsed = settingsSchema().safeParse(raw);
  return parsed.success ? parsed.data : defaults();
}

const defaults = (): Settings => ({ ...DEFAULT_SETTINGS, disabledSites: [], extraSites: [] });

/** What the schema gives for nothing stored, without a parse (a test checks they agree). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ hideUntracked: false, disabledSites: [], extraSites: [] });

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = normaliseHost(hostname);
  return settings.disabledSites.some((site) => site === host);
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
