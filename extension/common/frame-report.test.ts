import { describe, expect, test } from 'vitest';
import { badgeText, frameReportShape, summarise } from './frame-report';
import type { FrameReport } from './frame-report';

const frame = (patch: Partial<FrameReport>): FrameReport => ({
  state: 'done',
  errors: 0,
  info: 0,
  articles: [],
  stats: { marker: 'highlight', textNodes: 10, chars: 100, slices: 1, longestSliceMs: 2, totalMs: 2 },
  ...patch,
});

describe('tab summary', () => {
  test('adds frames up, errors before status messages, most frequent first', () => {
    const summary = summarise([
      frame({ errors: 2, articles: [{ article: 'a', kind: 'error', count: 2 }] }),
      frame({
        errors: 3,
        info: 1,
        articles: [
          { article: 'b', kind: 'error', count: 3 },
          { article: 'c', kind: 'info', count: 1 },
        ],
      }),
      frame({ errors: 1, articles: [{ article: 'a', kind: 'error', count: 1 }] }),
    ]);
    expect(summary.errors).toBe(6);
    expect(summary.info).toBe(1);
    expect(summary.articles.map((a) => `${a.article}×${a.count}`)).toEqual(['a×3', 'b×3', 'c×1']);
    expect(summary.frames).toBe(3);
  });

  test('the worst frame state wins: a frame that backed off is reported with its reason', () => {
    const summary = summarise([
      frame({}),
      frame({ state: 'backed-off', reason: 'too-many-nodes' }),
      frame({ state: 'scanning' }),
    ]);
    expect(summary.state).toBe('backed-off');
    expect(summary.reason).toBe('too-many-nodes');
  });

  test('no frame reported: not scanned', () => {
    expect(summarise([]).state).toBe('not-scanned');
  });

  test('a report fits its own shape (what the background checks on receipt)', () => {
    expect(
      frameReportShape.check(frame({ articles: [{ article: 'eas-iis-log-401-500', kind: 'error', count: 1 }] })),
    ).toBe(true);
    expect(frameReportShape.check(frame({ articles: [{ article: '../etc', kind: 'error', count: 1 }] }))).toBe(false);
  });
});

test('the badge shows the count, nothing at zero, and 999+ past three digits', () => {
  expect(badgeText(0)).toBe('');
  expect(badgeText(7)).toBe('7');
  expect(badgeText(999)).toBe('999');
  expect(badgeText(1000)).toBe('999+');
});
