/** "Explain with SyncFix" on selected text: opens the guide's Explain view with that text. */
import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { openGuide } from './open-guide';

export const EXPLAIN_MENU_ID = 'syncfix-explain';

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: EXPLAIN_MENU_ID, title: 'Explain with SyncFix', contexts: ['selection'] });
}

export async function onMenuClicked(
  info: Pick<Menus.OnClickData, 'menuItemId' | 'selectionText'>,
  tab?: Tabs.Tab,
): Promise<void> {
  if (info.menuItemId !== EXPLAIN_MENU_ID) return;
  const text = (info.selectionText ?? '').trim();
  if (!text) return;
  await openGuide({ explain: text }, tab && { id: tab.id, index: tab.index });
}
