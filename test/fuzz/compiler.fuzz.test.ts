/**
 * Properties of the content compiler (`compileContent`), whatever a writer (or a bad merge)
 * leaves in content/: it never throws, and it either gives a bundle or says what is wrong,
 * each problem naming one of the files it was given. Inputs are real articles damaged at
 * random (cut, spliced, lines swapped, nasty text inserted) and frontmatter made up whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../shared/compiler/compile';
import type { SourceFile } from '../../shared/compiler/compile';
import { readContent } from '../../shared/compiler/read-content';
import { HANG_GUARD_MS, ROOT, hostileText, params } from './fuzz-config';

const mini = readContent(`${ROOT}test/fixtures/content-mini`, `${ROOT}test/fixtures`);
const pieces = mini.flatMap((f) => f.source.split('\n'));

type Edit = { kind: 'cut' | 'insert' | 'swap' | 'dup'; at: number; to: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('cut', 'insert', 'swap', 'dup'),
  at: fc.nat(),
  to: fc.nat(),
  text: hostileText(pieces, 200),
});

function damage(source: string, edits: readonly Edit[]): string {
  let s = source;
  for (const e of edits) {
    const a = e.at % (s.length + 1);
    const b = e.to % (s.length + 1);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (e.kind === 'cut') s = s.slice(0, lo) + s.slice(hi);
    else if (e.kind === 'insert') s = s.slice(0, lo) + e.text + s.slice(lo);
    else if (e.kind === 'dup') s = s.slice(0, hi) + s.slice(lo, hi) + s.slice(hi);
    else {
      const lines = s.split('\n');
      const i = e.at % lines.length;
      const j = e.to % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      s = lines.join('\n');
    }
  }
  return s;
}

function checkResult(files: readonly SourceFile[]): void {
  const result = compileContent(files, { date: '2026-01-01' });
  const paths = new Set(files.map((f) => f.path));
  if (!result.bundle) expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.field).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(paths.has(p.file) || p.file === '', `problem names ${p.file}`).toBe(true);
  }
  for (const a of result.bundle?.articles ?? []) expect(a.id.length).toBeGreaterThan(0);
}

const yamlValue: fc.Arbitrary<string> = fc.oneof(
  hostileText(pieces, 80).map((s) => JSON.stringify(s)),
  fc.constantFrom('[', ']', '{', '}', '&a [*a, *a]', '*undefined', '!!binary AAAA', '~', 'null', '- - -', '|', '>-'),
  fc.integer().map(String),
);
const frontmatter = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'id',
        'title',
        'product',
        'kind',
        'summary',
        'causes',
        'signatures',
        'sources',
        'codes',
        'x',
        '__proto__',
        'constructor',
      ),
      yamlValue,
    ),
    { maxLength: 12 },
  )
  .map((fields) => `---\n${fields.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);

describe('compileContent on damaged and made-up content', () => {
  it(
    'never throws on real articles damaged at random; problems name the files',
    () => {
      fc.assert(
        fc.property(
          fc.array(edit, { minLength: 1, maxLength: 6 }),
          fc.nat({ max: mini.length - 1 }),
          (edits, which) => {
            const files = mini.map((f, i) => (i === which ? { ...f, source: damage(f.source, edits) } : f));
            checkResult(files);
          },
        ),
        params(60),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'never throws on frontmatter made up whole, with any body',
    () => {
      fc.assert(
        fc.property(
          frontmatter,
          hostileText(pieces, 500),
          fc.constantFrom('content/bes/x.md', 'content/zz/y.md', 'x.md'),
          (head, body, path) => {
            checkResult([...mini, { path, source: head + body }]);
          },
        ),
        params(150),
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'refuses a YAML alias bomb without expanding it',
    () => {
      const levels = Array.from(
        { length: 12 },
        (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`,
      );
      const bomb = `---\nl0: &l0 ["lol"]\n${levels.join('\n')}\nid: bomb\n---\nbody\n`;
      checkResult([...mini, { path: 'content/bes/bomb.md', source: bomb }]);
    },
    HANG_GUARD_MS,
  );
});
