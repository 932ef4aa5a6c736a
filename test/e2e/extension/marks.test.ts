/**
 * The content script on real console and log pages: what it marks, what it leaves alone,
 * what the badge says, and what each card tells the admin.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { intersects } from '../../../extension/content/card/placement';
import { readCard } from './card-probe';
import { FIXTURES, iisErrorLines, plainTextMarks } from './fixtures';
import type { Fixture } from './fixtures';
import { FIXTURES_DIR, SCREENSHOT_DIR, annotations, hook, startHarness } from './harness';
import type { Harness } from './harness';
import { knowledge, markKindOf } from './knowledge';
import { assertNoForeignRequests } from './network';

let h: Harness;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  h = await startHarness();
});

afterAll(async () => {
  if (h) assertNoForeignRequests(h);
  await h?.close();
});

async function openFixture(fixture: Fixture, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await h.open(fixture.path, { colorScheme });
  await page.setViewportSize({ width: 1100, height: 760 });
  await fixture.ready?.(page);
  if (fixture.ready) await allExpectedMarked(page);
  await h.settled(page);
  return page;
}

/**
 * A page that renders after load is rescanned once it has changed; "done" alone may still be
 * the first, empty scan's. Wait until every line the page annotates carries a mark.
 */
async function allExpectedMarked(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const { expected, marks } = await annotations(page);
      const marked = new Set(marks.map((m) => m.line));
      return expected.length > 0 && expected.every((e) => marked.has(e.line));
    })
    .toBe(true);
}

const annotated = FIXTURES.filter((f) => f.name !== 'iis-log');

describe('marks', () => {
  for (const fixture of annotated) {
    test(`marks every known error on the ${fixture.name} and no ordinary line`, async () => {
      const page = await openFixture(fixture);
      const tabId = await h.tabId(page);
      // A single-page console keeps changing after load: wait for the rescans to catch up.
      await expect
        .poll(
          async () => {
            const { expected, marks } = await annotations(page);
            return (
              [...new Set(marks.map((m) => m.line))].sort().join() ===
              [...new Set(expected.map((e) => e.line))].sort().join()
            );
          },
          { timeout: 5_000 },
        )
        .toBe(true);
      const { expected, marks } = await annotations(page);

      expect(
        marks.filter((m) => m.expect === null),
        'ordinary lines marked',
      ).toEqual([]);
      const markedLines = new Set(marks.map((m) => m.line));
      expect(
        expected.filter((e) => !markedLines.has(e.line)),
        'known errors not marked',
      ).toEqual([]);
      for (const mark of marks) expect(mark.kind, `${mark.text} (${mark.expect})`).toBe(markKindOf(mark.expect!));

      const errors = marks.filter((m) => m.kind === 'error').length;
      const summary = await h.settled(page);
      expect(summary.errors).toBe(errors);
      expect(new Set(summary.articles.map((a) => a.article))).toEqual(new Set(expected.map((e) => e.expect)));
      expect(await h.badge(tabId)).toBe(String(errors));
      await page.close();
    });
  }

  test('marks exactly the ActiveSync 500 and 401 lines of an IIS log opened in the browser', async () => {
    const fixture = FIXTURES.find((f) => f.name === 'iis-log')!;
    const page = await openFixture(fixture);
    const marks = await plainTextMarks(page);
    const expectedLines = iisErrorLines(readFileSync(`${FIXTURES_DIR}/${fixture.path}`, 'utf8'));
    expect(expectedLines.length).toBeGreaterThanOrEqual(4);
    expect([...new Set(marks.map((m) => m.line))].sort((a, b) => a - b)).toEqual(expectedLines);
    for (const mark of marks) expect(mark.text).toMatch(/^(500|401) \d+ \d+ \d+$/);
    expect(await h.badge(await h.tabId(page))).toBe(String(expectedLines.length));
    await page.close();
  });

  test('the marks change with the page: an appended error is added, a removed one dropped, an edited line rescanned', async () => {
    const page = await openFixture(FIXTURES.find((f) => f.name === 'spa-console')!);
    const tabId = await h.tabId(page);
    await expect.poll(async () => (await h.settled(page)).errors, { timeout: 5_000 }).toBe(4);
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.textContent = '15:31:00 NotifySync outbox: StatusException: Error in client/server conversion';
      document.getElementById('feed')!.append(div);
    });
    await expect.poll(() => h.badge(tabId), { timeout: 5_000 }).toBe('5');
    await page.evaluate(() => document.getElementById('feed')!.lastElementChild!.remove());
    await expect.poll(() => h.badge(tabId), { timeout: 5_000 }).toBe('4');
    await page.close();
  });
});

describe('cards', () => {
  for (const fixture of FIXTURES) {
    test(`walking the ${fixture.name} by keyboard opens a card with the right title, cause and steps for every mark`, async () => {
      const { kit } = knowledge();
      const page = await openFixture(fixture);
      const tabId = await h.tabId(page);
      const summary = await h.settled(page);
      const total = summary.errors + summary.info;
      expect(total).toBeGreaterThan(0);
      const seen = new Set<string>();
      for (let i = 0; i < total; i++) {
        await hook(h.worker, 'command', tabId);
        const card = await readCard(page);
        expect(card, `card ${i + 1} of ${total}`).toBeDefined();
        const { active } = await annotations(page);
        expect(active).toHaveLength(1);
        const line = active[0]!;
        // The IIS log has no annotations: the card must be the IIS 401/500 article there.
        const article = line.expect ?? 'eas-iis-log-401-500';
        const expected = kit.cards[article]!;
        expect(card!.title).toBe(expected.title);
        expect(card!.cause).toBe(expected.cause ?? null);
        expect(card!.steps).toEqual(expected.steps);
        expect(card!.buttons).toContain('Open full guide');
        // Keyboard reveal moves focus into the card.
        expect(card!.focused).not.toBeNull();
        // Never over the error it explains (card and mark are in the same frame's viewport).
        for (const rect of line.rects) expect(intersects(card!.rect, rect), `card covers ${article}`).toBe(false);
        seen.add(`${line.line}@${JSON.stringify(line.rects[0])}`);
      }
      expect(seen.size).toBe(total);
      await page.close();
    });
  }

  for (const fixture of FIXTURES) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`hovering a mark on the ${fixture.name} (${scheme}) opens its card beside it, in the page's scheme`, async () => {
        const page = await openFixture(fixture, scheme);
        const box = await page.evaluate(() => {
          const [range] = CSS.highlights.get('syncfix-error') as unknown as Iterable<AbstractRange>;
          const live = document.createRange();
          live.setStart(range!.startContainer, range!.startOffset);
          live.setEnd(range!.endContainer, range!.endOffset);
          const first = live.getClientRects()[0]!;
          if (first.top < 0 || first.bottom > innerHeight) scrollBy(0, first.top - innerHeight / 3);
          const r = live.getClientRects()[0]!;
          return {
            x: r.left + Math.min(r.width / 2, 20),
            y: r.top + r.height / 2,
            rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          };
        });
        await page.mouse.move(box.x - 40, box.y - 40);
        await page.mouse.move(box.x, box.y, { steps: 4 });
        await expect.poll(() => readCard(page), { timeout: 3_000 }).toBeDefined();
        const card = (await readCard(page))!;
        expect(card.dark).toBe(scheme === 'dark');
        expect(card.focused).toBeNull();
        expect(intersects(card.rect, box.rect)).toBe(false);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${fixture.name}-${scheme}.png` });
        await page.keyboard.press('Escape');
        await expect.poll(() => readCard(page)).toBeUndefined();
        await page.close();
      });
    }
  }
});
