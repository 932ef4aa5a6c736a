/**
 * A deploy while a tab is open: the tab keeps its version (chunks included, even those the
 * deploy deleted) until the user accepts "update available", then reloads into the new one.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, waitForGuide } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

let s: Session;
let site: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'syncfix-site-'));
  cpSync(DIST, site, { recursive: true });
  s = await openSession({ dir: site });
});
afterAll(async () => {
  await s?.close();
  rmSync(site, { recursive: true, force: true });
});

/**
 * Version 2, as a real build makes it: the entry chunk gets a new name, and so does every chunk
 * that imports a renamed one (its text changed); the old files are gone.
 */
function deployNewVersion(): { oldEntry: string; newEntry: string } {
  const dir = join(site, 'assets');
  const chunks = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const oldEntry = chunks.find((f) => /^index-.*\.js$/.test(f))!;
  const renamed = new Map([[oldEntry, oldEntry.replace(/^index-/, 'index-v2')]]);
  const text = new Map(chunks.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  for (let grew = true; grew;) {
    grew = false;
    for (const f of chunks) {
      if (renamed.has(f) || ![...renamed.keys()].some((old) => text.get(f)!.includes(old))) continue;
      renamed.set(f, f.replace(/-([\w]+)\.js$/, '-v2$1.js'));
      grew = true;
    }
  }
  const rewrite = (content: string) => [...renamed].reduce((out, [from, to]) => out.split(from).join(to), content);
  for (const [from, to] of renamed) {
    writeFileSync(join(dir, to), rewrite(text.get(from)!));
    rmSync(join(dir, from));
  }
  const html = rewrite(readFileSync(join(site, 'index.html'), 'utf8'));
  writeFileSync(join(site, 'index.html'), html.replace('</body>', '<!-- version 2 --></body>'));
  const sw = rewrite(readFileSync(join(site, 'sw.js'), 'utf8')).replace(
    /(\{url:"index\.html",revision:")[0-9a-f]+"/,
    '$1version-2"',
  );
  writeFileSync(join(site, 'sw.js'), sw);
  return { oldEntry, newEntry: renamed.get(oldEntry)! };
}

const entryScript = (s: Session) =>
  s.page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')!.src.split('/').pop());

describe('updates', () => {
  it('offers the new version without switching the open tab, and reloads into it when asked', async () => {
    await s.page.goto(s.server.url);
    await waitForGuide(s.page);
    await s.page.getByText('Ready to work offline').waitFor({ timeout: 60_000 });
    const { oldEntry, newEntry } = deployNewVersion();

    await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await s.page.getByText('A new version of SyncFix is available.').waitFor({ timeout: 60_000 });

    // Until the user accepts, even a reload stays on the old version, whose files the deploy deleted.
    await s.page.reload();
    await waitForGuide(s.page);
    expect(await entryScript(s)).toBe(oldEntry);
    await s.page.getByRole('combobox', { name: 'Search the field guide' }).fill('activation');
    await s.page.locator('.sf-result').first().waitFor();
    await s.page.getByText('A new version of SyncFix is available.').waitFor({ timeout: 60_000 });

    await Promise.all([
      s.page.waitForEvent('load', { timeout: 60_000 }),
      s.page.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await waitForGuide(s.page);
    expect(await entryScript(s)).toBe(newEntry);
    expect(await s.page.getByText('A new version of SyncFix is available.').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
