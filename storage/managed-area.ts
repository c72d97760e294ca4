/**
 * The browser's managed storage area, read as a policy (storage/managed-policy.ts). Chromium
 * gives an empty object when no policy is set; Firefox rejects when no policies.json names
 * Eurefs, and some browsers have no managed area at all: each is "no policy".
 */
import { browser } from 'wxt/browser';
import { readPolicy, type PolicyReading } from './managed-policy';

export async function readManagedPolicy(): Promise<PolicyReading> {
  const area = browser.storage.managed as { get(): Promise<Record<string, unknown>> } | undefined;
  if (!area) return readPolicy(undefined);
  const raw = await area.get().catch(() => undefined);
  return readPolicy(raw);
}

/** Calls `listener` when an administrator changes the policy while the browser runs. */
export function onManagedPolicyChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName === 'managed') listener();
  });
}
