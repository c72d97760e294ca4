import { english } from '../../../i18n/english';
import { say } from '../../../i18n/phrase';
import { wordsIn } from '../i18n/helpers';
import { describe, expect, it } from 'vitest';
import { chromiumManagedSchema, policyLocksDataset, readPolicy, scheduleFromPolicy } from '../../../storage/managed-policy';

describe("an administrator's managed policy", () => {
  it('reads each field it knows, and gives the schedule it sets with its defaults', () => {
    const { policy, problems } = readPolicy({ datasetUrl: 'https://data.example.eu/eurefs.json', lockDatasetSettings: true });
    expect(problems).toEqual([]);
    expect(scheduleFromPolicy(policy)).toEqual({ url: 'https://data.example.eu/eurefs.json', everyHours: 24, mode: 'merge' });
    expect(policyLocksDataset(policy)).toBe(true);
    expect(scheduleFromPolicy(readPolicy({ datasetUrl: 'https://x.eu/d.json', refreshEveryHours: 6, importMode: 'replace' }).policy)).toEqual({
      url: 'https://x.eu/d.json',
      everyHours: 6,
      mode: 'replace',
    });
  });

  it('ignores a wrong value or an unknown key with a sentence each, and keeps the rest', () => {
    const { policy, problems } = readPolicy({ datasetUrl: 'http://plain.example.eu/d.json', refreshEveryHours: 12, colour: 'blue' });
    expect(policy).toEqual({ refreshEveryHours: 12 });
    expect(problems).toHaveLength(2);
    const inEnglish = problems.map((problem) => say(english, problem));
    expect(inEnglish[0]).toMatch(/^The managed policy's datasetUrl \("http:\/\/plain\.example\.eu\/d\.json"\) is not valid: .*; it is ignored\.$/);
    expect(inEnglish[1]).toBe('The managed policy sets "colour", which Eurefs does not know; it is ignored.');
    expect(say(wordsIn('de'), problems[1]!)).toBe('Die verwaltete Richtlinie setzt "colour", das Eurefs nicht kennt; es wird ignoriert.');
    expect(readPolicy([1, 2]).problems.map((problem) => say(english, problem))).toEqual(['The managed policy is not an object of settings.']);
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it('locks nothing without an address to lock', () => {
    expect(policyLocksDataset(readPolicy({ lockDatasetSettings: true }).policy)).toBe(false);
    expect(scheduleFromPolicy({})).toBeNull();
  });

  it("gives Chromium a schema in the subset it validates policies with, for the same fields", () => {
    const schema = chromiumManagedSchema() as { type: string; properties: Record<string, Record<string, unknown>> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(['datasetUrl', 'refreshEveryHours', 'importMode', 'lockDatasetSettings']);
    expect(schema.properties.refreshEveryHours).toMatchObject({ type: 'integer', minimum: 1, maximum: 744 });
    expect(schema.properties.importMode).toMatchObject({ type: 'string', enum: ['merge', 'replace'] });
    const allowed = new Set(['type', 'pattern', 'enum', 'minimum', 'maximum', 'description']);
    for (const property of Object.values(schema.properties)) for (const key of Object.keys(property)) expect(allowed.has(key)).toBe(true);
    expect(new RegExp(String(schema.properties.datasetUrl!.pattern)).test('https://data.example.eu/d.json')).toBe(true);
  });
});
