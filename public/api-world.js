// Eurefs, Chromium: this script is empty on purpose. It runs at document_start so that the browser
// creates the extension's isolated world, and its API, before the page has any element: a frame
// named "browser" or "chrome" present when the world is created leaves it without `chrome.runtime`
// (wxt.config.ts, build:manifestGenerated).
