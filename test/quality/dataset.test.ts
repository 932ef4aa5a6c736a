/** The real-world question set (#16) keeps its shape: fields, known ids, sources listed, the promised counts. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const contentDir = join(here, '..', '..', 'content');

const KINDS = ['device-message', 'console-text', 'log-line', 'how-to', 'symptom', 'code'];
const PRODUCTS = ['bes', 'blackberry', 'activesync', 'seg', 'notifysync', 'zpush'];

type Entry = Record<string, unknown>;

function load(file: string): Entry[] {
  const data: unknown = JSON.parse(readFileSync(join(here, file), 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file} is not a JSON array`);
  return data as Entry[];
}

/** Article ids are file names under content/<product>/, whatever products exist by now. */
function existingIds(): Set<string> {
  const ids = new Set<string>();
  for (const dir of readdirSync(contentDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(contentDir, dir.name))) {
      if (file.endsWith('.md') && file !== 'README.md') ids.add(basename(file, '.md'));
    }
  }
  return ids;
}

const real = load('real-queries.json');
const unanswered = load('unanswered.json');
const negatives = load('negatives.json');
const synthetic = load('synthetic-queries.json');
const known = existingIds();

const str = (e: Entry, key: string): string => (typeof e[key] === 'string' ? (e[key] as string) : '');
const answersOf = (e: Entry): unknown[] => (Array.isArray(e.answers) ? e.answers : []);
const isUrl = (s: string) => /^https?:\/\/\S+$/.test(s);

describe('real queries', () => {
  it('holds at least 170 verbatim queries, each with a source URL, a known kind and product', () => {
    expect(real.length).toBeGreaterThanOrEqual(170);
    for (const e of real) {
      expect(str(e, 'query').trim(), JSON.stringify(e)).not.toBe('');
      expect(isUrl(str(e, 'source')), str(e, 'query')).toBe(true);
      expect(KINDS, str(e, 'query')).toContain(e.kind);
      expect(PRODUCTS, str(e, 'query')).toContain(e.product);
    }
  });

  it('answers each with one to three distinct final article ids, best first', () => {
    for (const e of real) {
      const answers = answersOf(e);
      expect(answers.length, str(e, 'query')).toBeGreaterThanOrEqual(1);
      expect(answers.length, str(e, 'query')).toBeLessThanOrEqual(3);
      expect(new Set(answers).size, str(e, 'query')).toBe(answers.length);
      for (const id of answers) {
        expect(known.has(id as string), `${str(e, 'query')} → ${String(id)} is not an article`).toBe(true);
      }
    }
  });

  it('covers every product and every kind', () => {
    for (const product of PRODUCTS)
      expect(
        real.some((e) => e.product === product),
        product,
      ).toBe(true);
    for (const kind of KINDS)
      expect(
        real.some((e) => e.kind === kind),
        kind,
      ).toBe(true);
  });
});

describe('unanswered queries', () => {
  it('have the real-query shape, no answers and a note naming the missing topic', () => {
    for (const e of unanswered) {
      expect(str(e, 'query').trim()).not.toBe('');
      expect(isUrl(str(e, 'source')), str(e, 'query')).toBe(true);
      expect(KINDS).toContain(e.kind);
      expect(PRODUCTS).toContain(e.product);
      expect(e.answers, str(e, 'query')).toEqual([]);
      expect(str(e, 'note').length, str(e, 'query')).toBeGreaterThan(10);
    }
  });
});

describe('negatives', () => {
  it('hold at least 50 real look-alikes, each saying what it really is', () => {
    expect(negatives.length).toBeGreaterThanOrEqual(50);
    for (const e of negatives) {
      expect(str(e, 'query').trim()).not.toBe('');
      expect(isUrl(str(e, 'source')), str(e, 'query')).toBe(true);
      expect(KINDS, str(e, 'query')).toContain(e.kind);
      expect(str(e, 'note').length, str(e, 'query')).toBeGreaterThan(10);
      expect(e.answers, str(e, 'query')).toBeUndefined();
    }
  });
});

describe('synthetic queries', () => {
  it('hold at least 45 short lower-case phone queries with no source', () => {
    expect(synthetic.length).toBeGreaterThanOrEqual(45);
    for (const e of synthetic) {
      const q = str(e, 'query');
      expect(e.synthetic, q).toBe(true);
      expect(e.source, q).toBeUndefined();
      expect(q, q).toBe(q.toLowerCase());
      expect(q.split(/\s+/).length, q).toBeLessThanOrEqual(8);
      expect(KINDS, q).toContain(e.kind);
      expect(PRODUCTS, q).toContain(e.product);
    }
  });

  it('answer each with one to three final article ids', () => {
    for (const e of synthetic) {
      const answers = answersOf(e);
      expect(answers.length, str(e, 'query')).toBeGreaterThanOrEqual(1);
      expect(answers.length, str(e, 'query')).toBeLessThanOrEqual(3);
      for (const id of answers) {
        expect(known.has(id as string), `${str(e, 'query')} → ${String(id)}`).toBe(true);
      }
    }
  });
});

describe('the set as a whole', () => {
  it('never repeats a query, whatever the file', () => {
    const seen = new Map<string, string>();
    const files: [string, Entry[]][] = [
      ['real', real],
      ['unanswered', unanswered],
      ['negatives', negatives],
      ['synthetic', synthetic],
    ];
    for (const [file, entries] of files) {
      for (const e of entries) {
        const norm = str(e, 'query').trim().replace(/\s+/g, ' ').toLowerCase();
        expect(seen.get(norm), `${file}: ${norm}`).toBeUndefined();
        seen.set(norm, file);
      }
    }
  });

  it('takes no more than four entries from one page and lists every page in SOURCES.md with its counts', () => {
    const counts = new Map<string, [number, number, number]>();
    const groups: Entry[][] = [real, unanswered, negatives];
    groups.forEach((entries, col) => {
      for (const e of entries) {
        const row = counts.get(str(e, 'source')) ?? [0, 0, 0];
        row[col] = (row[col] ?? 0) + 1;
        counts.set(str(e, 'source'), row);
      }
    });
    const sources = readFileSync(join(here, 'SOURCES.md'), 'utf8');
    for (const [url, [r, u, n]] of counts) {
      expect(r + u + n, url).toBeLessThanOrEqual(4);
      const line = sources.split('\n').find((l) => l.startsWith(`- <${url}> — `));
      expect(line, `${url} missing from SOURCES.md`).toBeDefined();
      expect(line, url).toMatch(new RegExp(`\\(real ${r}, unanswered ${u}, negative ${n}\\)$`));
    }
  });
});
