/**
 * What a page's own script does in the tests of both browsers, written once: each is a function to
 * evaluate in the page (Playwright's and puppeteer-core's `page.evaluate` both take one).
 */

/** A search page's results arriving a moment after load, with a reference inside a link. */
export function appendResultsLater(): void {
  const results = document.createElement('div');
  results.id = 'results';
  document.body.append(results);
  setTimeout(() => {
    results.innerHTML = '<ul><li>Result 1: <a href="#">COM(2018) 225 final</a></li><li>Result 2: Directive (EU) 2017/853</li></ul>';
  }, 50);
}
