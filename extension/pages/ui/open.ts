/** Opening the guide and settings from our pages. */
import browser from 'webextension-polyfill';
import { guideUrl } from '../../common/guide-url';
import type { GuideTarget } from '../../common/guide-url';

export async function openGuideTab(target: GuideTarget): Promise<void> {
  await browser.tabs.create({ url: guideUrl(browser.runtime.getURL('guide.html'), target) });
}
