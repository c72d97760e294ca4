/**
 * Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), serialised as JSON-LD
 * with the W3C context, so other annotation tools can re-anchor them: the target is the page,
 * selected by a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end).
 * The note's text is a `commenting` TextualBody, each tag a `tagging` TextualBody, and the
 * document it is about an `identifying` TextualBody (its canonical id) plus, where its address is
 * known, a `linking` SpecificResource. What a reader sees of the note beside them travels too, so
 * that an import into another profile shows the same: the document's label as the page cited it
 * (a `describing` TextualBody), its status when the note was written (a `classifying` TextualBody
 * in stageLabel's words, its id `urn:eurefs:stage:<stage>` for the stage itself), and the page's
 * title (`dcterms:title` on the target; the W3C context defines the `dcterms` prefix). Pure.
 */
import { z } from 'zod';
import { parseReference } from '../../references';
import { stageLabel } from '../dataset/status';
import { NoteSchema, StageSchema, type Note } from './schema';
import type { Stage } from '../dataset/schema';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = 'urn:eurefs:note:';
const STAGE_PREFIX = 'urn:eurefs:stage:';
const PAGE_TITLE = 'dcterms:title';

/** An IRI for a note: `urn:uuid:` for the ids Eurefs makes, a Eurefs URN for any other. */
export function noteIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `${ID_PREFIX}${encodeURIComponent(id)}`;
}

export function noteIdFromIri(iri: string): string {
  if (iri.startsWith('urn:uuid:')) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith(ID_PREFIX)) return decodeURIComponent(iri.slice(ID_PREFIX.length));
  return iri;
}

export interface TextualBody {
  id?: string;
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'commenting' | 'tagging' | 'identifying' | 'describing' | 'classifying';
  language?: string;
}
export interface LinkingBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
}
export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging';
  created: string;
  modified: string;
  generator: { type: 'Software'; name: string; homepage?: string };
  body: (TextualBody | LinkingBody)[];
  target: {
    source: string;
    [PAGE_TITLE]?: string;
    selector?: (
      | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
}

export function noteToAnnotation(note: Note, withContext = false): WebAnnotation {
  const body: WebAnnotation['body'] = [];
  if (note.text) body.push({ type: 'TextualBody', value: note.text, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, format: 'text/plain', purpose: 'tagging' });
  body.push({ type: 'TextualBody', value: note.documentId, format: 'text/plain', purpose: 'identifying' });
  const documentUrl = parseReference(note.documentId)?.url;
  if (documentUrl) body.push({ type: 'SpecificResource', purpose: 'linking', source: documentUrl });
  if (note.label && note.label !== note.documentId) body.push({ type: 'TextualBody', value: note.label, format: 'text/plain', purpose: 'describing' });
  if (note.stage) {
    body.push({ id: `${STAGE_PREFIX}${note.stage}`, type: 'TextualBody', value: stageLabel(note.stage), format: 'text/plain', purpose: 'classifying' });
  }
  const target: WebAnnotation['target'] = { source: note.page.url };
  if (note.page.title) target[PAGE_TITLE] = note.page.title;
  if (note.quote) {
    const { exact, prefix, suffix, start, end } = note.quote;
    target.selector = [
      { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
      { type: 'TextPositionSelector', start, end },
    ];
  }
  return {
    ...(withContext ? { '@context': ANNO_CONTEXT } : {}),
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: note.text ? 'commenting' : 'tagging',
    created: note.createdAt,
    modified: note.updatedAt,
    generator: { type: 'Software', name: 'Eurefs' },
    body,
    target,
  };
}

/** The collection head: an AnnotationCollection whose one embedded page holds every annotation. */
export function collectionHead(collectionId: string, label: string, total: number): string {
  const head = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total,
  };
  // Written open so the items can stream in: `"first": {..., "items": [` ... `]}}`.
  return `${JSON.stringify(head).slice(0, -1)},"first":{"id":${JSON.stringify(`${collectionId}#page-1`)},"type":"AnnotationPage","startIndex":0,"items":[`;
}
export const COLLECTION_TAIL = ']}}\n';

// ---- reading annotations back (ours, or any tool's that uses the same selectors) ----

const BodySchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  value: z.string().optional(),
  purpose: z.string().optional(),
  source: z.unknown().optional(),
});
const SelectorSchema = z.looseObject({
  type: z.string(),
  exact: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
const TargetSchema = z.union([
  z.string(),
  z.looseObject({
    source: z.string(),
    [PAGE_TITLE]: z.string().optional(),
    selector: z.union([SelectorSchema, z.array(SelectorSchema)]).optional(),
  }),
]);
export const WebAnnotationInSchema = z.looseObject({
  id: z.string().min(1),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))]),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: z.union([BodySchema, z.array(BodySchema), z.string()]).optional(),
  target: z.union([TargetSchema, z.array(TargetSchema).min(1)]),
});
export const AnnotationCollectionInSchema = z.looseObject({
  type: z.literal('AnnotationCollection'),
  first: z.looseObject({ items: z.array(z.unknown()) }),
});

