/** The same views on a desktop screen, where the navigation sits in the header. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtKnowledge, richProblem, seriousViolations, waitForGuide } from './built-app';
import type { BuiltKnowledge } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

let s: Session;
let kb: BuiltKnowledge;

beforeAll(async () => {
  kb = await builtKnowledge();
  s = await openSession({ serviceWorkers: 'block' });
  await s.page.setViewportSize({ width: 1280, height: 800 });
});
afterAll(() => s?.close());

describe('on a desktop screen', () => {
  it('has no serious accessibility violation on any view, in light and dark', async () => {
    const paths = [
      '#/',
      '#/?q=activation',
      `#/a/${richProblem(kb).id}`,
      '#/diagnose',
      '#/diagnose/bes-activation/stage-1-email-not-delivered',
      '#/explain',
      '#/saved',
    ];
    for (const path of paths) {
      await s.page.goto(s.server.url + path);
      await waitForGuide(s.page);
      await s.page.locator('[data-page-heading]').waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await s.page.emulateMedia({ colorScheme: scheme });
        expect(await seriousViolations(s.page), `${path} ${scheme}`).toEqual([]);
      }
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(1280);
    }
  });

  it('switches theme with the toggle and keeps the choice across a reload', async () => {
    await s.page.emulateMedia({ colorScheme: 'light' });
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    const background = () => s.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await s.page.getByRole('button', { name: /System theme/ }).click();
    await s.page.getByRole('button', { name: /Light theme/ }).click();
    await s.page.getByRole('button', { name: /Dark theme/ }).waitFor();
    const dark = await background();
    expect(dark).not.toBe(light);
    await s.page.reload();
    await waitForGuide(s.page);
    expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);
    expect(await seriousViolations(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
