/**
 * How search answers the real-world question set: per half (tuning / checking) and per kind,
 * the share with the right article first, in the first three, and answered confidently and
 * right; for negatives and unanswered questions, the share answered confidently (wrongly).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../../shared/compiler/vite-plugin-kb';
import type { KnowledgeBundle } from '../../shared/kb/types';
import { KnowledgeSearch } from '../../shared/search/search';
import type { Half } from './halves';
import { halfOf, splitKey } from './halves';

export interface QualityItem {
  query: string;
  kind: string;
  source?: string;
  /** Absent on negatives: nothing should answer them. */
  answers?: string[];
}

export type SetName = 'real' | 'synthetic' | 'negatives' | 'unanswered';

export interface Tally {
  count: number;
  top1: number;
  top3: number;
  confidentRight: number;
  /** Confident while wrong: for negatives and unanswered questions, any confident answer. */
  confidentWrong: number;
}

export interface Miss {
  set: SetName;
  half: Half;
  kind: string;
  query: string;
  expected: string[];
  got: string[];
  confident: boolean;
}

export interface QueriesReport {
  /** `set/half/kind` → tally; kind `all` sums the kinds. */
  tallies: Map<string, Tally>;
  misses: Miss[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

const SETS: Record<SetName, string> = {
  real: 'real-queries.json',
  synthetic: 'synthetic-queries.json',
  negatives: 'negatives.json',
  unanswered: 'unanswered.json',
};

export function loadSet(name: SetName): QualityItem[] {
  return JSON.parse(readFileSync(`${here}${SETS[name]}`, 'utf8')) as QualityItem[];
}

const empty = (): Tally => ({ count: 0, top1: 0, top3: 0, confidentRight: 0, confidentWrong: 0 });

function add(tallies: Map<string, Tally>, key: string, item: Omit<Tally, 'count'>): void {
  const t = tallies.get(key) ?? empty();
  tallies.set(key, {
    count: t.count + 1,
    top1: t.top1 + item.top1,
    top3: t.top3 + item.top3,
    confidentRight: t.confidentRight + item.confidentRight,
    confidentWrong: t.confidentWrong + item.confidentWrong,
  });
}

export function reportQueries(kb: KnowledgeBundle = buildBundle(root)): QueriesReport {
  const search = new KnowledgeSearch(kb);
  const tallies = new Map<string, Tally>();
  const misses: Miss[] = [];
  for (const set of Object.keys(SETS) as SetName[]) {
    for (const item of loadSet(set)) {
      const half = halfOf(splitKey(item));
      const { results, confident } = search.search(item.query, { limit: 3 });
      const got = results.map((r) => r.id);
      const answers = item.answers ?? [];
      const answerable = answers.length > 0;
      const right = answerable && answers.includes(got[0] ?? '');
      const inTop3 = answerable && got.some((id) => answers.includes(id));
      const outcome = {
        top1: Number(right),
        top3: Number(inTop3),
        confidentRight: Number(confident && right),
        confidentWrong: Number(confident && !right),
      };
      for (const kind of [item.kind, 'all']) add(tallies, `${set}/${half}/${kind}`, outcome);
      if (answerable ? !(confident && right) : confident) {
        misses.push({ set, half, kind: item.kind, query: item.query, expected: answers, got, confident });
      }
    }
  }
  return { tallies, misses };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '–');

export function formatQueriesReport({ tallies, misses }: QueriesReport, showMisses: Half | 'none' = 'tuning'): string {
  const lines = ['set         half      kind             n  top-1  top-3  confident+right  confident+wrong'];
  const keys = [...tallies.keys()].sort((a, b) => {
    const [sa, ha, ka] = a.split('/');
    const [sb, hb, kb] = b.split('/');
    return (
      sa!.localeCompare(sb!) ||
      ha!.localeCompare(hb!) ||
      (ka === 'all' ? -1 : kb === 'all' ? 1 : ka!.localeCompare(kb!))
    );
  });
  for (const key of keys) {
    const [set, half, kind] = key.split('/');
    const t = tallies.get(key)!;
    lines.push(
      `${set!.padEnd(11)} ${half!.padEnd(9)} ${kind!.padEnd(14)} ${String(t.count).padStart(3)}  ${pct(t.top1, t.count).padStart(5)}  ${pct(t.top3, t.count).padStart(5)}  ${pct(t.confidentRight, t.count).padStart(15)}  ${pct(t.confidentWrong, t.count).padStart(15)}`,
    );
  }
  if (showMisses !== 'none') {
    lines.push('', `Misses in the ${showMisses} half (not confidently right; for negatives: answered confidently):`);
    for (const m of misses.filter((x) => x.half === showMisses)) {
      lines.push(
        `  [${m.set}/${m.kind}] ${JSON.stringify(m.query.slice(0, 90))} expected ${m.expected.join(', ') || '(none)'}; got ${m.got.join(', ') || '(nothing)'}${m.confident ? ' (confident)' : ''}`,
      );
    }
  }
  return lines.join('\n');
}
