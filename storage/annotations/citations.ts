/**
 * The documents themselves in the formats reference managers import: CSL-JSON (Zotero, Mendeley,
 * pandoc citeproc; https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) and RIS
 * (EndNote, Zotero, Mendeley, JabRef). Pure.
 */
import { describeId, parseReference } from '../../references';
import type { ReferenceType } from '../../references/types';
import { stageLabel } from '../dataset/status';
import type { Stage } from '../dataset/schema';
import type { DocumentInfo } from './schema';

/** What an export knows of one document: from the history and notes, then the dataset. */
export interface CitedDocument {
  id: string;
  type: ReferenceType;
  label: string;
  title: string | null;
  stage: Stage | null;
  /** the last time the reader saw it cited (ISO) */
  lastSeen: string | null;
  tags: string[];
  notes: string[];
  info?: DocumentInfo | null | undefined;
}

const ACTS: ReadonlySet<ReferenceType> = new Set(['directive', 'regulation', 'decision', 'framework-decision']);

function author(type: ReferenceType): string | null {
  switch (type) {
    case 'com':
    case 'swd':
    case 'sec':
    case 'c':
      return 'European Commission';
    case 'join':
      return 'European Commission and High Representative of the Union for Foreign Affairs and Security Policy';
    default:
      return null;
  }
}

function isProposal(doc: CitedDocument): boolean {
  return doc.type === 'procedure' || /proposal/i.test(doc.info?.kind ?? '');
}

function urlOf(doc: CitedDocument): string | undefined {
  return doc.info?.url ?? parseReference(doc.id)?.url;
}

function celexOf(doc: CitedDocument): string | undefined {
  return doc.info?.celex ?? parseReference(doc.id)?.celex;
}

function titleOf(doc: CitedDocument): string {
  const title = doc.info?.title ?? doc.title;
  return title && title !== doc.id ? title : doc.label;
}

function dateParts(date: string | undefined): number[] | null {
  if (!date) return null;
  const parts = date.split('-').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return parts.length > 0 ? parts.slice(0, 3) : null;
}

/**
 * The best date known of a document: its own from the dataset, else the year its reference
 * states (`COM(2016) 731`, `Directive 95/46/EC`), which every canonical id carries; a reference
 * manager files an undated item under "n.d.".
 */
export function issuedParts(doc: CitedDocument): number[] | null {
  const dated = dateParts(doc.info?.date);
  if (dated) return dated;
  const year = describeId(doc.id)?.year;
  return year ? [year] : null;
}

// ---- CSL-JSON ----

export type CslType = 'legislation' | 'bill' | 'report' | 'document';

export function cslType(doc: CitedDocument): CslType {
  if (isProposal(doc)) return 'bill';
  if (ACTS.has(doc.type)) return 'legislation';
  if (doc.type === 'swd' || doc.type === 'sec' || /report/i.test(doc.info?.kind ?? '')) return 'report';
  return 'document';
}

export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  number?: string;
  'title-short'?: string;
  author?: { literal: string }[];
  authority?: string;
  genre?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  source?: string;
  keyword?: string;
  note?: string;
  status?: string;
}

export function cslItem(doc: CitedDocument): CslItem {
  const item: CslItem = { id: doc.id, type: cslType(doc), title: titleOf(doc) };
  item.number = doc.id;
  if (doc.label !== item.title) item['title-short'] = doc.label;
  const by = author(doc.type);
  if (by) {
    item.author = [{ literal: by }];
    item.authority = by;
  }
  if (doc.info?.kind && doc.info.kind !== 'unknown') item.genre = doc.info.kind.replaceAll('-', ' ');
  const issued = issuedParts(doc);
  if (issued) item.issued = { 'date-parts': [issued] };
  const accessed = dateParts(doc.lastSeen?.slice(0, 10));
  if (accessed) item.accessed = { 'date-parts': [accessed] };
  const url = urlOf(doc);
  if (url) item.URL = url;
  item.source = 'EUR-Lex';
  if (doc.tags.length > 0) item.keyword = doc.tags.join(', ');
  const notes = [...doc.notes];
  const celex = celexOf(doc);
  if (celex) notes.unshift(`CELEX: ${celex}`);
  if (doc.info?.procedure) notes.push(`Procedure: ${doc.info.procedure}`);
  if (notes.length > 0) item.note = notes.join('\n');
  if (doc.stage) item.status = stageLabel(doc.stage);
  return item;
}

// ---- RIS ----

export type RisType = 'STAT' | 'BILL' | 'RPRT' | 'GOVDOC';

export function risType(doc: CitedDocument): RisType {
  const csl = cslType(doc);
  return csl === 'legislation' ? 'STAT' : csl === 'bill' ? 'BILL' : csl === 'report' ? 'RPRT' : 'GOVDOC';
}

/** A RIS value is one line: line breaks become spaces. */
const line = (tag: string, value: string | number): string => `${tag}  - ${String(value).replace(/[\r\n]+/g, ' ').trim()}\r\n`;

export function risRecord(doc: CitedDocument): string {
  let out = line('TY', risType(doc));
  out += line('ID', doc.id);
  out += line('TI', titleOf(doc));
  if (doc.label !== titleOf(doc)) out += line('ST', doc.label);
  const by = author(doc.type);
  if (by) out += line('AU', by);
  const parts = issuedParts(doc);
  if (parts) {
    out += line('PY', parts[0]!);
    out += line('DA', `${parts[0]}/${String(parts[1] ?? '').padStart(parts[1] ? 2 : 0, '0')}/${String(parts[2] ?? '').padStart(parts[2] ? 2 : 0, '0')}/`);
  }
  out += line('M1', doc.id);
  const celex = celexOf(doc);
  if (celex) out += line('SN', celex);
  if (doc.info?.kind && doc.info.kind !== 'unknown') out += line('M3', doc.info.kind.replaceAll('-', ' '));
  const url = urlOf(doc);
  if (url) out += line('UR', url);
  if (doc.lastSeen) out += line('Y2', doc.lastSeen.slice(0, 10).replaceAll('-', '/'));
  for (const tag of doc.tags) out += line('KW', tag);
  for (const note of doc.notes) out += line('N1', note);
  if (doc.stage) out += line('N1', `Status: ${stageLabel(doc.stage)}`);
  out += line('DB', 'EUR-Lex');
  out += 'ER  - \r\n';
  return out;
}
