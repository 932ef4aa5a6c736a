import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtKnowledge, richProblem, seriousViolations, waitForGuide } from './built-app';
import type { BuiltKnowledge } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

let s: Session;
let kb: BuiltKnowledge;
let article: BuiltKnowledge['articles'][number];

beforeAll(async () => {
  kb = await builtKnowledge();
  article = richProblem(kb);
  s = await openSession({ serviceWorkers: 'block' });
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.server.url).origin });
  await s.page.goto(`${s.server.url}#/a/${article.id}`);
  await waitForGuide(s.page);
});
afterAll(() => s?.close());

describe('an article', () => {
  it('shows the symptom, where it shows, and the causes in the order to check, each with numbered steps', async () => {
    await s.page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    await s.page.getByRole('heading', { name: 'What you see' }).waitFor();
    if (article.symptom) await s.page.getByText(article.symptom.slice(0, 40), { exact: false }).first().waitFor();
    expect(await s.page.locator('.sf-shows .sf-tag').count()).toBe(article.shows.length);
    const causeTitles = await s.page.locator('.sf-cause h3').allTextContents();
    expect(causeTitles).toEqual(article.causes.map((c, i) => `${i + 1}Cause ${i + 1}: ${c.title}`));
    const stepsInFirstCause = await s.page.locator('.sf-cause').first().locator('.sf-steps > li').count();
    expect(stepsInFirstCause).toBe(article.causes[0]!.fix.length);
  });

  it('copies a command exactly as written', async () => {
    const cause = article.causes.findIndex((c) => c.fix.some((f) => f.command));
    const command = article.causes[cause]!.fix.find((f) => f.command)!.command!;
    const block = s.page.locator('.sf-cause').nth(cause).locator('.sf-copy').first();
    await block.getByRole('button', { name: 'Copy' }).click();
    await block.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(command);
  });

  it('names its stage or concept and links related articles', async () => {
    const concept = kb.articles.find((a) => a.id === article.concepts[0])!;
    const links = s.page.locator('.sf-article-links');
    await links.getByRole('link', { name: new RegExp(escape(concept.title)) }).waitFor();
    if (article.stage) await s.page.locator('.sf-article-head .sf-stage').waitFor();
    const kbRefs = [...article.kb, ...article.causes.flatMap((c) => c.kb)];
    for (const ref of kbRefs) await s.page.locator('.sf-kb-ref', { hasText: ref }).first().waitFor();
    await links.getByRole('link', { name: new RegExp(escape(concept.title)) }).click();
    await s.page.getByRole('heading', { level: 1, name: concept.title }).waitFor();
    await s.page.goBack();
    await s.page.getByRole('heading', { level: 1, name: article.title }).waitFor();
  });

  it('keeps "did this fix it?" and saved articles on the device across a reload', async () => {
    const second = s.page.locator('.sf-cause').nth(1);
    await second.getByRole('button', { name: 'Yes' }).click();
    await second.getByText('Marked as the fix on this device.').waitFor();
    await s.page.getByRole('button', { name: 'Save for later' }).click();
    await s.page.reload();
    await waitForGuide(s.page);
    expect(
      await s.page.locator('.sf-cause').nth(1).getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await s.page.getByRole('button', { name: 'Saved on this device' }).waitFor();
    await s.page.getByRole('link', { name: 'Saved' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Saved articles' }).waitFor();
    await s.page.getByRole('link', { name: new RegExp(escape(article.title)) }).waitFor();
    await s.page.getByText('Fixed it before').waitFor();
    expect(await seriousViolations(s.page)).toEqual([]);
  });

  it('follows links inside the article body to other articles', async () => {
    const withLink = kb.articles.find((a) => a.html.includes('href="#/a/'))!;
    const target = /href="#\/a\/([^"]+)"/.exec(withLink.html)![1]!;
    await s.page.goto(`${s.server.url}#/a/${withLink.id}`);
    await s.page.locator(`.sf-body a[href="#/a/${target}"]`).first().click();
    const title = kb.articles.find((a) => a.id === target)!.title;
    await s.page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('ends with its sources and labels each command with the versions it is for', async () => {
    const procedure = kb.articles.find((a) => a.id === 'eas-clean-reenrolment')!;
    await s.page.goto(`${s.server.url}#/a/${procedure.id}`);
    await s.page.getByRole('heading', { level: 1, name: procedure.title }).waitFor();
    const sources = s.page.locator('.sf-sources li');
    expect(await sources.count()).toBe(procedure.sources.length);
    await s.page.locator('.sf-sources a', { hasText: 'Remove-MobileDevice' }).first().waitFor();
    const block = s.page.locator('.sf-copy', { hasText: 'Remove-MobileDevice' });
    await block.locator('.sf-applies', { hasText: 'Exchange 2013 and later · Exchange Online' }).waitFor();
    await s.page
      .locator('.sf-copy', { hasText: 'Remove-ActiveSyncDevice' })
      .locator('.sf-applies', { hasText: 'Exchange 2010' })
      .waitFor();
  });

  it('opens the article that absorbed a merged one from its old address, and saves it under its own id', async () => {
    await s.page.goto(`${s.server.url}#/a/eas-command-ping`);
    const overview = kb.articles.find((a) => a.id === 'eas-commands-overview')!;
    await s.page.getByRole('heading', { level: 1, name: overview.title }).waitFor();
    await s.page.locator('.sf-merged', { hasText: 'eas-command-ping' }).waitFor();
    await s.page.waitForURL(/#\/a\/eas-commands-overview$/);
    await s.page.evaluate(() => localStorage.setItem('syncfix:saved-articles', JSON.stringify(['eas-command-sync'])));
    await s.page.goto(`${s.server.url}#/saved`);
    await s.page.reload();
    await waitForGuide(s.page);
    await s.page.getByRole('link', { name: new RegExp(escape(overview.title)) }).waitFor();
    expect(await s.page.evaluate(() => localStorage.getItem('syncfix:saved-articles'))).toBe(
      '["eas-commands-overview"]',
    );
  });

  it('has no serious accessibility violations, in light and dark', async () => {
    await s.page.goto(`${s.server.url}#/a/${article.id}`);
    await s.page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await s.page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(s.page)).toEqual([]);
    }
    await s.page.goto(`${s.server.url}#/a/no-such-article`);
    await s.page.getByRole('heading', { level: 1, name: /No article/ }).waitFor();
    expect(s.errors).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
