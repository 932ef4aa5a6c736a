/**
 * The toolbar popup: the guide's own search (shared SearchPanel), with the known errors of
 * the current tab listed first, the per-site switch and "Scan this page once".
 */
import { useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { KnowledgeBundle } from '../../../shared/kb/types';
import { KnowledgeSearch } from '../../../shared/search/search';
import { SearchPanel } from '../../../shared/ui';
import { background } from '../ui/background';
import { openGuideTab } from '../ui/open';
import { requestSite, revokeSite, useSiteAccess } from '../ui/use-site-access';
import { SiteControls } from './SiteControls';
import { TabErrors } from './TabErrors';
import { useCurrentTab } from './use-current-tab';
import { useTabSummary } from './use-tab-summary';

export function Popup({ kb }: { kb: KnowledgeBundle }) {
  const search = useMemo(() => new KnowledgeSearch(kb), [kb]);
  const tab = useCurrentTab();
  const summary = useTabSummary(tab?.id);
  const [site, { refresh }] = useSiteAccess(tab?.url);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string>();

  const scan = async () => {
    if (!tab) return;
    setScanning(true);
    setError(undefined);
    const result = await background('scanTab', { tabId: tab.id });
    setScanning(false);
    if (!result.ok) setError('This page cannot be scanned (the browser does not let extensions read it).');
  };

  const toggle = (enable: boolean) => {
    if (enable && site.pattern) {
      void requestSite(site.pattern).then((granted) => {
        refresh();
        if (granted) void scan();
      });
    } else if (!enable) {
      void revokeSite(site.granted).then((removed) => {
        refresh();
        if (!removed) setError('This site was allowed when SyncFix was installed and cannot be switched off here.');
      });
    }
  };

  const open = (article: string) => void openGuideTab({ article }).then(() => window.close());
  const show = (article: string) => {
    if (!tab) return;
    // The page takes focus (the card opens focused), so the popup closes itself.
    void background('reveal', { tabId: tab.id, article, step: 'first' }).then((r) => r.shown && window.close());
  };

  return (
    <div class="sfx-popup">
      <header class="sfx-head">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>SyncFix</h1>
        <nav class="sfx-head-links">
          <button type="button" class="sf-link-button" onClick={() => void openGuideTab({}).then(() => window.close())}>
            Open guide
          </button>
          <button type="button" class="sf-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            Sites & options
          </button>
        </nav>
      </header>
      {tab && (
        <SiteControls
          url={tab.url}
          site={site}
          summary={summary}
          scanning={scanning}
          error={error}
          onToggle={toggle}
          onScanOnce={() => void scan()}
        />
      )}
      <SearchPanel
        search={search}
        onOpen={open}
        autoFocus
        limit={8}
        leading={summary && <TabErrors kb={kb} summary={summary} onOpen={open} onShow={show} />}
      />
    </div>
  );
}
