/**
 * Which document the page the reader is on is, by the page's own word: its address
 * (`?uri=CELEX:32017R2403`, `/eli/reg/2017/2403/oj`), else its ELI metadata (`eli:id_local`, the
 * `eli:LegalResource` it describes), else the older EUR-Lex pages' `DC.identifier`. Where the ELI
 * metadata says of that same document whether it is in force, and when it was made, that is
 * kept too, as what the page says: a page can say anything, so the list shows it as EUR-Lex's
 * word beside the dataset's status, never as the dataset's.
 */
import { describeId } from '../../references';
import { documentOfAddress } from '../../references/addresses';
import { identityFromCelex, type ReferenceIdentity } from '../../references/ids';

export interface ThisPage {
  id: string;
  type: ReferenceIdentity['type'];
  label: string;
  /** what `eli:in_force` says of the document: in force, or not */
  inForce?: boolean;
  /** `eli:date_document`, as the page writes it (YYYY-MM-DD) */
  dateDocument?: string;
}

const IN_FORCE = /#InForce-inForce$/;
const NOT_IN_FORCE = /#InForce-notInForce$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The `<meta>` elements of one ELI property, in the page's head or (as some pages put them) body. */
function eliMeta(doc: Document, property: string): HTMLMetaElement[] {
  return [...doc.querySelectorAll<HTMLMetaElement>(`meta[property="${property}"]`)];
}

function documentOfPage(doc: Document, address: string): ReferenceIdentity | null {
  const fromAddress = documentOfAddress(address);
  if (fromAddress) return fromAddress;
  for (const meta of eliMeta(doc, 'eli:id_local')) {
    const identity = identityFromCelex((meta.getAttribute('content') ?? '').trim());
    if (identity) return identity;
  }
  for (const meta of doc.querySelectorAll('meta[typeof="eli:LegalResource"][about]')) {
    const identity = documentOfAddress(meta.getAttribute('about') ?? '');
    if (identity) return identity;
  }
  for (const meta of doc.querySelectorAll('meta[name="DC.identifier"][content]')) {
    const content = (meta.getAttribute('content') ?? '').replace(/^https?:\/\/europa\.eu\.int\/eur-lex\/lex\//, 'https://eur-lex.europa.eu/');
    const identity = documentOfAddress(content);
    if (identity) return identity;
  }
  return null;
}

/**
 * The metadata of `property` that is about the page's own document: a page's `<meta>` may
 * describe another (a cited act, a language version's format), and an `about` that names
 * another document is not this one's word.
 */
function aboutThis(doc: Document, property: string, id: string): HTMLMetaElement | undefined {
  return eliMeta(doc, property).find((meta) => {
    const about = meta.getAttribute('about');
    return about === null || documentOfAddress(about)?.id === id;
  });
}

export function readThisPage(doc: Document = document, address: string = location.href): ThisPage | null {
  const identity = documentOfPage(doc, address);
  if (!identity) return null;
  const page: ThisPage = { id: identity.id, type: identity.type, label: describeId(identity.id)?.label ?? identity.id };
  const inForce = aboutThis(doc, 'eli:in_force', identity.id)?.getAttribute('resource') ?? '';
  if (IN_FORCE.test(inForce)) page.inForce = true;
  else if (NOT_IN_FORCE.test(inForce)) page.inForce = false;
  const date = (aboutThis(doc, 'eli:date_document', identity.id)?.getAttribute('content') ?? '').trim();
  if (ISO_DATE.test(date)) page.dateDocument = date;
  return page;
}
