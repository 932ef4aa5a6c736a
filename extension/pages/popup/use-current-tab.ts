/**
 * The tab the popup is about: the active tab of the window it opened over, or the tab
 * named by `?tab=<id>` when the popup page is opened in a tab of its own (keyboard users
 * pinning it, end-to-end tests). Its URL is readable through activeTab (the toolbar click)
 * or a site permission; nothing asks for the `tabs` permission.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

export interface CurrentTab {
  id: number;
  url?: string;
}

export async function currentTab(search = location.search): Promise<CurrentTab | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  const tab =
    Number.isSafeInteger(named) && named > 0
      ? await browser.tabs.get(named).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url && { url: tab.url }) };
}

export function useCurrentTab(): CurrentTab | undefined | null {
  // undefined while loading, null when there is no tab we can talk about.
  const [tab, setTab] = useState<CurrentTab | undefined | null>(undefined);
  useEffect(() => {
    currentTab().then(
      (t) => setTab(t ?? null),
      () => setTab(null),
    );
  }, []);
  return tab;
}
