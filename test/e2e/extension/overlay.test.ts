/**
 * The fallback marker: boxes drawn in our closed shadow root (used where the Highlight API
 * is missing, or when the admin prefers boxes). Same findings, same cards, no page node touched.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callInClosedRoots, readCard } from './card-probe';
import type { Ext } from './chrome-api';
import { SCREENSHOT_DIR, startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.worker.evaluate(() =>
    (globalThis as unknown as Ext).chrome.storage.local.set({ settings: { markStyle: 'boxes' } }),
  );
});

afterAll(async () => {
  await h?.close();
});

/** Boxes in our closed shadow root, read through the DevTools protocol (page scripts cannot). */
async function boxes(
  page: Page,
): Promise<{ kind: string; left: number; top: number; width: number; height: number }[]> {
  const json = await callInClosedRoots(
    page,
    `function () {
      return JSON.stringify([...this.querySelectorAll('.box')].map((b) => {
        const r = b.getBoundingClientRect();
        return { kind: b.classList.contains('info') ? 'info' : 'error', left: r.left, top: r.top, width: r.width, height: r.height };
      }));
    }`,
  );
  return json === undefined ? [] : (JSON.parse(json) as never);
}

test('with boxes chosen, each known error gets a box over its text and no highlight is registered', async () => {
  const page = await h.open('bas-activation.html');
  await page.setViewportSize({ width: 1100, height: 760 });
  const summary = await h.settled(page);
  expect(summary.marker).toBe('overlay');
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  await expect.poll(async () => (await boxes(page)).length).toBeGreaterThanOrEqual(summary.errors + summary.info);
  const drawn = await boxes(page);
  expect(drawn.filter((b) => b.kind === 'error').length).toBeGreaterThanOrEqual(summary.errors);

  // The box sits on the error's text: the text under its centre is the error.
  const first = drawn.find((b) => b.kind === 'error')!;
  const under = await page.evaluate(
    ({ x, y }) => {
      const pos = (
        document as unknown as { caretPositionFromPoint(x: number, y: number): { offsetNode: Node } | null }
      ).caretPositionFromPoint(x, y);
      return pos?.offsetNode.textContent ?? '';
    },
    { x: first.left + first.width / 2, y: first.top + first.height / 2 },
  );
  expect(under).toMatch(
    /An Error has occurred|Encryption Verified|IT Policy Rejected|not responding|Not all databases|User data cannot/,
  );

  await page.mouse.move(first.left + 8, first.top + first.height / 2, { steps: 3 });
  await expect.poll(() => readCard(page), { timeout: 3_000 }).toBeDefined();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/bas-console-boxes-light.png` });
  await page.close();
});
