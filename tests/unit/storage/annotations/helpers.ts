import type { Note, Visit, VisitReference } from '../../../../storage/annotations/schema';

export const GREEK = 'Οδηγία για την καταπολέμηση της τρομοκρατίας';
export const BULGARIAN = 'Директива относно борбата с тероризма';

export function ref(id: string, over: Partial<VisitReference> = {}): VisitReference {
  const type = id.startsWith('COM') ? 'com' : id.startsWith('3') ? (id.includes('R') ? 'regulation' : 'directive') : 'procedure';
  return { id, type, label: id, count: 1, stage: 'proposed', title: `Title of ${id}`, ...over };
}

export function visit(n: number, over: Partial<Visit> = {}): Visit {
  const at = new Date(Date.UTC(2018, 0, 1) + n * 60_000).toISOString();
  return {
    id: `visit-${String(n).padStart(6, '0')}`,
    url: `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=page${n}`,
    title: `Page ${n}`,
    host: 'eur-lex.europa.eu',
    visitedAt: at,
    references: [ref('COM(2016) 731', { stage: 'adopted' }), ref('32017L0541', { count: 3, stage: 'in-force', title: 'Directive on combating terrorism' })],
    ...over,
  };
}

export function note(n: number, over: Partial<Note> = {}): Note {
  const at = new Date(Date.UTC(2018, 5, 1) + n * 60_000).toISOString();
  return {
    id: `0000${String(n).padStart(4, '0')}-1111-4222-8333-444455556666`,
    documentId: '32017L0541',
    label: 'Directive (EU) 2017/541',
    type: 'directive',
    stage: 'in-force',
    text: `Note ${n}`,
    tags: ['terrorism'],
    page: { url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=page1', title: 'Page 1' },
    quote: { exact: 'Directive (EU) 2017/541', prefix: 'replaced by ', suffix: ' on combating', start: 120, end: 143 },
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
