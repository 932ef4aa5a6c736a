import Fuse from 'fuse.js';
import { fileURLToPath } from 'node:url';
import kb from 'virtual:kb';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../compiler/compile';
import { readContent } from '../compiler/read-content';
import { Detector } from '../detect/detector';
import { foldString } from '../detect/fold';
import type { KnowledgeBundle, SearchDoc } from '../kb/types';
import { FUSE_KEYS, FUSE_OPTIONS } from './config';
import { WORD_QUALITY, score, upperBound } from './ranking';
import { highlightRanges, makeSnippet } from './highlight';
import { FUZZY_BUDGET, KnowledgeSearch, significantTokens } from './search';
import type { SearchHit, SearchOptions, SearchResponse } from './search';
import { articleWords } from './search-doc';
import { cleanQuery, editDistance, typoBudget, wordMatches, wordMatchesPrefix, words } from './text';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { bundle } = compileContent(readContent(`${root}/test/fixtures/content-mini`, `${root}/test/fixtures`));
if (!bundle) throw new Error('mini content must compile');
const engine = new KnowledgeSearch(bundle);
const ids = (q: string, options = {}) => engine.search(q, options).results.map((r) => r.id);

describe('search', () => {
  it('finds an article by words of its title', () => {
    expect(ids('partnership access denied')[0]).toBe('mini-access-denied');
  });

  it('tolerates typos', () => {
    expect(ids('partnrship')).toContain('mini-partnerships');
    expect(ids('wipe handhled')[0]).toBe('mini-it-policy-rejected');
  });

  it('finds words deep in bodies and fix steps', () => {
    expect(ids('directory object')[0]).toBe('mini-access-denied');
  });

  it('finds commands users paste', () => {
    expect(ids('Set-ActiveSyncMailboxPolicy -DevicePolicyRefreshInterval unlimited')[0]).toBe('mini-access-denied');
  });

  it('filters by product', () => {
    const all = ids('partnership');
    expect(all).toContain('mini-access-denied');
    expect(ids('partnership', { product: 'bes' })).not.toContain('mini-access-denied');
    for (const r of engine.search('the', { product: 'notifysync' }).results) expect(r.product).toBe('notifysync');
  });

  it('returns highlight ranges on the words that matched', () => {
    const [hit] = engine.search('wipe handheld').results;
    expect(hit?.id).toBe('mini-it-policy-rejected');
    const marked = hit!.titleRanges.map(([s, e]) => hit!.title.slice(s, e).toLowerCase());
    expect(marked).toEqual(['wipe', 'handheld']);
    for (const [s, e] of hit!.snippetRanges)
      expect(['wipe', 'handheld']).toContain(hit!.snippet.slice(s, e).toLowerCase());
  });

  it('sends a pasted device message or log line to its article first', () => {
    const pasted = engine.search('  StatusException: Conflict matching the client and server object  ');
    expect(pasted.results[0]?.id).toBe('mini-resend');
    expect(pasted.results[0]?.via).toBe('signature');
    expect(pasted.confident).toBe(true);
    const log = engine.search(
      '2017-09-30 15:30:31 10.1.1.5 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Ping&User=jo 443 jo 10.2.2.2 Apple-iPhone - 500 0 64 15',
    );
    expect(log.results[0]?.id).toBe('mini-access-denied');
  });

  it('says when nothing answers the question', () => {
    for (const q of ['printer out of toner', 'Lotus Notes replication conflict', 'gmail imap 535 authentication']) {
      expect(engine.search(q).confident, q).toBe(false);
    }
    expect(engine.search('wipe handheld').confident).toBe(true);
  });

  it('handles hostile queries without throwing', () => {
    const hostile = [
      'a'.repeat(10_000),
      'x'.repeat(100_000),
      '.*+?^${}()|[]\\/',
      '\u202eDeniedAccess\u202c \u2066rtl\u2069',
      'e\u0301\u0301\u0301\u0301 wi\u0308pe',
      '\u0000\u0001\u0002',
      '💥'.repeat(500),
      '',
      '   ',
    ];
    for (const q of hostile) {
      const r = engine.search(q);
      expect(Array.isArray(r.results)).toBe(true);
      expect(r.query.length).toBeLessThanOrEqual(10_000);
    }
    expect(ids('wïpe handheld')[0]).toBe('mini-it-policy-rejected');
  });
});