const STAGE_BY_LABEL = new Map<string, Stage>(StageSchema.options.map((stage) => [stageLabel(stage), stage]));

/** The stage a `classifying` body names: by its Eurefs id, else by its words. */
function stageOf(bodies: readonly z.infer<typeof BodySchema>[]): Stage | null {
  for (const body of bodies) {
    if (body.purpose !== 'classifying') continue;
    const byId = StageSchema.safeParse(body.id?.startsWith(STAGE_PREFIX) ? body.id.slice(STAGE_PREFIX.length) : undefined);
    if (byId.success) return byId.data;
    const byLabel = body.value === undefined ? undefined : STAGE_BY_LABEL.get(body.value);
    if (byLabel) return byLabel;
  }
  return null;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A note from a Web Annotation, or null when it names no EU document (an annotation of another
 * tool that Eurefs cannot attach to a document). `now` dates annotations that carry no dates.
 */
export function annotationToNote(raw: unknown, now: string): Note | null {
  const parsed = WebAnnotationInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const a = parsed.data;
  const bodies = asArray(a.body).map((b) => (typeof b === 'string' ? { type: 'TextualBody', value: b, purpose: 'commenting' } : b));
  const texts = (purpose: string) =>
    bodies.filter((b) => (b.purpose ?? 'commenting') === purpose && typeof b.value === 'string').map((b) => b.value as string);
  const documentId = texts('identifying')[0];
  const reference = documentId ? parseReference(documentId) : null;
  if (!documentId) return null;
  const target = asArray(a.target)[0]!;
  const source = typeof target === 'string' ? target : target.source;
  const selectors = typeof target === 'string' ? [] : asArray(target.selector);
  const quoteSel = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string');
  const posSel = selectors.find((s) => s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined);
  const quote = quoteSel || posSel
    ? {
        exact: quoteSel?.exact ?? '',
        prefix: quoteSel?.prefix ?? '',
        suffix: quoteSel?.suffix ?? '',
        start: posSel?.start ?? 0,
        end: Math.max(posSel?.end ?? 0, posSel?.start ?? 0),
      }
    : null;
  const created = a.created ?? a.modified ?? now;
  const note = NoteSchema.safeParse({
    id: noteIdFromIri(a.id),
    documentId,
    label: texts('describing')[0] ?? documentId,
    type: reference?.type ?? null,
    stage: stageOf(bodies),
    text: texts('commenting').join('\n\n'),
    tags: [...new Set(texts('tagging').map((t) => t.trim()).filter(Boolean))],
    page: { url: source, title: typeof target === 'string' ? '' : (target[PAGE_TITLE] ?? '') },
    quote,
    createdAt: created,
    updatedAt: a.modified ?? created,
  });
  return note.success ? note.data : null;
}
