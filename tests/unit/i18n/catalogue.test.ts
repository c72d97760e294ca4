import { describe, expect, it } from 'vitest';
import { catalogueSchema, completeCatalogue, shippedCatalogue } from '../../../i18n/catalogue';

describe('a message catalogue', () => {
  it('reads the browsers\' format, with placeholders and descriptions', () => {
    const parsed = catalogueSchema().parse({
      popoverSince: { message: 'since $date$', description: 'after the badge', placeholders: { date: { content: '$1', example: '12 Sept 2018' } } },
    });
    expect(parsed.popoverSince?.placeholders?.date?.content).toBe('$1');
  });

  it('refuses what a browser would refuse: keys or placeholder names beyond ASCII letters, digits and underscores, a message that is not text', () => {
    expect(catalogueSchema().safeParse({ 'pop-over': { message: 'x' } }).success).toBe(false);
    expect(catalogueSchema().safeParse({ ok: { message: 'x', placeholders: { 'a b': { content: '$1' } } } }).success).toBe(false);
    expect(catalogueSchema().safeParse({ ok: { message: 3 } }).success).toBe(false);
    expect(catalogueSchema().safeParse(['x']).success).toBe(false);
  });

  it('fills in what a language lacks from the fallback, key by key, and drops what only translators read', () => {
    const complete = completeCatalogue(
      { stageInForce: { message: 'in Kraft', description: 'a stage' } },
      { stageInForce: { message: 'in force' }, stageAdopted: { message: 'adopted', placeholders: { x: { content: '$1' } } } },
    );
    expect(complete).toEqual({ stageInForce: { message: 'in Kraft' }, stageAdopted: { message: 'adopted', placeholders: { x: { content: '$1' } } } });
  });

  it('ships without what only translators read, and says every message as before', () => {
    const source = JSON.stringify({
      popoverSince: { message: 'since $date$', description: 'after the badge', placeholders: { date: { content: '$1', example: '12 Sept 2018' } } },
      stageInForce: { message: 'in force', description: 'a stage' },
    });
    expect(JSON.parse(shippedCatalogue(source))).toEqual({
      popoverSince: { message: 'since $date$', placeholders: { date: { content: '$1' } } },
      stageInForce: { message: 'in force' },
    });
    expect(() => shippedCatalogue(JSON.stringify({ 'not a key': { message: 'x' } }))).toThrow();
  });
});
