/**
 * A fact from `../shared/seeds/` that the knowledge base must keep, verbatim, and find.
 * `seed-facts.test.ts` asserts that `fact` appears in the compiled knowledge (in the named
 * article) and that searching for `query` (default: `fact`) ranks `article` in the top three.
 */
export interface SeedFact {
  /** The verbatim string from the seed: an error message, KB number, command, setting, value. */
  fact: string;
  /** Id of the article that must hold it and be found for it. */
  article: string;
  /** What a user would type to find it, when the bare fact is too ambiguous (e.g. "45"). */
  query?: string;
}
