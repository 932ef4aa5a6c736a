/**
 * Keeps one dynamically registered content script in step with the sites the admin has
 * granted (optional host permissions). Nothing is declared in the manifest's
 * `content_scripts`: with no grant, the content script runs nowhere.
 */
import browser from 'webextension-polyfill';
import type { Scripting } from 'webextension-polyfill';
import { isSitePattern } from '../common/site-patterns';

export const SCRIPT_ID = 'syncfix-sites';
export const CONTENT_JS = 'content.js';
export const CONTENT_CSS = 'content.css';

let chain: Promise<void> = Promise.resolve();

export function syncSiteScripts(): Promise<void> {
  chain = chain.then(sync, sync);
  return chain;
}

async function sync(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = origins.filter(isSitePattern).sort();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script: Scripting.RegisteredContentScript = {
    id: SCRIPT_ID,
    js: [CONTENT_JS],
    css: [CONTENT_CSS],
    matches,
    // Same-origin frames (a console's detail pane) run their own instance.
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
    // …and so do about:blank / srcdoc frames a granted page writes into. Firefox takes it
    // since 128 (bug 1853411); the manifest asks for 140.
    matchOriginAsFallback: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}
