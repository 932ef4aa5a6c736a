/**
 * Pages that make life hard without attacking: a strict CSP with Trusted Types enforced
 * (nothing we do may trip it, and the card must still show), and a console of frames in
 * frames and shadow roots in shadow roots (every error marked once, a card in the deepest).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCard } from './card-probe';
import { annotations, startHarness, summary } from './harness';
import type { Harness } from './harness';
import { HOSTILE, markCenter, openByShortcut } from './hostile-tools';

let h: Harness;

/** What a locked-down admin console sends: no inline code or style, no frames, Trusted Types enforced. */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('a strict CSP with Trusted Types sees no violation, and the marks and the card work under it', async () => {
  const page = await h.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/csp-trusted-types.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });
  await page.goto(h.url(`${HOSTILE}csp-trusted-types.html`));
  const settled = await h.settled(page);
  expect(settled.errors).toBe(2);
  const card = await openByShortcut(h, page);
  expect(card.title.length).toBeGreaterThan(0);
  const point = await markCenter(page);
  await page.mouse.click(point.x, point.y);
  await expect.poll(async () => (await readCard(page))?.found ?? '').toBeTruthy();
  const seen = await page.evaluate(() => {
    const w = window as { violations?: string[]; defaultPolicyCalls?: number; pwned?: boolean };
    return { violations: w.violations, policy: w.defaultPolicyCalls, pwned: w.pwned ?? false };
  });
  expect(seen).toEqual({ violations: [], policy: 0, pwned: false });
  expect(errors).toEqual([]);
  await page.close();
});

test('frames in frames and shadow roots in shadow roots: every error marked once, a card in the deepest', async () => {
  const page = await h.open(`${HOSTILE}deep-frames.html`);
  await expect.poll(() => page.frames().length).toBeGreaterThanOrEqual(4);
  const settled = await h.settled(page);
  const { expected, marks } = await annotations(page);
  expect(expected).toHaveLength(6);
  expect(
    marks
      .filter((m) => m.kind === 'error')
      .map((m) => m.line)
      .sort(),
  ).toEqual(expected.map((e) => e.line).sort());
  expect(settled.errors).toBe(6);
  expect((await summary(h.worker, await h.tabId(page))).errors).toBe(6);

  // The srcdoc frame three levels down: a real click on its mark opens its card there.
  const deepest = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  const inFrame = await markCenter(deepest);
  // boundingBox is in the main frame's viewport; the frame's content starts inside its 2 px border.
  const box = (await (await deepest.frameElement()).boundingBox())!;
  const offset = { x: box.x + 2, y: box.y + 2 };
  await page.mouse.click(offset.x + inFrame.x, offset.y + inFrame.y);
  await expect.poll(async () => (await readCard(page))?.title ?? '').toBeTruthy();
  await page.close();
});
