/**
 * The three kinds of query the issue asks about, drawn (seeded) from a compiled bundle, each
 * with the article it should find: two words of a title; three words with one typo; a pasted
 * error of up to 60 characters.
 */
import type { KnowledgeBundle } from '../../shared/kb/types';
import { STOPWORDS } from '../../shared/search/config';
import type { Rng } from './rng';
import { int, mulberry32, pick, sample } from './rng';

export const QUERY_KINDS = ['title', 'typo', 'paste'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Id of the article the query is about. */
  target: string;
}

const PASTE_MAX = 60;

function plainWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => w.length >= 3 && !STOPWORDS.has(w.toLowerCase()));
}

/** One typing slip in a word: a swapped pair, a dropped, doubled or wrong letter. */
export function typo(rng: Rng, word: string): string {
  const i = int(rng, 1, word.length - 2);
  switch (int(rng, 0, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const c = String.fromCharCode(((word.toLowerCase().charCodeAt(i) - 97 + int(rng, 1, 24)) % 26) + 97);
      return word.slice(0, i) + c + word.slice(i + 1);
    }
  }
}

export function makeQueries(bundle: KnowledgeBundle, perKind = 30, seed = 99): BenchQuery[] {
  const rng = mulberry32(seed);
  const articles = bundle.articles;
  const out: BenchQuery[] = [];
  const draw = (n: number) => sample(rng, articles, Math.min(n, articles.length));

  for (const a of draw(perKind * 3)) {
    if (out.filter((x) => x.kind === 'title').length >= perKind) break;
    const ws = [...new Set(plainWords(a.title))];
    if (ws.length < 2) continue;
    const [x, y] = sample(rng, ws, 2).sort((p, q) => ws.indexOf(p) - ws.indexOf(q));
    out.push({ kind: 'title', text: `${x} ${y}`, target: a.id });
  }

  for (const a of draw(perKind * 3)) {
    if (out.filter((x) => x.kind === 'typo').length >= perKind) break;
    const ws = [...new Set(plainWords(`${a.title} ${a.summary}`))];
    const long = ws.filter((w) => w.length >= 5);
    if (ws.length < 3 || !long.length) continue;
    const slipped = pick(rng, long);
    const rest = sample(
      rng,
      ws.filter((w) => w !== slipped),
      2,
    );
    const three = sample(rng, [typo(rng, slipped), ...rest], 3);
    out.push({ kind: 'typo', text: three.join(' '), target: a.id });
  }

  // Pasted errors: a signature's example line, else the quoted message of a symptom.
  const pastes: BenchQuery[] = [];
  for (const s of sample(rng, bundle.signatures, bundle.signatures.length)) {
    pastes.push({ kind: 'paste', text: pick(rng, s.examples).slice(0, PASTE_MAX).trim(), target: s.article });
    if (pastes.length >= perKind) break;
  }
  for (const a of draw(articles.length)) {
    if (pastes.length >= perKind) break;
    const quoted = a.symptom?.match(/"([^"]{12,})"/)?.[1];
    if (quoted) pastes.push({ kind: 'paste', text: quoted.slice(0, PASTE_MAX).trim(), target: a.id });
  }
  out.push(...pastes);
  return out;
}
