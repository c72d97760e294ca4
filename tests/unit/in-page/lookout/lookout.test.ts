// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../../messaging/post-to-background', () => ({
  postToBackground: (message: unknown) => {
    sent.push(message);
    return Promise.resolve(undefined);
  },
}));

const { runLookout } = await import('../../../../in-page/lookout/lookout');
const glance = await import('../../../../in-page/lookout/glance');

let controller: AbortController;
beforeEach(() => {
  sent.length = 0;
  controller = new AbortController();
  delete document.documentElement.dataset.eurefsScanned;
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

const scanned = () => document.documentElement.dataset.eurefsScanned;

describe('the lookout', () => {
  it('asks for the scanner where the text holds a reference, without querying the page\'s links first', async () => {
    document.body.innerHTML = '<p>The proposal COM(2017) 793 final.</p><p><a href="/legal-content/EN/TXT/?uri=CELEX:32016R0679">GDPR</a></p>';
    const links = vi.spyOn(glance, 'holdsDocumentLink');
    await runLookout(controller.signal);
    expect(sent).toEqual([{ type: 'load-scanner' }]);
    expect(links).not.toHaveBeenCalled();
  });

  it('asks for it where no text could be a reference but a link\'s address names a document', async () => {
    document.body.innerHTML = '<p>Die <a href="https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679">Datenschutz-Grundverordnung</a> gilt.</p>';
    await runLookout(controller.signal);
    expect(sent).toEqual([{ type: 'load-scanner' }]);
    expect(scanned()).toBeUndefined();
  });

  it('asks nothing of a page with neither, and says it found nothing there', async () => {
    document.body.innerHTML = '<p>Article 5(3) applies from 12 December 2017.</p><p><a href="/contact">Contact</a></p>';
    await runLookout(controller.signal);
    expect(sent).toEqual([]);
    expect(scanned()).toBe('0');
  });
});
