/** Opens the guide page (the shared App, inside the extension) next to the tab it came from. */
import browser from 'webextension-polyfill';
import { guideUrl } from '../common/guide-url';
import type { GuideTarget } from '../common/guide-url';

export async function openGuide(target: GuideTarget, opener?: { id?: number; index?: number }): Promise<void> {
  const url = guideUrl(browser.runtime.getURL('guide.html'), target);
  await browser.tabs.create({
    url,
    ...(opener?.index !== undefined && { index: opener.index + 1 }),
    ...(opener?.id !== undefined && { openerTabId: opener.id }),
  });
}

export async function openerOf(tabId: number | undefined): Promise<{ id?: number; index?: number } | undefined> {
  if (tabId === undefined) return undefined;
  try {
    const tab = await browser.tabs.get(tabId);
    return { id: tab.id, index: tab.index };
  } catch {
    return undefined;
  }
}
