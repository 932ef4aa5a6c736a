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

const checkboxes = () => s.page.locator('.sf-checklist input[type="checkbox"]');

describe('guided diagnosis', () => {
  it('narrows BES activation from the device screen and the mailbox to a stage, then lists its causes in order', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await s.page.getByRole('link', { name: 'Diagnose', exact: true }).click();
    await s.page.getByRole('link', { name: /enterprise activation fails/i }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Where did the activation stop?' }).waitFor();
    await s.page.getByRole('link', { name: /Retrying…, then “The server is not responding”/ }).click();
    await s.page.getByRole('heading', { level: 1, name: /activation email reach the user’s mailbox/ }).waitFor();
    await s.page.getByRole('link', { name: /still sitting in the mailbox/ }).click();
    await s.page.locator('.sf-eyebrow .sf-stage', { hasText: 'Stage 2' }).waitFor();
    const article = kb.articles.find((a) => a.id === 'bes-server-not-responding-email-in-mailbox')!;
    // The causes come with the article's details, which may still be on their way.
    await s.page.locator('.sf-checklist label').first().waitFor();
    const labels = await s.page.locator('.sf-checklist label').allTextContents();
    expect(labels).toEqual(article.causes.map((c, i) => `${i + 1}. ${c.title}`));
    // The answers so far stay visible, and each one leads back to its question.
    await s.page
      .getByRole('navigation', { name: 'Your answers so far' })
      .getByRole('link', { name: /still sitting/ })
      .waitFor();
  });

  it('keeps the checklist ticks after a reload', async () => {
    const total = await checkboxes().count();
    await checkboxes().nth(0).check();
    await checkboxes().nth(1).check();
    await s.page.getByText(`2 of ${total} checked`).waitFor();
    await s.page.reload();
    await waitForGuide(s.page);
    await s.page.getByText(`2 of ${total} checked`).waitFor();
    expect(await checkboxes().nth(0).isChecked()).toBe(true);
    expect(await checkboxes().nth(1).isChecked()).toBe(true);
    expect(await checkboxes().nth(2).isChecked()).toBe(false);
    // The first cause not yet checked is the one opened for reading.
    expect(await s.page.locator('.sf-check-item').nth(2).locator('details').getAttribute('open')).not.toBeNull();
    expect(await seriousViolations(s.page)).toEqual([]);
  });

  it('starts BES activation from the mailbox when the device screen is unknown', async () => {
    await s.page.goto(`${s.server.url}#/diagnose/bes-activation`);
    await s.page.getByRole('link', { name: /Not sure: start from the user’s mailbox/ }).click();
    await s.page.getByRole('link', { name: /No, it never arrived/ }).click();
    await s.page.locator('.sf-eyebrow .sf-stage', { hasText: 'Stage 1' }).waitFor();
    expect(await checkboxes().count()).toBeGreaterThan(1);
  });

  it('walks ActiveSync "not receiving email" from the partnership state to a checklist', async () => {
    await s.page.goto(`${s.server.url}#/diagnose`);
    await s.page.getByRole('link', { name: /ActiveSync user is not receiving email/ }).click();
    await s.page.getByRole('heading', { level: 1, name: /partnership show/ }).waitFor();
    await s.page.getByRole('link', { name: /last sync is recent/ }).click();
    await s.page.getByRole('link', { name: /goes out, but nothing comes in/ }).click();
    const article = kb.articles.find((a) => a.id === 'eas-can-send-cannot-receive')!;
    await s.page.getByRole('heading', { level: 1, name: 'Sending works, receiving does not' }).waitFor();
    expect(await checkboxes().count()).toBe(article.causes.length || article.steps.length);
    await checkboxes().first().check();
    await s.page.reload();
    await waitForGuide(s.page);
    expect(await checkboxes().first().isChecked()).toBe(true);
    for (const scheme of ['dark', 'light'] as const) {
      await s.page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(s.page)).toEqual([]);
    }
    expect(s.errors).toEqual([]);
  });
});