/**
 * The ranking by brute force: every vocabulary word checked against every token, fuse.js over
 * every article per token, then the same score (ranking.ts) for the FUZZY_BUDGET candidates
 * with the best bounds, and the score without fuse.js's part for the rest. The search must
 * return exactly this: it stops asking fuse.js only where no remaining bound can reach the page.
 */
type Ranking = Pick<SearchResponse, 'query' | 'results' | 'findings'>;

function bruteForce(bundle: KnowledgeBundle): (raw: string, options?: SearchOptions) => Ranking {
  const docs = bundle.search.docs;
  const fuse = new Fuse<SearchDoc>(docs, { ...FUSE_OPTIONS, keys: FUSE_KEYS.map((k) => ({ ...k })) });
  // The same patterns come back with each set of options: fuse.js over every article is slow.
  const fuseResults = new Map<string, ReturnType<typeof fuse.search>>();
  const fuseSearch = (pattern: string) =>
    fuseResults.get(pattern) ?? fuseResults.set(pattern, fuse.search(pattern)).get(pattern)!;
  const detector = new Detector(bundle.signatures);
  const byId = new Map(bundle.articles.map((a) => [a.id, a]));
  const field = new Map<string, Set<number>>();
  const body = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, w: string, i: number) =>
    (map.get(w) ?? map.set(w, new Set()).get(w)!).add(i);
  docs.forEach((d, i) => {
    const fields = new Set(
      words([d.title, d.aliases.join(' '), d.signatures.join(' '), d.symptom, d.summary, d.keywords].join(' ')),
    );
    for (const w of fields) add(field, w, i);
    for (const w of new Set(words(articleWords(byId.get(d.id)!)))) if (!fields.has(w)) add(body, w, i);
  });
  const mean = (v: number[]) => (v.length ? v.reduce((sum, x) => sum + x, 0) / v.length : 0);
  const hit = (i: number, tokens: string[], score: number, via: SearchHit['via']): SearchHit => {
    const d = docs[i]!;
    const snippet = makeSnippet([d.symptom, d.summary], tokens);
    const { id, title, product, kind } = d;
    const titleRanges = highlightRanges(d.title, tokens);
    return { id, title, product, kind, score, snippet: snippet.text, titleRanges, snippetRanges: snippet.ranges, via };
  };
  return (raw, options = {}) => {
    const query = cleanQuery(raw);
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const products = options.product === undefined ? undefined : new Set([options.product].flat());
    if (!query) return { query, results: [], findings: [] };
    const findings = query.length >= 4 ? detector.find(query, { maxFindings: 50 }) : [];
    const tokens = significantTokens(query);
    const results: SearchHit[] = [];
    const seen = new Set<number>();
    for (const f of [...findings].sort((a, b) => b.confidence - a.confidence || a.start - b.start)) {
      const i = docs.findIndex((d) => d.id === f.article);
      if (i < 0 || seen.has(i) || (products && !products.has(docs[i]!.product))) continue;
      seen.add(i);
      results.push(hit(i, tokens, f.confidence, 'signature'));
    }
    const quality = docs.map(() => tokens.map(() => 0));
    const fuseScore = docs.map(() => tokens.map(() => 1));
    tokens.forEach((t, k) => {
      const known = field.has(t) || body.has(t);
      const budget = typoBudget(t.length);
      for (const [map, factor] of [
        [field, 1],
        [body, WORD_QUALITY.bodyOnly],
      ] as const) {
        for (const [w, holders] of map) {
          let q = 0;
          if (w === t) q = WORD_QUALITY.exact;
          else if (t.length >= 3 && wordMatchesPrefix(w, t)) q = WORD_QUALITY.prefix;
          else if (!known && budget > 0 && editDistance(w, t, budget) <= budget)
            q = t.length >= 7 ? WORD_QUALITY.longTypo : WORD_QUALITY.shortTypo;
          for (const i of holders) quality[i]![k] = Math.max(quality[i]![k]!, q * factor);
        }
      }
      for (const r of fuseSearch(t)) {
        if (quality[r.refIndex]![k]! > 0)
          fuseScore[r.refIndex]![k] = Math.min(fuseScore[r.refIndex]![k]!, r.score ?? 1);
      }
    });
    const candidates = docs.map((_, i) => i).filter((i) => quality[i]!.some((q) => q > 0));
    const folded = foldString(query);
    const ranked = candidates
      .filter((i) => !seen.has(i) && (!products || products.has(docs[i]!.product)))
      .map((i) => {
        const titleWords = words(docs[i]!.title);
        const matching = titleWords.filter((w) => tokens.some((t) => wordMatches(w, t))).length;
        const parts = {
          coverage: mean(quality[i]!),
          answersAll: quality[i]!.every((q) => q > 0) ? 1 : 0,
          inTitle: mean(tokens.map((t) => (titleWords.some((w) => wordMatches(w, t)) ? 1 : 0))),
          focus: titleWords.length ? matching / titleWords.length : 0,
          alias: docs[i]!.aliases.some((a) => foldString(a) === folded) ? 1 : 0,
        };
        const answered = quality[i]!.filter((q) => q > 0).length;
        return {
          i,
          parts,
          bound: upperBound(parts, answered / tokens.length),
          fuzzy: mean(fuseScore[i]!.map((f) => 1 - f)),
        };
      })
      .sort((a, b) => b.bound - a.bound || a.i - b.i)
      .map((c, rank) => ({
        i: c.i,
        score: score({ ...c.parts, fuzzy: rank < FUZZY_BUDGET ? c.fuzzy : 0 }),
      }))
      .sort((a, b) => b.score - a.score || a.i - b.i);
    for (const r of ranked.slice(0, limit - results.length)) {
      results.push(hit(r.i, tokens, Math.round(Math.max(0, Math.min(1, r.score)) * 1000) / 1000, 'fuzzy'));
    }
    return { query, results: results.slice(0, limit), findings };
  };
}

