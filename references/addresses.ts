/**
 * The document an address names: a link is a reference to it whatever its text says ("►M1",
 * "ELI", a result title, "Datenschutz-Grundverordnung"). Only addresses whose job is to name one
 * document count, so that a search form's `LP_LEGAL_BASIS=32017R2403` or a cookie page's
 * `callingUrl=…CELEX…` names nothing:
 * - EUR-Lex document pages: `/legal-content/EN/TXT/?uri=CELEX:32018R1240` (any language and
 *   view, `celex:` or `CELEX%3A`, consolidated `02009L0065-20130620`), `uri=COM:2016:731:FIN`,
 *   and the older `LexUriServ.do?uri=CELEX:32002F0584:DE:HTML`;
 * - ELI: `data.europa.eu/eli/reg/2018/1240/oj` (or on eur-lex.europa.eu);
 * - the Legislative Observatory: `ficheprocedure.do?reference=2017/0351(COD)`,
 *   `procedure-file?reference=…`, `FindByProcnum.do?procnum=COD/2015/0289`.
 * Pure: `URL` is the language's, no DOM.
 */
import type { ReferenceIdentity } from './ids';
import { identityFromCelex } from './ids';
import { findReferences } from './index';

const EURLEX = 'eur-lex.europa.eu';
const ELI_HOSTS = new Set([EURLEX, 'data.europa.eu']);
const OEIL_HOSTS = new Set(['oeil.secure.europarl.europa.eu', 'www.europarl.europa.eu', 'europarl.europa.eu']);

/** `CELEX:` and the number, then what EUR-Lex may add: a consolidation date, the old `:EN:HTML`. */
const CELEX_URI = /^celex:([035]\d{4}[a-z]{1,2}\d{4})(?:-\d{8})?(?::[a-z]{2}:[a-z]+)?$/i;
/** `COM:2016:731:FIN` and its kin, as the document grammar reads them. */
const DOCUMENT_URI = /^(?:com|join|sec|swd|c):\d{4}:\d{1,6}:fin$/i;
const ELI_PATH = /^\/eli\/[a-z_]+\/\d{4}\/\d{1,4}(?:\/oj)?(?=\/|$)/i;
const PROCNUM = /^([a-z]{3})\/(\d{4})\/(\d{4})$/i;

/** The one reference that is all of `text`, or null (index.ts's parseReference, without the cycle). */
function whole(text: string): ReferenceIdentity | null {
  const found = findReferences(text);
  const only = found.length === 1 ? found[0] : undefined;
  if (!only || only.start !== 0 || only.end !== text.length) return null;
  const { start: _s, end: _e, text: _t, ...identity } = only;
  return identity;
}

function fromEurLex(url: URL): ReferenceIdentity | null {
  const path = url.pathname;
  if (!/\/legal-content\/|\/LexUriServ\/LexUriServ\.do$/i.test(path)) return null;
  const uri = (url.searchParams.get('uri') ?? '').trim();
  const celex = CELEX_URI.exec(uri);
  if (celex) return identityFromCelex(celex[1] ?? '');
  return DOCUMENT_URI.test(uri) ? whole(uri) : null;
}

function fromEli(url: URL): ReferenceIdentity | null {
  const eli = ELI_PATH.exec(url.pathname);
  return eli ? whole(eli[0]) : null;
}

function fromObservatory(url: URL): ReferenceIdentity | null {
  if (!url.pathname.startsWith('/oeil/')) return null;
  const reference = url.searchParams.get('reference');
  const procnum = PROCNUM.exec(url.searchParams.get('procnum') ?? '');
  const text = reference ?? (procnum ? `${procnum[2]}/${procnum[3]}(${(procnum[1] ?? '').toUpperCase()})` : '');
  const identity = text ? whole(text.trim()) : null;
  return identity?.type === 'procedure' ? identity : null;
}

/**
 * The document `href` names, or null. `base` resolves a relative address
 * (`./../../../legal-content/EN/AUTO/?uri=CELEX:52017PC0793` on a EUR-Lex page). Never throws.
 */
export function documentOfAddress(href: string, base?: string): ReferenceIdentity | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (host === EURLEX) return fromEurLex(url) ?? fromEli(url);
  if (ELI_HOSTS.has(host)) return fromEli(url);
  if (OEIL_HOSTS.has(host)) return fromObservatory(url);
  return null;
}
