/** The current tab's scan results, kept fresh while the popup is open (the page may still be scanning). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import type { TabSummary } from '../../common/frame-report';
import { background } from '../ui/background';

export function useTabSummary(tabId: number | undefined): TabSummary | undefined {
  const [summary, setSummary] = useState<TabSummary>();
  useEffect(() => {
    if (tabId === undefined) return undefined;
    let alive = true;
    // A failed read leaves the last summary shown; the next storage change reads again.
    const load = () =>
      void background('tabSummary', { tabId })
        .then((s) => alive && s && setSummary(s))
        .catch(() => undefined);
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'session' && `tab:${tabId}` in changes) load();
    };
    load();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return summary;
}
