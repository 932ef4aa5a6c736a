/**
 * Keyboard shortcut (default Alt+Shift+E, changeable in the browser's shortcut settings):
 * go to the next known error on the page and open its card with focus. On a page that was
 * never scanned it scans it first (the shortcut grants activeTab).
 */
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import { revealInTab } from './reveal';
import { scanTab } from './scan-tab';
import { hasReports } from './tab-state';

export const NEXT_ERROR_COMMAND = 'next-known-error';

export async function onCommand(command: string, tab?: Pick<Tabs.Tab, 'id'>): Promise<void> {
  if (command !== NEXT_ERROR_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  if (!(await hasReports(tabId))) {
    await scanTab(tabId);
    return;
  }
  await revealInTab({ tabId, step: 'next' });
}
