import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtKnowledge, seriousViolations, waitForGuide } from './built-app';
import type { BuiltKnowledge } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

let s: Session;
let kb: BuiltKnowledge;

beforeAll(async () => {
  kb = await builtKnowledge();
  s = await openSession({ serviceWorkers: 'block' });
});
afterAll(() => s?.close());

const box = () => s.page.getByRole('combobox', { name: 'Search the field guide' });
const results = () => s.page.getByRole('listbox', { name: 'Results' }).getByRole('option');

describe('search', () => {
  it('updates results on every keystroke and highlights the matched words', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await box().pressSequentially('activation', { delay: 20 });
    await results().first().waitFor();
    const afterOneWord = await results().count();
    await box().pressSequentially(' email', { delay: 20 });
    await expect
      .poll(() => s.page.locator('.sf-result-title mark').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/activat/i)]));
    const marked = (await s.page.locator('.sf-results mark').allTextContents()).map((t) => t.toLowerCase());
    expect(marked.some((t) => t.startsWith('email'))).toBe(true);
    expect(await results().count()).toBeGreaterThan(0);
    expect(afterOneWord).toBeGreaterThan(0);
    // The query is part of the address, so the search is a link that survives a reload.
    const hash = new URL(s.page.url()).hash;
    expect(hash.startsWith('#/?')).toBe(true);
    expect(new URLSearchParams(hash.slice(3)).get('q')).toBe('activation email');
  });

  it('narrows results to the chosen products and keeps the filter in the address', async () => {
    await s.page.getByRole('button', { name: 'ActiveSync', exact: true }).click();
    await expect.poll(() => s.page.url()).toContain('p=activesync');
    await box().fill('timeout');
    await results().first().waitFor();
    const badges = await s.page.locator('.sf-result .sf-result-meta .sf-badge:first-child').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['ActiveSync']));
    await s.page.getByRole('button', { name: 'SEG', exact: true }).click();
    await expect
      .poll(
        async () => new Set(await s.page.locator('.sf-result .sf-result-meta .sf-badge:first-child').allTextContents()),
      )
      .toEqual(new Set(['ActiveSync', 'SEG']));
    await s.page.getByRole('button', { name: 'ActiveSync', exact: true }).click();
    await s.page.getByRole('button', { name: 'SEG', exact: true }).click();
    expect(await s.page.getByRole('button', { name: 'SEG', exact: true }).getAttribute('aria-pressed')).toBe('false');
  });

  it('works from the keyboard: / to focus, arrows to choose, Enter to open, Escape to clear', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await s.page.locator('.sf-footer').click();
    await s.page.keyboard.press('/');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await s.page.keyboard.type('partnership');
    await results().nth(1).waitFor();
    expect(await results().first().getAttribute('aria-selected')).toBe('true');
    await s.page.keyboard.press('ArrowDown');
    expect(await results().nth(1).getAttribute('aria-selected')).toBe('true');
    const chosenId = await box().getAttribute('aria-activedescendant');
    expect(chosenId).toBe(await results().nth(1).getAttribute('id'));
    const chosenTitle = (await results().nth(1).locator('.sf-result-title').textContent())!;
    await s.page.keyboard.press('Enter');
    await s.page.locator('h1', { hasText: chosenTitle }).waitFor();
    expect(s.page.url()).toContain('#/a/');
    await s.page.goBack();
    await expect.poll(() => box().inputValue()).toBe('partnership');
    await box().focus();
    await s.page.keyboard.press('Escape');
    expect(await box().inputValue()).toBe('');
  });

  it('offers recent searches and the main entry points while the box is empty', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await s.page.getByRole('heading', { name: 'Recent searches' }).waitFor();
    await s.page.getByRole('button', { name: 'partnership', exact: true }).click();
    expect(await box().inputValue()).toBe('partnership');
    await box().fill('');
    await s.page.getByRole('link', { name: /enterprise activation fails/i }).waitFor();
    await s.page.getByRole('link', { name: /Explain a log/i }).waitFor();
  });

  it('says why it is not sure and still shows at most the best three, as possible matches', async () => {
    await box().fill('printer toner jam');
    await s.page.getByText(/^Not sure: /).waitFor();
    expect(await results().count()).toBeLessThanOrEqual(3);
    await box().fill('calendar events missing');
    await s.page.getByText(/^Possible matches for/).waitFor();
    await s.page.getByText(/^Not sure: /).waitFor();
    expect(await results().count()).toBe(3);
  });

  it('takes a bare code straight to the article that claims it', async () => {
    await box().fill('449');
    await expect.poll(() => results().first().textContent()).toMatch(/449/);
    expect(await s.page.getByText(/^Not sure: /).count()).toBe(0);
  });

  it('takes a pasted error message straight to its article', async () => {
    const signature = kb.signatures.find((sig) => sig.specificity === 'exact' && !sig.text.includes('{'))!;
    const article = kb.articles.find((a) => a.id === signature.article)!;
    await box().fill(`Error: ${signature.examples[0]}`);
    await results().first().waitFor();
    expect(await results().first().locator('.sf-result-title').textContent()).toBe(article.title);
    await results().first().getByText('Known error').waitFor();
  });

  it('has no serious accessibility violations with results, in light and dark', async () => {
    await box().fill('activation');
    await results().first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await s.page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(s.page)).toEqual([]);
    }
    await box().fill('');
    expect(await seriousViolations(s.page)).toEqual([]);
    await box().fill('printer toner jam');
    await s.page.getByText(/^Not sure: /).waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
    await s.page.emulateMedia({ colorScheme: 'light' });
    expect(s.errors).toEqual([]);
  });
});
