import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../../../shared/detect/detector';
import { builtKnowledge, seriousViolations, waitForGuide } from './built-app';
import type { BuiltKnowledge } from './built-app';
import { openSession } from './session';
import type { Session } from './session';

let s: Session;
let kb: BuiltKnowledge;

/** What a technician pastes: an IIS log, a SEG listener log, a device message, and some hostile markup. */
const LOG = [
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken',
  '2017-09-30 15:29:58 10.1.20.15 POST /Microsoft-Server-ActiveSync/default.eas User=jdoe&DeviceId=ApplC39GQ2ABC&DeviceType=iPhone&Cmd=Sync 443 CONTOSO\\jdoe 10.1.5.4 Apple-iPhone9C1/1402.72 - 200 0 0 120',
  '2017-09-30 15:31:02 10.1.20.15 POST /Microsoft-Server-ActiveSync/default.eas User=jdoe&DeviceId=ApplC39GQ2ABC&DeviceType=iPhone&Cmd=FolderSync 443 - 10.1.5.4 Apple-iPhone9C1/1402.72 - 401 2 5 0',
  '2017/10/02 09:14:07.512 SEGPRD01 Connection closed by peer: TCP Idle Session Timeout',
  '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script> user pasted markup',
  'Device: IT Policy Rejected. Please wipe handheld and try again.',
  '2017/10/02 09:15:00.001 SEGPRD01 Info Request completed in 120 ms',
].join('\n');

beforeAll(async () => {
  kb = await builtKnowledge();
  s = await openSession({ serviceWorkers: 'block' });
});
afterAll(() => s?.close());

const input = () => s.page.getByLabel('Text to explain');

describe('explain this log', () => {
  it('marks every recognised error where it stands, with its fix', async () => {
    const expected = new Detector(kb.signatures).find(LOG);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    await s.page.goto(`${s.server.url}#/explain`);
    await waitForGuide(s.page);
    await input().fill(LOG);
    await s.page.getByText(/known errors? found/).waitFor();
    const marked = await s.page
      .locator('.sf-log mark')
      .evaluateAll((marks) => marks.map((m) => m.firstChild?.textContent ?? ''));
    expect(marked).toEqual(expected.map((f) => f.text));
    const articles = [...new Set(expected.map((f) => f.article))];
    const cards = s.page.locator('.sf-fix-card h3 a');
    expect(await cards.allTextContents()).toEqual(articles.map((id) => kb.articles.find((a) => a.id === id)!.title));
    // Each marked line is followed by the fix it points to.
    expect(await s.page.locator('.sf-log-fix').count()).toBeGreaterThanOrEqual(articles.length);
    await s.page.locator('.sf-fix-card').first().getByRole('link', { name: 'All causes and fixes' }).click();
    await s.page.getByRole('heading', { level: 2, name: /Causes, in the order to check|Steps/ }).waitFor();
    await s.page.goBack();
    // The text survives the round trip to the article (kept for this tab only).
    await s.page.getByText(/known errors? found/).waitFor();
    expect(await input().inputValue()).toBe(LOG);
  });

  it('shows pasted markup as text and never runs it', async () => {
    await s.page.locator('.sf-log', { hasText: '<img src=x onerror="window.__pwned = 1">' }).waitFor();
    expect(await s.page.locator('.sf-log img, .sf-log script').count()).toBe(0);
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    for (const scheme of ['light', 'dark'] as const) {
      await s.page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(s.page)).toEqual([]);
    }
    await s.page.emulateMedia({ colorScheme: 'light' });
  });

  it('scans a 5 MB paste without freezing the page', async () => {
    const errorLine = 'Device: IT Policy Rejected. Please wipe handheld and try again.';
    const routine =
      '2017-09-30 15:29:58 10.1.20.15 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Sync 443 - 200 0 0 120';
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const line = i % 5000 === 2500 ? errorLine : `${routine} #${i}`;
      lines.push(line);
      size += line.length + 1;
    }
    const big = lines.join('\n');
    const errors = lines.filter((l) => l === errorLine).length;
    await s.page.goto(`${s.server.url}#/explain`);
    await input().waitFor();

    const stats = await s.page.evaluate(async (text) => {
      const area = document.querySelector<HTMLTextAreaElement>('#sf-explain-input')!;
      // A heartbeat that must keep beating while the app works through the paste.
      let beats = 0;
      let worstGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        worstGap = Math.max(worstGap, now - last);
        last = now;
        beats++;
      }, 10);
      const started = performance.now();
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      area.focus();
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      // Done when the status counts the big text's lines (the previous text had a handful).
      const linesCounted = () =>
        Number(
          /([\d,]+) lines\.$/.exec(document.querySelector('.sf-status')?.textContent ?? '')?.[1]?.replace(/,/g, '') ??
            0,
        );
      await new Promise<void>((resolve) => {
        const check = () => (linesCounted() > 1000 ? resolve() : setTimeout(check, 20));
        check();
      });
      clearInterval(timer);
      return {
        beats,
        worstGap,
        ms: performance.now() - started,
        status: document.querySelector('.sf-status')!.textContent,
      };
    }, big);

    console.log(
      `5 MB paste: explained in ${Math.round(stats.ms)} ms, worst main-thread gap ${Math.round(stats.worstGap)} ms`,
    );
    expect(stats.status).toContain(`${errors.toLocaleString('en')} occurrences`);
    // Scanning yields between slices: a timer set beside it keeps firing while it runs (the
    // length of the worst gap depends on the machine and is only printed).
    expect(stats.beats).toBeGreaterThan(3);
    expect(await s.page.locator('.sf-log mark').count()).toBe(errors);
    expect(await s.page.locator('.sf-log-gap').count()).toBeGreaterThan(0);
    await s.page.getByText('Explaining 5.0 MB of pasted text').waitFor();
  });

  it('restores a large text kept in this tab the way it takes a large paste: explained, not laid out in the box', async () => {
    await s.page.goto(`${s.server.url}#/explain`);
    await waitForGuide(s.page);
    const line = 'User sees: IT Policy Rejected. Please wipe handheld and try again.\n';
    await s.page.evaluate(
      (text) => sessionStorage.setItem('syncfix:explain-text', text),
      'filler line of an ordinary log\n'.repeat(12_000) + line,
    );
    await s.page.reload();
    await waitForGuide(s.page);
    await s.page.getByText(/^Explaining .* of pasted text/).waitFor();
    await s.page.locator('.sf-log mark').first().waitFor();
    expect(await input().inputValue()).toBe('');
    expect(s.errors).toEqual([]);
  });

  it('opens text shared from another app (Web Share Target) and drops it from the address', async () => {
    const text = 'User sees: IT Policy Rejected. Please wipe handheld and try again.';
    await s.page.goto(
      `${s.server.url}?title=${encodeURIComponent('From the BlackBerry')}&text=${encodeURIComponent(text)}`,
    );
    await waitForGuide(s.page);
    await s.page.getByRole('heading', { level: 1, name: 'Explain this log' }).waitFor();
    await s.page.locator('.sf-log mark').first().waitFor();
    expect(await input().inputValue()).toBe(`From the BlackBerry\n${text}`);
    expect(new URL(s.page.url()).search).toBe('');
    expect(new URL(s.page.url()).hash).toBe('#/explain');
    expect(s.errors).toEqual([]);
  });
});
