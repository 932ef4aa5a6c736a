/**
 * SyncFix background (MV3 service worker in Chrome, event page in Firefox). Map of parts:
 *   handlers.ts      the message API for content scripts and our pages
 *   site-scripts.ts  content script registered for the sites the admin granted
 *   tab-state.ts     per-tab scan reports (storage.session) → badge.ts
 *   scan-tab.ts      "Scan this page once" through activeTab
 *   context-menu.ts  "Explain with SyncFix";  omnibox.ts  keyword `sf`;  commands.ts  shortcut
 * Every listener is registered synchronously at start-up, as MV3 requires for wake-ups.
 */
import browser from 'webextension-polyfill';
import { listener } from '../common/messaging';
import { NEXT_ERROR_COMMAND, onCommand } from './commands';
import { createMenus, onMenuClicked } from './context-menu';
import { backgroundHandlers } from './handlers';
import { onOmniboxEntered, setUpOmnibox, suggestionsFor } from './omnibox';
import { forgetCursor } from './reveal';
import { syncSiteScripts } from './site-scripts';
import { clearTab, hasReports, tabSummary } from './tab-state';
import { caller } from '../common/messaging';
import { logFailure } from '../common/failures';
import type { ContentHandlers } from '../content/handlers';

const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener(listener(backgroundHandlers, self));

const syncScripts = () =>
  void syncSiteScripts().catch(logFailure('registering the content script for the granted sites'));
browser.runtime.onInstalled.addListener(() => {
  syncScripts();
  void createMenus().catch(logFailure('creating the context menu'));
});
browser.runtime.onStartup.addListener(syncScripts);
browser.permissions.onAdded.addListener(syncScripts);
browser.permissions.onRemoved.addListener(syncScripts);

browser.contextMenus.onClicked.addListener(
  (info, tab) => void onMenuClicked(info, tab).catch(logFailure('opening the guide from the context menu')),
);
browser.commands.onCommand.addListener(
  (command, tab) => void onCommand(command, tab).catch(logFailure('going to the next known error')),
);
setUpOmnibox();

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    forgetCursor(tabId);
    void clearTab(tabId).catch(logFailure('clearing a tab’s report'));
  } else if (change.status === 'complete') {
    // A same-document navigation may have cleared a tab whose content script lives on.
    hasReports(tabId)
      .then(async (has) => {
        // A tab with no content script (not a granted site) does not answer: nothing to ask.
        if (!has)
          await caller<ContentHandlers>((m) => browser.tabs.sendMessage(tabId, m))('report', undefined).catch(() => {});
      })
      .catch(logFailure('asking a tab for its report'));
  }
});
browser.tabs.onRemoved.addListener((tabId) => {
  forgetCursor(tabId);
  void clearTab(tabId).catch(logFailure('clearing a closed tab’s report'));
});

if (__SYNCFIX_TEST_HOOKS__) {
  // Test-only build (dist/extension-chrome-test): lets end-to-end tests fire the same
  // listeners a context-menu click or a shortcut fires. Absent from shipped builds.
  (globalThis as Record<string, unknown>).__syncfixTest = {
    contextMenuClicked: onMenuClicked,
    command: (tabId: number) => onCommand(NEXT_ERROR_COMMAND, { id: tabId }),
    omniboxSuggestions: suggestionsFor,
    tabSummary,
    omniboxEntered: onOmniboxEntered,
  };
}
