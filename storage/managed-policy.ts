/**
 * What an organisation's administrator may set for every colleague's Eurefs through the browser's
 * managed storage (`storage.managed`): the address of the team's dataset, how often it is fetched
 * again, merge or replace, and whether readers may change these. Chromium reads the policy from
 * its managed policy folder (validated against `managed-schema.json`, made from this schema at
 * build); Firefox from `policies.json`, "3rdparty" → "Extensions". README, "For staff".
 *
 * A policy is input from outside: each field is parsed on its own, so one wrong value is reported
 * and ignored rather than voiding the others.
 */
import { z } from 'zod';
import { phrase, type Phrase } from '../i18n/phrase';

export const REFRESH_HOURS_MAX = 24 * 31;

export const ManagedPolicySchema = z.strictObject({
  datasetUrl: z
    .string()
    .max(4_000)
    .regex(/^https:\/\/[^\s/]+\S*$/)
    .optional()
    .describe("the https address of the organisation's dataset: fetched when Eurefs starts and then every refreshEveryHours"),
  refreshEveryHours: z
    .int()
    .min(1)
    .max(REFRESH_HOURS_MAX)
    .optional()
    .describe('how often the dataset address is fetched again, in hours (default 24)'),
  importMode: z
    .enum(['merge', 'replace'])
    .optional()
    .describe('merge: the file adds to and updates the bundled dataset; replace: the file is the whole dataset (default merge)'),
  lockDatasetSettings: z
    .boolean()
    .optional()
    .describe('true: readers see the address and the interval but cannot change or stop them'),
});

export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

export interface PolicyReading {
  policy: ManagedPolicy;
  /** one sentence per value that was set but could not be used */
  problems: Phrase[];
}

const FIELDS = ManagedPolicySchema.shape;

/** Reads what the policy set, field by field; unknown keys are reported, not fatal. */
export function readPolicy(raw: unknown): PolicyReading {
  const policy: Record<string, unknown> = {};
  const problems: Phrase[] = [];
  if (raw === null || raw === undefined) return { policy: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy: {}, problems: [phrase('importPolicyNotObject')] };
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.prototype.hasOwnProperty.call(FIELDS, key)) {
      problems.push(phrase('importPolicyUnknownKey', key));
      continue;
    }
    const parsed = FIELDS[key as keyof typeof FIELDS].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(phrase('importPolicyInvalid', key, JSON.stringify(value)?.slice(0, 200) ?? '', parsed.error.issues[0]?.message ?? 'wrong value'));
  }
  return { policy: policy as ManagedPolicy, problems };
}

/** The refresh schedule a policy sets, or null when it sets no address. */
export function scheduleFromPolicy(policy: ManagedPolicy): { url: string; everyHours: number; mode: 'merge' | 'replace' } | null {
  if (!policy.datasetUrl) return null;
  return { url: policy.datasetUrl, everyHours: policy.refreshEveryHours ?? 24, mode: policy.importMode ?? 'merge' };
}

/** Whether the policy keeps readers from changing the dataset address and its schedule. */
export function policyLocksDataset(policy: ManagedPolicy): boolean {
  return policy.lockDatasetSettings === true && policy.datasetUrl !== undefined;
}

/**
 * Chromium's `storage.managed_schema`: the subset of JSON Schema Chromium validates policies
 * with (type, properties, pattern, enum, minimum, maximum, description), made from the schema
 * above so the two cannot disagree.
 */
export function chromiumManagedSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(ManagedPolicySchema, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
  const KEEP = new Set(['type', 'pattern', 'enum', 'minimum', 'maximum', 'description']);
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, property] of Object.entries(json.properties)) {
    properties[key] = Object.fromEntries(Object.entries(property).filter(([name]) => KEEP.has(name)));
  }
  return { type: 'object', properties };
}
