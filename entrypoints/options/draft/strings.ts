/**
 * Every word the "Draft from a report" section shows, in one object, so that they move to the
 * message catalogues together. Functions take what varies; none builds markup.
 */
import type { EditProblem } from './review-items';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const DRAFT_STRINGS = {
  heading: 'Draft from a report',
  intro:
    'Drop a Security Union progress report (its text as .txt, Markdown as .md, or EUR-Lex’s HTML page as .html); several at once are read in the order of their dates. Eurefs proposes the dated stages and new documents the report states, against the dataset in this browser. Review each one; what you accept goes to the import below, with its preview and undo.',
  dropHere: 'Drop report files here, or choose them: ',
  reading: (names: string) => `Reading ${names}…`,
  drafting: (names: string) => `Drafting from ${names}…`,
  building: 'Building the import file…',
  draftingOnPage: 'No background worker could start: drafting on this page, which may pause it for a moment.',

  identityLegend: 'Which report each file is',
  identityHelp: 'Where a report does not print its number and date, give them; they are filled in from the dataset when it already holds that report.',
  fileColumn: 'File',
  formatColumn: 'Read as',
  ordinalColumn: 'Report',
  numberColumn: 'Number',
  dateColumn: 'Date',
  fromColumn: 'Taken from',
  formatName: { pdf: 'PDF text', word: 'Word text', markdown: 'Markdown', html: 'EUR-Lex HTML' } as Record<string, string>,
  ordinal: (n: number) => `progress report ${n}`,
  numberPlaceholder: 'COM(YYYY) N',
  datePlaceholder: 'YYYY-MM-DD',
  fileList: (names: readonly string[]) => names.join(', '),
  reportList: (reports: readonly { id: string; date: string }[]) => reports.map((r) => `${r.id} (${r.date})`).join(', '),
  numberLabel: (file: string) => `Number of the report in ${file}, e.g. COM(2019) 145`,
  dateLabel: (file: string) => `Date of the report in ${file}, YYYY-MM-DD`,
  from: {
    text: 'the report itself',
    'other-report': 'another report dropped with it',
    dataset: 'the dataset in this browser',
    nowhere: 'nowhere: please give them',
  } as Record<string, string>,
  draftButton: 'Draft proposals',
  startOver: 'Start over',
  identityMissing: (file: string) => `Give the number (like COM(2019) 145) and the date (YYYY-MM-DD) of the report in ${file}.`,

  notReportFile: (file: string) => `${file} is not a report file Eurefs reads: choose a .txt, .md or .html file.`,
  emptyFile: (file: string) => `${file} is empty.`,
  notAReport: (file: string) =>
    `${file} does not read as a Security Union progress report: its first pages do not say which report it is (“This is the … report”).`,
  nothingFound: (files: string) =>
    `The drafter found nothing to propose in ${files}: every dated stage it reads there is already in the dataset, or the text names no document it knows how to read.`,
  failed: (message: string) => `Drafting failed: ${message}`,
  noImportSection: 'the import section is not on this page',
  noDraft: 'There is no draft to import: draft a report first.',
  workerStopped: 'The drafting worker stopped; try again.',

  reviewHeading: 'Review the proposals',
  reviewHelp: 'Least confident first. Each shows the report’s words it rests on, highlighted in their paragraph.',
  drafted: (proposals: number, reports: string, ms: number, where: 'worker' | 'page') =>
    `${plural(proposals, 'proposal', 'proposals')} from ${reports} (drafted in ${Math.round(ms)} ms, ${where === 'worker' ? 'in the background' : 'on this page'}).`,
  counts: (accepted: number, rejected: number, pending: number) => `${accepted} accepted, ${rejected} rejected, ${pending} pending`,
  showLabel: 'Show',
  show: { all: 'all', pending: 'pending', accepted: 'accepted', rejected: 'rejected' } as Record<string, string>,
  acceptAllShown: (n: number) => `Accept all shown (${n})`,
  rejectAll: 'Reject all',
  noneShown: 'No proposal to show here.',
  importAccepted: (n: number) => `Import accepted (${n})`,
  fixEditsFirst: 'Fix the edits marked above before importing.',
  handedOff: (name: string) => `${name} is in the import below: check its preview there, then Apply. The import can be undone in the import history.`,
  skipped: (items: string) => `Left out, since the document they need was not accepted: ${items}.`,

  kind: { event: 'Event', document: 'New document', link: 'Link' } as Record<string, string>,
  newDocumentTitle: (title: string, kind: string) => `${title} (new ${kind})`,
  linkText: (proposal: string, act: string) => `${proposal} became ${act}`,
  stageField: 'Stage',
  dateField: 'Date',
  institutionField: 'By',
  confidenceField: 'Confidence',
  sectionField: 'Section',
  reportField: 'Report',
  sectionAndFootnote: (section: string, footnote?: number) => (footnote === undefined ? section : `${section}, footnote ${footnote}`),
  quoteLabel: 'The report’s words',
  decision: { pending: 'pending', accepted: 'accepted', rejected: 'rejected' } as Record<string, string>,
  accept: 'Accept',
  reject: 'Reject',
  edit: 'Edit',
  decisionText: (decision: string, edited: boolean) => `${decision}${edited ? ', edited' : ''}`,
  save: 'Save edit',
  cancelEdit: 'Cancel edit',
  documentField: 'Document',
  editLegend: (what: string) => `Edit ${what}`,
  dateNotInQuote: (date: string) => `The date ${date} is not in the quote: check it against the report before accepting.`,
  problem: {
    'date-invalid': 'The date must be written YYYY-MM-DD (or YYYY-MM) and be a real day.',
    'stage-unknown': 'Choose a stage from the list.',
    'document-unknown': 'No such document in the dataset or among the new documents proposed.',
  } satisfies Record<EditProblem, string>,
};
