/**
 * The fixture pages (test/fixtures/pages) and how each says which lines hold known errors:
 * HTML fixtures annotate the line element with `data-expect="<article id>"`; the IIS log is
 * plain text, so its oracle is the log format itself (ActiveSync requests answered 500/401).
 */
import type { Page } from 'playwright-core';

export interface Fixture {
  name: string;
  path: string;
  /** Resolves when the page has finished rendering (single-page apps keep changing after load). */
  ready?: (page: Page) => Promise<void>;
}

export const FIXTURES: readonly Fixture[] = [
  { name: 'exchange-console', path: 'exchange-mobile-devices.html' },
  { name: 'iis-log', path: 'iis-activesync.log' },
  { name: 'seg-log', path: 'seg-listener-log.html' },
  { name: 'notifysync-outbox', path: 'notifysync-outbox.html' },
  { name: 'bas-console', path: 'bas-activation.html' },
  {
    name: 'spa-console',
    path: 'spa-console.html',
    ready: async (page) => {
      await page.waitForSelector('body[data-state="done"]', { timeout: 10_000 });
    },
  },
];

export interface LogLineMark {
  line: number;
  text: string;
  kind: string;
}

/** Marks of a plain-text document (one <pre>) as line numbers, from the page's own world. */
export async function plainTextMarks(page: Page): Promise<LogLineMark[]> {
  return page.evaluate(() => {
    const pre = document.querySelector('pre')!;
    const out: { line: number; text: string; kind: string }[] = [];
    for (const kind of ['error', 'info']) {
      const highlight = CSS.highlights.get(`syncfix-${kind}`);
      if (!highlight) continue;
      for (const r of highlight as unknown as Iterable<AbstractRange>) {
        const before = document.createRange();
        before.setStart(pre, 0);
        before.setEnd(r.startContainer, r.startOffset);
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ line: before.toString().split('\n').length - 1, text: range.toString(), kind });
      }
    }
    return out;
  });
}

/** Lines of an IIS W3C log that are ActiveSync requests answered 500 or 401: the known errors. */
export function iisErrorLines(log: string): number[] {
  const lines = log.split('\n');
  const fields = lines
    .find((l) => l.startsWith('#Fields:'))!
    .slice('#Fields:'.length)
    .trim()
    .split(' ');
  const stem = fields.indexOf('cs-uri-stem');
  const status = fields.indexOf('sc-status');
  const errors: number[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('#') || !line.trim()) return;
    const cols = line.trim().split(' ');
    if (cols[stem]!.startsWith('/Microsoft-Server-ActiveSync') && ['500', '401'].includes(cols[status]!))
      errors.push(i);
  });
  return errors;
}
