/**
 * The built CLI against input an attacker (or an unlucky admin) points it at: endless
 * devices, huge files, pipes that never end, binary and broken text. Each ends with a clear
 * message, and the peak memory of the process stays bounded (read from the process itself
 * through a preloaded script), whatever the size of the input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'cli/bin/syncfix.mjs');
const bundled = join(root, 'dist/cli/syncfix.mjs');
const preload = join(root, 'test/fixtures/cli/report-rss.mjs');
const KNOWN = 'IT Policy Rejected. Please wipe handheld and try again';
/** The 64 MB input limit plus room for Node, the knowledge bundle and one decoded copy. */
const MAX_RSS_MB = 400;

let dir: string;
let baselineMb: number;

interface Run {
  code: number | null;
  out: string;
  err: string;
  rssMb: number;
}

function run(command: string[], options: { input?: string | Buffer; shell?: string } = {}): Run {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const env = { ...process.env, SYNCFIX_RSS_OUT: rssFile };
  const r = options.shell
    ? spawnSync('/bin/sh', ['-c', options.shell], { cwd: root, env, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(process.execPath, ['--import', preload, bin, ...command], {
        cwd: root,
        env,
        input: options.input,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
  let rssMb = NaN;
  try {
    rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // Killed by the timeout: no figure, and the exit code says why.
  }
  return { code: r.status, out: r.stdout, err: r.stderr, rssMb };
}

const shellRun = (pipeline: string) =>
  run([], { shell: pipeline.replace('SYNCFIX', `"${process.execPath}" --import "${preload}" "${bin}"`) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'syncfix-hostile-'));
  baselineMb = run(['explain', '-'], { input: `${KNOWN}\n` }).rssMb;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('syncfix explain on hostile input', () => {
  it('refuses an endless random device at once, as binary, without growing', () => {
    const r = run(['explain', '/dev/urandom']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('syncfix: /dev/urandom looks like a binary file, not text: pass a log or text file\n');
    expect(r.rssMb).toBeLessThan(baselineMb + 32);
  });

  it('refuses an endless device of NUL bytes the same way', () => {
    const r = run(['explain', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('looks like a binary file');
    expect(r.rssMb).toBeLessThan(baselineMb + 32);
  });

  it('refuses a 200 MB file from its size, before reading it', () => {
    const huge = join(dir, 'huge.log');
    writeFileSync(huge, `${KNOWN}\n`);
    truncateSync(huge, 200 * 1024 * 1024);
    const r = run(['explain', huge]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`syncfix: ${huge} is 200 MB; the limit is 64 MB (split it or grep it first)\n`);
    expect(r.rssMb).toBeLessThan(baselineMb + 32);
  });

  it('stops an endless text pipe at the limit, holding no more than the limit', () => {
    const r = shellRun(`yes '${KNOWN}' | SYNCFIX explain -`);
    expect(r.code).toBe(1);
    expect(r.err).toBe('syncfix: standard input is over 64 MB, the limit; split it or grep it first\n');
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('stops an endless text device behind a path (/dev/stdin) at the limit too', () => {
    const r = shellRun(`yes '${KNOWN}' | SYNCFIX explain /dev/stdin`);
    expect(r.code).toBe(1);
    expect(r.err).toBe('syncfix: /dev/stdin is over 64 MB, the limit; split it or grep it first\n');
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('explains a large pipe under the limit in full', () => {
    const lines = Array.from({ length: 400_000 }, (_, i) =>
      i % 100_000 === 7 ? KNOWN : `2024-03-11 09:14:02 INFO sync ok ${i}`,
    );
    const r = run(['explain', '-', '--json'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as { findings: unknown[] }).findings).toHaveLength(4);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('refuses binary that only shows itself after the first chunk', () => {
    const file = join(dir, 'late-binary.log');
    writeFileSync(file, Buffer.concat([Buffer.from(`${KNOWN}\n`.repeat(50_000)), Buffer.from([0, 1, 2, 3])]));
    const r = run(['explain', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('looks like a binary file');
  });

  it('explains text that is not valid UTF-8, saying so once on stderr', () => {
    const file = join(dir, 'latin1.log');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('Benutzer M'), Buffer.from([0xfc]), Buffer.from(`ller: ${KNOWN}\n`)]),
    );
    const r = run(['explain', file, '--json']);
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.out) as { findings: { start: number; text: string }[] };
    expect(findings.map((f) => f.text)).toEqual([KNOWN]);
    expect(findings[0]!.start).toBe('Benutzer M\uFFFDller: '.length);
    expect(r.err).toBe(
      `syncfix: ${file} is not valid UTF-8: the bytes that are not are read as \uFFFD (offsets count them so)\n`,
    );
  });
});

describe('the bundled CLI', () => {
  it('writes nothing to stderr for commands that succeed, however it is started', () => {
    for (const entry of [bin, bundled]) {
      for (const args of [['search', 'partnership', '--limit', '1'], ['show', 'bes-it-policy-rejected'], ['check']]) {
        const r = spawnSync(process.execPath, [entry, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
        expect(r.status, `${entry} ${args.join(' ')}`).toBe(0);
        expect(r.stderr, `${entry} ${args.join(' ')}`).toBe('');
      }
      const explain = spawnSync(process.execPath, [entry, 'explain'], {
        cwd: root,
        input: `${KNOWN}\n`,
        encoding: 'utf8',
      });
      expect(explain.stderr).toBe('');
    }
  });
});
