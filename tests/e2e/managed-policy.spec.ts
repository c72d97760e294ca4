/**
 * One setting for a whole organisation: an administrator's Chromium policy file names the team's
 * dataset address, and a colleague's Eurefs fetches and applies it on its first start, with no
 * one typing anything; the options page shows what the policy set and locks it.
 *
 * Debian's Chromium reads policies from /etc/chromium/policies/managed/ (no flag points it
 * elsewhere), so the test writes a file there for the id of this build only, and removes it. The
 * dataset address is served by a local HTTPS server (a throwaway certificate, tests/data/tls/)
 * that a host-resolver rule puts behind the address the policy names.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { EXTENSION_DIR, launchWithExtension, unpackedExtensionId } from '../../scripts/launch-browser';
import { DEMO_URL, demoHtml, expect, openOptions, openServed, popover, test } from './fixtures';
import { serveTeamDataset, TEAM_FILE, TEAM_HOST, TEAM_TITLE, TEAM_VERSION } from './team-server';

const POLICY_DIR = '/etc/chromium/policies/managed';
const ADDRESS = `https://${TEAM_HOST}${TEAM_FILE}`;
function policyWritable(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(`${POLICY_DIR}/.eurefs-probe`, '');
    rmSync(`${POLICY_DIR}/.eurefs-probe`);
    return true;
  } catch {
    return false;
  }
}

test("the policy's dataset address is fetched and applied on first start, and the options page shows it locked", async () => {
  test.skip(!policyWritable(), `${POLICY_DIR} is not writable here: Chromium reads managed policies only from there`);
  const id = unpackedExtensionId(EXTENSION_DIR);
  const policyFile = `${POLICY_DIR}/eurefs-e2e-${id}.json`;
  const server = await serveTeamDataset();
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { datasetUrl: ADDRESS, refreshEveryHours: 12, importMode: 'merge', lockDatasetSettings: true } } } }));
  const ext = await launchWithExtension({ args: [`--host-resolver-rules=MAP ${TEAM_HOST} 127.0.0.1:${server.port}`, '--ignore-certificate-errors'] });
  try {
    expect(ext.extensionId).toBe(id);
    // Nobody opened the options page or typed an address: the first start fetched it.
    await expect.poll(server.asked, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const options = await openOptions(ext);
    await expect(options.getByTestId('dataset-version')).toHaveText(TEAM_VERSION);
    const notice = options.getByTestId('managed-policy');
    await expect(notice).toContainText(`Set by your organisation: the dataset at ${ADDRESS}`);
    await expect(notice).toContainText('every 12 hours (merge)');
    await expect(notice).toContainText('Only your administrator can change or stop this.');
    await expect(options.getByTestId('refresh-schedule')).toContainText('set by your organisation');
    await expect(options.getByTestId('refresh-last-run')).toContainText(`Imported version ${TEAM_VERSION}`);
    // Locked: the address, the interval and Fetch cannot be used, and there is no Stop.
    await expect(options.getByTestId('import-url')).toBeDisabled();
    await expect(options.getByLabel('refresh automatically')).toBeDisabled();
    await expect(options.getByRole('button', { name: 'Fetch and check' })).toBeDisabled();
    await expect(options.getByTestId('refresh-schedule').getByRole('button', { name: 'Stop' })).toHaveCount(0);
    await options.locator('section.import').screenshot({ path: 'tests/artifacts/managed-policy-options.png' });

    // A reader on EUR-Lex sees the team's dataset.
    const page = await openServed(ext, DEMO_URL, demoHtml());
    await page.locator('[data-euref="COM(2016) 731"]').hover();
    await expect(popover(page)).toContainText(TEAM_TITLE);
  } finally {
    rmSync(policyFile, { force: true });
    await ext.context.close();
    server.close();
  }
});
