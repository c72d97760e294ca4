import { describe, expect, it } from 'vitest';
import { pageToBackground } from '../../../../messaging/page-to-background';
import { summarize } from '../../../../storage/dataset/summary';
import type { DocumentView } from '../../../../messaging/to-background';

const view = (over: Partial<DocumentView>): DocumentView => ({
  id: 'COM(2017) 793',
  type: 'com',
  kind: 'Proposal',
  title: 'Interoperability',
  aliases: [],
  status: { stage: 'provisional-agreement', since: '2019-02-05' },
  timeline: [],
  ...over,
});

describe('summarize', () => {
  it('keeps of each document what a page marks and lists: stage and title, null when untracked', () => {
    const summary = summarize({
      datasetVersion: 'v1',
      documents: {
        'COM(2017) 793': view({}),
        'COM(2099) 1': null,
        '32017L0541': view({ id: '32017L0541', type: 'directive', title: 'Combating terrorism', status: null }),
      },
    });
    expect(summary).toEqual({
      datasetVersion: 'v1',
      documents: {
        'COM(2017) 793': { stage: 'provisional-agreement', title: 'Interoperability' },
        'COM(2099) 1': null,
        '32017L0541': { stage: null, title: 'Combating terrorism' },
      },
    });
    // What the background sends is what the content script accepts.
    expect(pageToBackground()['lookup-summary'].answer.safeParse(summary).success).toBe(true);
  });

  it('the content script refuses an answer that is not a summary', () => {
    expect(pageToBackground()['lookup-summary'].answer.safeParse({ datasetVersion: 'v1', documents: { x: { stage: 'nearly', title: 't' } } }).success).toBe(false);
    expect(pageToBackground()['lookup-summary'].answer.safeParse({ datasetVersion: 'v1', documents: { x: { stage: null, title: 't', extra: 1 } } }).success).toBe(false);
  });
});
