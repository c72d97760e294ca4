/**
 * Makes the refresh schedule what an administrator's managed policy says (storage/managed-policy.ts):
 * the policy's address, interval and mode become the schedule, marked as the policy's, and a new
 * address is fetched at once, so a colleague's Eurefs has the team's dataset on its first start.
 * A policy that no longer sets an address takes back the schedule it set. Unless the policy locks
 * the settings, a schedule the reader set themselves stays theirs: the policy's address is what a
 * reader gets when they have none. The data already imported stays
 * either way (the options page's history can undo it).
 */
import type { EurefsDb } from '../dataset/db';
import { policyLocksDataset, scheduleFromPolicy, type PolicyReading } from '../managed-policy';
import { getRefreshSchedule, runScheduledRefresh, setRefreshSchedule, type RefreshOptions, type RefreshOutcome } from './refresh';

export interface ManagedRefreshDeps extends RefreshOptions {
  /** (re)creates the periodic alarm for the schedule, or clears it with null */
  scheduleAlarm: (everyHours: number | null) => Promise<void>;
}

export type ManagedOutcome =
  | { kind: 'none' }
  | { kind: 'unchanged' }
  | { kind: 'readers-own' }
  | { kind: 'withdrawn' }
  | { kind: 'scheduled'; refresh: RefreshOutcome | null };

export async function applyManagedPolicy(db: EurefsDb, reading: PolicyReading, deps: ManagedRefreshDeps): Promise<ManagedOutcome> {
  const wanted = scheduleFromPolicy(reading.policy);
  const current = await getRefreshSchedule(db);
  if (!wanted) {
    if (current?.setBy !== 'policy') return { kind: 'none' };
    await setRefreshSchedule(db, null);
    await deps.scheduleAlarm(null);
    return { kind: 'withdrawn' };
  }
  if (current && current.setBy !== 'policy' && !policyLocksDataset(reading.policy)) return { kind: 'readers-own' };
  const sameAddress = current?.url === wanted.url;
  if (current?.setBy === 'policy' && sameAddress && current.everyHours === wanted.everyHours && current.mode === wanted.mode && current.lastRun) {
    return { kind: 'unchanged' };
  }
  await setRefreshSchedule(db, { ...wanted, setBy: 'policy', ...(sameAddress && current?.lastRun ? { lastRun: current.lastRun } : {}) });
  await deps.scheduleAlarm(wanted.everyHours);
  // A new address (or one never fetched yet) is fetched now rather than a day from now.
  const refresh = sameAddress && current?.lastRun ? null : await runScheduledRefresh(db, deps);
  return { kind: 'scheduled', refresh };
}
