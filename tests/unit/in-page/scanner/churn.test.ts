// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { findReferences } from '../../../../references';
import { ChurnWatch, ROUND_GAP_MS, ROUNDS_BEFORE_STOPPING } from '../../../../in-page/scanner/churn';
import type { Occurrence } from '../../../../in-page/scanner/scan';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Puts `text` in `part` with each reference in a mark of its own, as a scan would have. */
function markInto(part: HTMLElement, text: string): Occurrence[] {
  part.textContent = text;
  const paragraph = part.firstChild as Text;
  return findReferences(text)
    .reverse()
    .map((reference) => {
      const mark = document.createElement('span');
      mark.setAttribute('data-euref', reference.id);
      const inside = paragraph.splitText(reference.start);
      inside.splitText(reference.end - reference.start);
      inside.replaceWith(mark);
      mark.append(inside);
      return { reference, marks: [mark] };
    })
    .reverse();
}

const GUARDED = 'Guarded text citing COM(2017) 793 final and Directive (EU) 2017/541.';

describe('ChurnWatch', () => {
  it('leaves a part alone once the page has put the same references back, unmarked, three times in a row', () => {
    document.body.innerHTML = '<div id="guarded"></div>';
    const part = document.getElementById('guarded')!;
    const churn = new ChurnWatch();
    // Each time the page sets its text back (the marks go) and the scanner marks it again.
    // Slow rounds, as on a loaded machine: each still well within the gap of the one before.
    const rounds = Array.from({ length: ROUNDS_BEFORE_STOPPING }, (_, i) => churn.noteMarked(part, markInto(part, GUARDED), i * 1500));
    expect(rounds).toEqual([...Array<boolean>(ROUNDS_BEFORE_STOPPING - 1).fill(false), true]);
    expect(churn.stoppedParts()).toEqual([part]);
    expect(churn.stoppedPartOf(part.firstChild!)).toBe(part);
    expect(churn.stoppedPartOf(document.body)).toBeUndefined();
    // A part that leaves the page is let go.
    part.remove();
    expect(churn.stoppedParts()).toEqual([]);
  });

  it('keeps marking a feed that adds the same line again while the earlier copies stay', () => {
    document.body.innerHTML = '<ul id="feed"></ul>';
    const feed = document.getElementById('feed')!;
    const churn = new ChurnWatch();
    for (let i = 0; i < 10; i++) {
      const item = document.createElement('li');
      feed.append(item);
      expect(churn.noteMarked(feed, markInto(item, GUARDED), i * 100)).toBe(false);
    }
    expect(churn.stoppedParts()).toEqual([]);
  });

  it('keeps marking a part that shows other references each time, or the same ones seconds apart', () => {
    document.body.innerHTML = '<div id="live"></div><div id="tabs"></div>';
    const live = document.getElementById('live')!;
    const tabs = document.getElementById('tabs')!;
    const churn = new ChurnWatch();
    for (let i = 0; i < 10; i++) {
      expect(churn.noteMarked(live, markInto(live, `Item ${i}: COM(2019) ${100 + i} final.`), i * 150)).toBe(false);
      // The same tab shown again, each time a little over two seconds after the last.
      expect(churn.noteMarked(tabs, markInto(tabs, GUARDED), i * (ROUND_GAP_MS + 100))).toBe(false);
    }
    expect(churn.stoppedParts()).toEqual([]);
  });

  it('does not count a change that marked nothing', () => {
    document.body.innerHTML = '<span id="clock"></span>';
    const clock = document.getElementById('clock')!;
    const churn = new ChurnWatch();
    for (let i = 0; i < 10; i++) expect(churn.noteMarked(clock, [], i * 100)).toBe(false);
  });
});
