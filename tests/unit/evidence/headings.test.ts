import { describe, expect, it } from 'vitest';
import { HeadingSequence, INTRODUCTION, reportSections, sectionOfBlock } from '../../../evidence/headings';
import type { ReportText } from '../../../evidence/report-file';

describe('HeadingSequence', () => {
  it('cites headings by their numbering in sequence, joining a wrapped heading', () => {
    const seq = new HeadingSequence();
    expect(seq.accept('II. CLOSING DOWN THE SPACE IN WHICH', 'OPERATE')).toEqual({
      label: 'II. CLOSING DOWN THE SPACE IN WHICH OPERATE',
      topic: 'Closing down the space in which operate',
      text: 'II. CLOSING DOWN THE SPACE IN WHICH OPERATE',
      joinsNext: true,
    });
    expect(seq.accept('1. New tools to gather', 'electronic evidence')?.label).toBe('II.1 New tools to gather electronic evidence');
    expect(seq.accept('(a) Ongoing work')?.label).toBe('II.1(a) Ongoing work');
    expect(seq.accept('2. Second topic', 'The next paragraph starts with a capital.')).toMatchObject({ label: 'II.2 Second topic', joinsNext: false });
  });

  it('refuses numbers out of sequence, sentences and lower-case top headings', () => {
    const seq = new HeadingSequence();
    expect(seq.accept('1. Before any top heading')).toBeNull();
    expect(seq.accept('I. INTRODUCTION')).not.toBeNull();
    expect(seq.accept('3. Skips a number')).toBeNull();
    expect(seq.accept('1. A list item that ends a sentence.')).toBeNull();
    expect(seq.accept('II. Not upper case')).toBeNull();
    expect(seq.accept('V. SKIPS THREE')).toBeNull();
  });
});

describe('reportSections', () => {
  const report: ReportText = {
    blocks: [
      { kind: 'paragraph', text: 'Brussels, 24.1.2018' },
      { kind: 'heading', text: 'I. INTRODUCTION' },
      { kind: 'paragraph', text: 'This is the report.' },
      { kind: 'heading', text: '1. Cybersecurity' },
      { kind: 'paragraph', text: 'Text.' },
      { kind: 'footnote', number: 1, text: 'COM(2017) 477 final (13.9.2017).' },
    ],
  };

  it('lists the sections with the block each starts at, text before any heading as the introduction', () => {
    expect(reportSections(report)).toEqual([
      { block: 0, label: INTRODUCTION, topic: INTRODUCTION },
      { block: 1, label: 'I. INTRODUCTION', topic: 'Introduction' },
      { block: 3, label: 'I.1 Cybersecurity', topic: 'Cybersecurity' },
    ]);
    expect(reportSections({ blocks: report.blocks.slice(1) })[0]!.label).toBe('I. INTRODUCTION');
  });

  it('gives the section a block stands in', () => {
    const sections = reportSections(report);
    expect(sectionOfBlock(sections, 2).label).toBe('I. INTRODUCTION');
    expect(sectionOfBlock(sections, 4).label).toBe('I.1 Cybersecurity');
  });
});
