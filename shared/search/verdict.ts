/**
 * Whether the first result is an answer, and why or why not, in words shown the same way by
 * the guide, the popup, the omnibox and `syncfix search`. The thresholds were chosen on the
 * tuning half of the real-world question set (`npm run quality`), never on the checking half.
 */

/** How many results a "not sure" answer still shows, marked as possible matches. */
export const POSSIBLE_MATCHES = 3;

export interface VerdictInputs {
  /**
   * The query holds a known error string of the first result (`exact`) or a generic one (a
   * framework's message many products print: it counts as words, not as proof).
   */
  detection: 'exact' | 'generic' | 'none';
  /** The code the query names and the first result claims ("HTTP 449"), if any. */
  code?: string;
  /**
   * How much of the query's meaning the first result answers: each query word weighted by how
   * rare it is in the guide (a word every article has counts little), words the guide never
   * uses (names, ids, addresses) left out. 0..1.
   */
  answeredWeight: number;
  /** Share of the query's words that no article holds at all. 0..1. */
  unknownShare: number;
  /** (first score − second score) / first score: how far ahead the first result is. 0..1. */
  margin: number;
  /** Query words some article holds. */
  knownWords: number;
}

export interface Verdict {
  confident: boolean;
  /** One sentence for the user: why this is (or may not be) the answer. */
  reason: string;
}

/** Calibrated on the tuning half; see test/quality/README.md for the figures behind them. */
export const VERDICT_THRESHOLDS = Object.freeze({
  /** The first result must answer at least this share of the query's weighted words… */
  answeredWeight: 0.85,
  /** …with no more than this share of words the guide has never seen… */
  unknownShare: 0.3,
  /** …and lead the second result by at least this much… */
  margin: 0.08,
  /**
   * …unless the query is a topic this short ("BES", "activesync partnership") and the first
   * result answers all of it: then the articles tying with it are all answers too.
   */
  topicWords: 2,
});

/** Every weighted word answered, give or take rounding. */
const FULL_ANSWER = 0.999;

export const REASONS = Object.freeze({
  exact: 'It matches a known error message word for word.',
  code: (code: string) => `It is the article for ${code}.`,
  words: 'It answers the words that matter in your query.',
  unknown: 'Many of your words are not in the guide (names, ids or another product’s terms).',
  partial: 'None of these answers all the words that matter in your query.',
  close: 'Several articles match about equally well.',
  nothing: 'Nothing in the guide matches these words.',
});

export function verdict(inputs: VerdictInputs, hasResults = true): Verdict {
  const t = VERDICT_THRESHOLDS;
  if (!hasResults) return { confident: false, reason: REASONS.nothing };
  if (inputs.detection === 'exact') return { confident: true, reason: REASONS.exact };
  if (inputs.code) return { confident: true, reason: REASONS.code(inputs.code) };
  if (inputs.unknownShare > t.unknownShare) return { confident: false, reason: REASONS.unknown };
  if (inputs.answeredWeight < t.answeredWeight) return { confident: false, reason: REASONS.partial };
  const topic = inputs.knownWords <= t.topicWords && inputs.answeredWeight >= FULL_ANSWER;
  if (inputs.margin < t.margin && !topic) return { confident: false, reason: REASONS.close };
  return { confident: true, reason: REASONS.words };
}
