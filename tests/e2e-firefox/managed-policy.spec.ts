/**
 * One setting for a whole organisation, in Firefox: `policies.json` in Firefox's distribution
 * folder names the team's dataset address for Eurefs ("3rdparty" → "Extensions"), and Eurefs
 * fetches it on its first start; a reader then sees the team's dataset in the popover. (The
 * options page, where the policy shows locked, cannot be opened over BiDi: that part is tested in
 * Chromium, tests/e2e/managed-policy.spec.ts.)
 *
 * The folder is the browser's own install folder, so the test only writes there when it may and
 * when no administrator's policies.json is in place, and removes its file after.
 */
import { existsSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { firefoxPath, launchFirefoxWithExtension, servePagesIn } from '../../scripts/launch-firefox';
import { serveTeamDataset, TEAM_FILE, TEAM_HOST, TEAM_TITLE } from '../e2e/team-server';
import { DEMO_URL, demoHtml, expect, popover, popoverText, test } from './fixtures';

const policyFile = join(dirname(realpathSync(firefoxPath())), 'distribution', 'policies.json');

function mayWritePolicy(): boolean {
  if (existsSync(policyFile)) return false;
  try {
    writeFileSync(policyFile, '{}');
    rmSync(policyFile);
    return true;
  } catch {
    return false;
  }
}

test("the policy's dataset address is fetched on first start and its data shows in the popover", async () => {
  test.skip(!mayWritePolicy(), `cannot write ${policyFile} (not writable, or an administrator's policies.json is there)`);
  const server = await serveTeamDataset();
  const address = `https://${TEAM_HOST}:${server.port}${TEAM_FILE}`;
  writeFileSync(policyFile, JSON.stringify({ policies: { '3rdparty': { Extensions: { 'eurefs@eurefs.example': { datasetUrl: address, lockDatasetSettings: true } } } } }));
  try {
    // Every host name resolves to this machine, where the team's server answers (and its
    // throwaway certificate is accepted); pages are still served by interception.
    const firefox = await launchFirefoxWithExtension({ prefs: { 'network.dns.forceResolve': '127.0.0.1' }, acceptInsecureCerts: true });
    try {
      await expect.poll(server.asked, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      const page = await firefox.browser.newPage();
      await servePagesIn(page, { [DEMO_URL]: { body: demoHtml() } });
      await page.goto(DEMO_URL);
      await page.waitForSelector('[data-euref="COM(2016) 731"]', { timeout: 15_000 });
      // The import is applied by the time the reader points at the reference.
      await expect
        .poll(async () => {
          await page.mouse.move(0, 0);
          await (await page.$('[data-euref="COM(2016) 731"]'))!.hover();
          await popover(page);
          return popoverText(page);
        }, { timeout: 20_000 })
        .toContain(TEAM_TITLE);
      await page.screenshot({ path: 'tests/artifacts/firefox-managed-policy.png' });
    } finally {
      await firefox.browser.close();
    }
  } finally {
    rmSync(policyFile, { force: true });
    server.close();
  }
});
