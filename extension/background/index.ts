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
import type { ContentHandlers } from '../content/handlers';

const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener(listener(backgroundHandlers, self));

browser.runtime.onInstalled.addListener(() => {
  void syncSiteScripts();
  void createMenus();
});
browser.runtime.onStartup.addListener(() => void syncSiteScripts());
browser.permissions.onAdded.addListener(() => void syncSiteScripts());
browser.permissions.onRemoved.addListener(() => void syncSiteScripts());

browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
setUpOmnibox();

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    forgetCursor(tabId);
    void clearTab(tabId);
  } else if (change.status === 'complete') {
    // A same-document navigation may have cleared a tab whose content script lives on.
    void hasReports(tabId).then((has) => {
      if (!has)
        void caller<ContentHandlers>((m) => browser.tabs.sendMessage(tabId, m))('report', undefined).catch(() => {});
    });
  }
});
browser.tabs.onRemoved.addListener((tabId) => {
  forgetCursor(tabId);
  void clearTab(tabId);
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
