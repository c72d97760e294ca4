import { describe, expect, it } from 'vitest';
import { annotationToNote, noteToAnnotation } from '../../../../storage/annotations/w3c';
import { note } from './helpers';

const NOW = '2026-12-01T00:00:00.000Z';
const roundTrip = (n: ReturnType<typeof note>) => annotationToNote(JSON.parse(JSON.stringify(noteToAnnotation(n, true))), NOW);

describe('a note as a W3C Web Annotation and back', () => {
  it('keeps everything a reader sees: label as the page cited it, the page’s title, the status', () => {
    const gdpr = note(1, {
      documentId: '32016R0679', label: 'Regulation (EU) 2016/679', type: 'regulation', stage: 'applicable',
      page: { url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52021PC0206', title: 'EUR-Lex - 52021PC0206 - EN - EUR-Lex' },
      quote: { exact: 'Regulation (EU) 2016/679', prefix: 'see ', suffix: ' of the', start: 5120, end: 5144 },
    });
    expect(roundTrip(gdpr)).toEqual(gdpr);
    const council = note(2, { documentId: '32008R1006', label: 'Council Regulation (EC) No 1006/2008', type: 'regulation', stage: 'in-force', quote: null, tags: [] });
    expect(roundTrip(council)).toEqual(council);
  });

  it('keeps a note on a document without a status as one without', () => {
    const untracked = note(3, { documentId: 'COM(2018) 225', label: 'COM(2018) 225', type: 'com', stage: null, page: { url: 'https://eur-lex.europa.eu/x', title: '' } });
    expect(roundTrip(untracked)).toEqual(untracked);
  });

  it('writes the status and title where annotation tools show them: a classifying body in words, the target’s dcterms:title', () => {
    const a = noteToAnnotation(note(4, { stage: 'implementation' }));
    expect(a.body).toContainEqual({ id: 'urn:eurefs:stage:implementation', type: 'TextualBody', value: 'in implementation', format: 'text/plain', purpose: 'classifying' });
    expect(a.body).toContainEqual({ type: 'TextualBody', value: 'Directive (EU) 2017/541', format: 'text/plain', purpose: 'describing' });
    expect(a.target['dcterms:title']).toBe('Page 1');
  });

  it('reads a status another tool wrote in words only', () => {
    const foreign = {
      id: 'urn:x:1',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', value: 'COM(2016) 731', purpose: 'identifying' },
        { type: 'TextualBody', value: 'in negotiation', purpose: 'classifying' },
      ],
      target: 'https://eur-lex.europa.eu/x',
    };
    expect(annotationToNote(foreign, NOW)).toMatchObject({ documentId: 'COM(2016) 731', label: 'COM(2016) 731', stage: 'in-negotiation', page: { title: '' } });
  });
});
