/**
 * The built CLI (dist/cli via cli/bin/syncfix.mjs), end to end as a user runs it.
 * Needs `npm run build:cli` first (`npm test` builds everything).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'cli/bin/syncfix.mjs');
const mixedLog = join(root, 'test/fixtures/logs/mixed.log');

function syncfix(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/syncfix.mjs')))
    throw new Error('dist/cli/syncfix.mjs missing: run npm run build:cli');
});

describe('syncfix search', () => {
  it('prints the stable --json shape, best first', () => {
    const r = syncfix(['search', 'waiting for services', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { confident: boolean; results: Record<string, unknown>[] };
    expect(json.confident).toBe(true);
    expect(Object.keys(json)).toEqual(['confident', 'reason', 'results']);
    expect(Object.keys(json.results[0]!)).toEqual(['id', 'title', 'product', 'score', 'snippet']);
    expect(json.results[0]!.product).toBe('bes');
    const scores = json.results.map((x) => x.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('filters by product and limits the count', () => {
    const json = JSON.parse(syncfix(['search', 'timeout', '--product', 'seg', '--limit', '2', '--json']).out) as {
      results: { product: string }[];
    };
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results.length).toBeLessThanOrEqual(2);
    for (const r of json.results) expect(r.product).toBe('seg');
  });

  it('says plainly when nothing answers the question', () => {
    const r = syncfix(['search', 'printer out of toner']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Not sure about "printer out of toner": \S/);
    const json = JSON.parse(syncfix(['search', 'printer out of toner', '--json']).out) as {
      confident: boolean;
      reason: string;
      results: unknown[];
    };
    expect(json.confident).toBe(false);
    expect(json.reason.length).toBeGreaterThan(10);
    expect(json.results.length).toBeLessThanOrEqual(3);
  });

  it('answers a bare code with the article that claims it, confidently', () => {
    const json = JSON.parse(syncfix(['search', '449', '--json']).out) as {
      confident: boolean;
      results: { id: string }[];
    };
    expect(json.confident).toBe(true);
    expect(json.results[0]!.id).toBe('eas-http-449-provisioning-required');
  });

  it('rejects bad options with a message naming the value', () => {
    const product = syncfix(['search', 'x', '--product', 'lotus']);
    expect(product.code).toBe(2);
    expect(product.err).toContain(
      '--product must be one of bes, blackberry, activesync, seg, notifysync, zpush, got "lotus"',
    );
    const limit = syncfix(['search', 'x', '--limit', 'lots']);
    expect(limit.err).toContain('--limit must be a whole number from 1 to 100, got "lots"');
    expect(syncfix(['search']).err).toContain('search needs a query');
    expect(syncfix(['frobnicate']).err).toContain('unknown command "frobnicate"');
    expect(syncfix(['search', 'x', '--colour']).err).toContain('unknown option --colour');
  });
});

describe('syncfix explain', () => {
  it('finds every known error in a log file with offsets into the input, and nothing in prose', () => {
    const r = syncfix(['explain', mixedLog, '--json']);
    expect(r.code).toBe(0);
    const text = readFileSync(mixedLog, 'utf8');
    const { findings } = JSON.parse(r.out) as {
      findings: {
        start: number;
        end: number;
        text: string;
        signature: string;
        article: string;
        title: string;
        confidence: number;
      }[];
    };
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(['start', 'end', 'text', 'signature', 'article', 'title', 'confidence']);
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
    const lines = findings.map((f) => text.slice(0, f.start).split('\n').length);
    expect(new Set(lines)).toEqual(new Set([1, 4, 5]));
    expect(findings.some((f) => /wipe handheld/i.test(f.text))).toBe(true);
    expect(findings.some((f) => /client\/server conversion/.test(f.text))).toBe(true);
  });

  it('reads standard input and explains each error with its fix in plain text', () => {
    const r = syncfix(['explain'], 'IT Policy Rejected. Please wipe handheld and try again\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 known error found:/);
    expect(r.out).toMatch(/line 1:1 {2}"IT Policy Rejected\. Please wipe handheld and try again"/);
    expect(r.out).toMatch(/Likely cause: /);
    expect(r.out).toMatch(/\n {4}1\. /);
    expect(syncfix(['explain', '-'], 'all quiet on the mail front\n').out).toBe('No known errors found.\n');
  });

  it('refuses a missing file, a folder and a binary file with a clear message', () => {
    const missing = syncfix(['explain', 'no/such.log']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('syncfix: cannot read no/such.log: no such file\n');
    expect(syncfix(['explain', 'test']).err).toBe('syncfix: cannot read test: it is a directory, not a file\n');
    const dir = mkdtempSync(join(tmpdir(), 'syncfix-'));
    const binary = join(dir, 'capture.pcap');
    writeFileSync(binary, Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 0, 0, 0, 0, 2, 0]));
    const r = syncfix(['explain', binary]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`syncfix: ${binary} looks like a binary file, not text: pass a log or text file\n`);
  });

  it('reads UTF-16 logs as Windows tools write them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncfix-'));
    const file = join(dir, 'utf16.log');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('IT Policy Rejected. Please wipe handheld and try again', 'utf16le'),
      ]),
    );
    expect(JSON.parse(syncfix(['explain', file, '--json']).out).findings).toHaveLength(1);
  });
});

describe('syncfix show', () => {
  it('prints an article with causes and fixes as plain text fields', () => {
    const id = (JSON.parse(syncfix(['search', 'IT Policy Rejected', '--json']).out) as { results: { id: string }[] })
      .results[0]!.id;
    const json = JSON.parse(syncfix(['show', id, '--json']).out) as Record<string, unknown> & {
      causes: { title: string; fix: { text: string }[] }[];
    };
    expect(json.id).toBe(id);
    expect(json.kind).toBe('problem');
    expect(json.causes.length).toBeGreaterThan(0);
    for (const c of json.causes) for (const s of c.fix) expect(s.text).not.toMatch(/<[a-z]/i);
    const human = syncfix(['show', id]);
    expect(human.out).toContain('Cause 1: ');
  });

  it('shows where the facts come from and which versions a command is for', () => {
    const json = JSON.parse(syncfix(['show', 'eas-clean-reenrolment', '--json']).out) as {
      steps: { command?: string; applies?: string[] }[];
      sources: { title: string; url?: string; seed?: string }[];
    };
    expect(json.sources.length).toBeGreaterThan(0);
    expect(json.steps.find((s) => s.command?.startsWith('Remove-MobileDevice'))?.applies).toEqual([
      'exchange-2013+',
      'exchange-online',
    ]);
    const human = syncfix(['show', 'eas-clean-reenrolment']).out;
    expect(human).toContain('[For Exchange 2013 and later, Exchange Online]');
    expect(human).toMatch(/\nSources:\n {2}- .+/);
  });

  it('shows the article that absorbed a merged one when given its old id', () => {
    const human = syncfix(['show', 'eas-command-ping']);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^"eas-command-ping" is now part of "eas-commands-overview"\./);
    const json = JSON.parse(syncfix(['show', 'eas-command-ping', '--json']).out) as {
      id: string;
      redirectedFrom: string;
    };
    expect(json).toMatchObject({ id: 'eas-commands-overview', redirectedFrom: 'eas-command-ping' });
  });

  it('suggests near ids for an unknown one', () => {
    const r = syncfix(['show', 'it-policy']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^syncfix: no article "it-policy"; did you mean: /);
  });
});

describe('syncfix check', () => {
  it('passes the shipped content and a valid fixture folder', () => {
    expect(syncfix(['check']).out).toMatch(/^content: \d+ articles, \d+ signatures, all valid/);
    expect(syncfix(['check', 'test/fixtures/content-mini']).code).toBe(0);
  });

  it('fails broken content with one file: field: reason line per problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncfix-content-'));
    const bes = join(dir, 'content', 'bes');
    spawnSync('mkdir', ['-p', bes]);
    writeFileSync(
      join(bes, 'broken.md'),
      '---\nid: broken\ntitle: Broken\nproduct: bes\nkind: problem\nsummary: s\nsymptom: x\nconcepts: [nowhere]\ncauses:\n  - title: t\n---\nBody\n',
    );
    const r = spawnSync(process.execPath, [bin, 'check', join(dir, 'content')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/bes/broken.md: causes[0].fix: required');
    expect(r.stderr).toContain('content/bes/broken.md: concepts[0]: links to "nowhere", which does not exist');
    expect(syncfix(['check', 'no-such-dir']).err).toContain('no-such-dir: not a folder');
  });
});
