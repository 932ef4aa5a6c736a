/** The toolbar badge: the number of known errors in the tab, and why when scanning stopped. */
import browser from 'webextension-polyfill';
import { BACKOFF_MESSAGES, badgeText } from '../common/frame-report';
import type { TabSummary } from '../common/frame-report';

const ERROR_RED = '#c8232c';

export async function showBadge(tabId: number, summary: TabSummary): Promise<void> {
  const count = summary.errors;
  let title = 'SyncFix';
  if (summary.state !== 'not-scanned') {
    title = count === 1 ? 'SyncFix: 1 known error on this page' : `SyncFix: ${count} known errors on this page`;
    if (summary.reason) title += `\n${BACKOFF_MESSAGES[summary.reason]}`;
  }
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badgeText(count) }),
      browser.action.setBadgeBackgroundColor({ tabId, color: ERROR_RED }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed meanwhile.
  }
}
