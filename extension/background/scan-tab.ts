/**
 * "Scan this page once": injects the content script into the current tab through
 * activeTab (granted by the toolbar click, the shortcut or the context menu) without any
 * standing permission for the site. Running it again on a scanned page rescans it.
 */
import browser from 'webextension-polyfill';
import { CONTENT_CSS, CONTENT_JS } from './site-scripts';

export async function scanTab(tabId: number): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const target = { tabId, allFrames: true };
    await browser.scripting.insertCSS({ target, files: [CONTENT_CSS] });
    await browser.scripting.executeScript({ target, files: [CONTENT_JS] });
    return { ok: true };
  } catch (error) {
    // Browser pages (settings, the web store, PDFs) cannot be scripted by any extension.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
