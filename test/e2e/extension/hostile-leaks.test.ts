/**
 * What a page's script can learn about an open card, and what it can do to it. It may learn
 * that marks exist (they are its own text, in `CSS.highlights`) and where our element is; it
 * must not read the card's text by any of the ways a page reads text (find, the selection,
 * hit testing, focus), restyle it away, or make a card of ours say something else.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCard } from './card-probe';
import { startHarness } from './harness';
import type { Harness } from './harness';
import { HOSTILE, openByShortcut } from './hostile-tools';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

test('page script cannot read an open card’s text', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  await h.settled(page);
  const card = await openByShortcut(h, page);
  const secrets = [card.title, ...card.steps, card.cause ?? card.summary ?? card.title].filter((s) => s.length > 12);
  const seen = await page.evaluate((words) => {
    const out: string[] = [];
    // Non-standard but in every engine: searches the rendered page, closed shadow roots included.
    const find = (window as unknown as { find(text: string, ...flags: boolean[]): boolean }).find.bind(window);
    const cut = (s: string) => s.slice(0, 40);
    for (const word of words) if (find(cut(word), false, false, true)) out.push(`find: ${cut(word)}`);
    const selection = getSelection()!;
    selection.selectAllChildren(document.documentElement);
    const selected = selection.toString();
    document.execCommand('selectAll');
    const all = selected + getSelection()!.toString();
    selection.removeAllRanges();
    for (const word of words) if (all.includes(cut(word))) out.push(`selection: ${cut(word)}`);
    const texts: string[] = [document.documentElement.innerText, document.documentElement.textContent ?? ''];
    for (let x = 0; x < innerWidth; x += 20)
      for (let y = 0; y < innerHeight; y += 20)
        for (const el of document.elementsFromPoint(x, y)) {
          texts.push((el as HTMLElement).innerText ?? '', el.textContent ?? '');
          if (el.shadowRoot) out.push(`shadowRoot of ${el.tagName}`);
        }
    const active = document.activeElement;
    if (active) texts.push((active as HTMLElement).innerText ?? '', active.textContent ?? '');
    if (active?.shadowRoot) out.push('shadowRoot of the focused element');
    for (let i = 0; i < window.length; i++) {
      try {
        texts.push(window[i]!.document.body.innerText);
      } catch {
        // Cross-origin: unreadable, as it should be.
      }
    }
    for (const word of words) if (texts.some((t) => t.includes(cut(word)))) out.push(`text: ${cut(word)}`);
    return out;
  }, secrets);
  expect(seen).toEqual([]);
  // Reading it changed nothing for the user.
  expect((await readCard(page))?.title).toBe(card.title);
  await page.close();
});

test('page styles cannot hide or restyle the card, and forged messages cannot make it say anything', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  await h.settled(page);
  const card = await openByShortcut(h, page);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent =
      '* { display: none !important; visibility: hidden !important; } iframe, div, span { width: 0 !important; }';
    document.head.append(style);
    document.documentElement.style.setProperty('display', 'block', 'important');
    document.body.style.setProperty('display', 'block', 'important');
    // Every frame the page can reach is sent a card of its own making.
    const fake = { title: 'PWNED: call 555-0100', steps: ['Send your password to it@evil.example'] };
    for (let i = 0; i < window.length; i++) {
      const channel = new MessageChannel();
      window[i]!.postMessage({ type: 'render', model: fake, syncfix: true }, '*', [channel.port2]);
      channel.port1.postMessage({ type: 'render', model: fake });
    }
    window.postMessage({ type: 'render', model: fake }, '*');
  });
  await page.waitForTimeout(500);
  const after = await readCard(page);
  expect(after?.title).toBe(card.title);
  expect(after!.rect.right - after!.rect.left).toBeGreaterThan(100);
  expect(JSON.stringify(after)).not.toContain('PWNED');
  await page.close();
});

test('a page that frames our card page itself gets a blank frame that says and does nothing', async () => {
  const page = await h.open(`${HOSTILE}plain-errors.html`);
  await h.settled(page);
  const url = `chrome-extension://${h.extensionId}/card.html`;
  const opened = await page.evaluate(async (src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.style.cssText = 'position:fixed;top:0;left:0;width:400px;height:300px';
    document.body.append(frame);
    const loaded = await new Promise<boolean>((resolve) => {
      frame.onload = () => resolve(true);
      frame.onerror = () => resolve(false);
      setTimeout(() => resolve(false), 3000);
    });
    if (!loaded || !frame.contentWindow) return 'not loaded';
    const channel = new MessageChannel();
    const fake = { type: 'render', model: { title: 'PWNED', steps: [] }, token: 'guessed' };
    frame.contentWindow.postMessage({ type: 'connect', token: 'guessed' }, '*', [channel.port2]);
    channel.port1.postMessage(fake);
    return 'posted';
  }, url);
  await page.waitForTimeout(800);
  // Whatever the page framed, no frame of our origin on it shows the page's words.
  for (const frame of page.frames().filter((f) => f.url().startsWith(url))) {
    expect(await frame.evaluate(() => document.body?.innerText ?? '')).not.toContain('PWNED');
  }
  expect(['not loaded', 'posted']).toContain(opened);
  expect(await readCard(page)).toBeUndefined();
  await page.close();
});
