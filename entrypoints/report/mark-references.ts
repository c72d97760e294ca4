import { POPOVER_HOST, type PageCore } from '../../in-page/contract';
import { PageScanner } from '../../in-page/scanner/page-scanner';
import { readSettings } from '../../in-page/scanner/settings-client';
import { mountPopover } from '../../in-page/popover/mount';
import '../../in-page/marks/marks.css';

/**
 * Marks the references in the report's text with the grammar and the marks of web pages, and
 * gives them the same popover. No content script runs in an extension page, and the background
 * cannot inject one into it, so this page runs the page scanner and mounts the popover itself,
 * at once (the page is about the report and its references; there is no first hover to wait for).
 */
export function markReferences(text: HTMLElement): void {
  const signal = new AbortController().signal;
  const scanner = new PageScanner(POPOVER_HOST, signal);
  const settingsRead = readSettings().then((settings) => {
    scanner.applySettings(settings);
    return true;
  });
  void scanner.start(text, settingsRead);
  const core: PageCore = {
    referenceOf: (mark) => scanner.referenceOf(mark),
    isShown: (reference) => scanner.isShown(reference),
    signal,
  };
  core.ui = mountPopover(core);
}
