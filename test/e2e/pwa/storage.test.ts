/** Device storage is not to be trusted: corrupt, missing or full storage resets that part and says so. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtKnowledge, richProblem, waitForGuide } from './built-app';
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

describe('device storage', () => {
  it('resets unreadable saved articles, marks and checklist ticks, says which, and keeps working', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await s.page.evaluate(() => {
      localStorage.setItem('syncfix:saved-articles', '{"not json');
      localStorage.setItem('syncfix:fix-marks', '"a string, not marks"');
      localStorage.setItem('syncfix:checklist:bes-activation:it-policy-rejected', '[1, 2, 3]');
      localStorage.setItem('syncfix:recent-searches', 'null}');
      localStorage.setItem('syncfix:theme', '"purple"');
    });
    // A fresh start, as on the next day's visit.
    await s.page.goto('about:blank');
    await s.page.goto(`${s.server.url}#/diagnose/bes-activation/it-policy-rejected`);
    await waitForGuide(s.page);
    await s.page.getByText('Your saved articles on this device could not be read, so they were reset.').waitFor();
    await s.page.getByText(/“did this fix it\?” marks on this device could not be read/).waitFor();
    await s.page.getByText('Your checklist ticks on this device could not be read, so they were reset.').waitFor();
    await s.page.locator('.sf-checklist input[type="checkbox"]').first().check();
    expect(await s.page.evaluate(() => localStorage.getItem('syncfix:saved-articles'))).toBeNull();
    expect(
      JSON.parse(
        (await s.page.evaluate(() => localStorage.getItem('syncfix:checklist:bes-activation:it-policy-rejected')))!,
      ),
    ).toHaveLength(1);

    const notices = await s.page.locator('.sf-notice').count();
    await s.page.getByRole('button', { name: 'Dismiss' }).first().click();
    expect(await s.page.locator('.sf-notice').count()).toBe(notices - 1);
    const article = richProblem(kb);
    await s.page.goto(`${s.server.url}#/a/${article.id}`);
    await s.page.getByRole('button', { name: 'Save for later' }).click();
    await s.page.getByRole('button', { name: 'Saved on this device' }).waitFor();
    expect(s.errors).toEqual([]);
  });

  it('says a refused read deleted nothing, and leaves what is stored as it was', async () => {
    const context = await s.browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      localStorage.setItem('syncfix:saved-articles', '["kept-article"]');
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (this: Storage, key: string) {
        if (key === 'syncfix:saved-articles') throw new DOMException('The operation is insecure.', 'SecurityError');
        return getItem.call(this, key);
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${s.server.url}#/saved`);
    await waitForGuide(page);
    await page.getByText(/refused to read your saved articles just now\. Nothing was deleted/).waitFor();
    expect(await page.getByText(/were reset/).count()).toBe(0);
    // What was stored is still there, read past the refusing method.
    expect(await page.evaluate(() => localStorage['syncfix:saved-articles'] as string)).toBe('["kept-article"]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works, and says it cannot keep things, when storage refuses every write', async () => {
    const context = await s.browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${s.server.url}#/a/${richProblem(kb).id}`);
    await waitForGuide(page);
    await page.getByText(/does not let SyncFix store data/).waitFor();
    await page.getByRole('button', { name: 'Save for later' }).click();
    // It still works for this visit; the notice said it will not last.
    await page.getByRole('button', { name: 'Saved on this device' }).waitFor();
    await page.goto(`${s.server.url}#/?q=partnership`);
    await page.locator('.sf-result').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
