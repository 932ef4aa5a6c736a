/**
 * How much the content script allows itself on one page. Past these it stops, keeps what it
 * has marked and says so in the popup (uBlock's "too many misses"; Dark Reader's
 * HUGE_MUTATIONS_COUNT) instead of making the admin's console sluggish.
 */
export const LIMITS = Object.freeze({
  /** One slice of work, then yield. Well under the 50 ms long-task line, leaving room for the page. */
  sliceBudgetMs: 8,
  /** Text handed to the detector in one call: one linear pass over 32 K chars takes ~1 ms. */
  chunkChars: 32_768,
  /** A page with more text nodes than this is not a console worth scanning in full. */
  maxTextNodes: 150_000,
  /** ~8 MB of text: a long log opened in the browser passes, a data dump does not. */
  maxChars: 8_000_000,
  /** Marks kept on one page; past it the count stays honest but nothing more is drawn. */
  maxMarks: 2_000,
  /** Mutation records in one callback above which we rescan parents instead of each node. */
  hugeMutationBatch: 1_000,
  /** Changes are gathered this long before rescanning (a log tail appends in bursts). */
  coalesceMs: 200,
  /** …but never left waiting longer than this while the page keeps changing. */
  maxCoalesceMs: 1_000,
  /** Records per second sustained over `stormSeconds` that make us stop following changes. */
  stormRecordsPerSecond: 5_000,
  stormSeconds: 3,
  /** Table header text added to each row's line for context ("Device access state"). */
  headerContextChars: 300,
});