describe('search at scale', () => {
  it('answers each prefix of a typed query as a fresh engine would: nothing carries over', () => {
    const detector = new Detector(kb.signatures);
    const typing = new KnowledgeSearch(kb, detector);
    const fresh = (q: string, options: SearchOptions) => new KnowledgeSearch(kb, detector).search(q, options);
    const typed = [
      'partnership access denied',
      'enterprise activaton status',
      'StatusException: Conflict matching the client and server obj',
      'wipe handhled',
    ];
    for (const text of typed) {
      for (let end = 1; end <= text.length; end++) {
        const q = text.slice(0, end);
        for (const options of [{}, { limit: 3, product: 'activesync' as const }]) {
          expect(typing.search(q, options), `${q} ${JSON.stringify(options)}`).toEqual(fresh(q, options));
        }
      }
    }
  });

  it('ships no fuse.js index: search loads the records and the vocabulary only', () => {
    expect(Object.keys(kb.search).sort()).toEqual(['docs', 'tokens']);
  });

  it('ranks exactly as scoring every article with fuse.js would', () => {
    const fast = new KnowledgeSearch(kb);
    const slow = bruteForce(kb);
    const titleWords = kb.articles.slice(0, 12).map((a) => a.title.split(' ').slice(0, 3).join(' '));
    const queries = [
      ...titleWords,
      'partnrship quarantine',
      'enterprise activaton',
      'EAS',
      'F5',
      'sync',
      'the',
      'a',
      'ActiveSync Ping command heartbeat',
      'wipe handhled',
      'Set-ActiveSyncMailboxPolicy -DevicePolicyRefreshInterval unlimited',
      'StatusException: Conflict matching the client and server obj',
      '2017-09-30 15:30:31 POST /Microsoft-Server-ActiveSync/default.eas 500 0 64',
      'printer out of toner',
      'BlackBerry Curve - the server is not respnding.  Please con',
      'Enterprise Activation status: Activating...',
      'IT Policy Rejected. Please wipe handheld and try again.',
      'the request was aborted: the request was canceled',
      'Not all databases synchronized successfully – Address Book',
      'device blocked quarantine exchange allow block',
    ];
    for (const q of queries) {
      for (const options of [{}, { limit: 3 }, { limit: 25, product: 'activesync' as const }]) {
        const { query, results, findings } = fast.search(q, options);
        expect({ query, results, findings }, `${q} ${JSON.stringify(options)}`).toEqual(slow(q, options));
      }
    }
  });
});
