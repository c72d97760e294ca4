/** Notes and page visits are listed this many at a time ("Show more"): a reader may keep thousands. */
export const LIST_PAGE = 50;
