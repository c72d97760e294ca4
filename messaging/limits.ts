/** Enough for any real page; a page with more unique ids is looked up in several batches. */
export const MAX_IDS_PER_LOOKUP = 5000;
