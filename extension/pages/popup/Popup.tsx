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
import { askForSite, removeSite, useSiteAccess } from '../ui/use-site-access';
import type { Outcome } from '../ui/use-site-access';
import { SiteControls } from './SiteControls';
import { TabErrors } from './TabErrors';
import { useCurrentTab } from './use-current-tab';
import { useTabSummary } from './use-tab-summary';

export function Popup({ kb }: { kb: KnowledgeBundle }) {
  const search = useMemo(() => new KnowledgeSearch(kb), [kb]);
  const tab = useCurrentTab();
  const summary = useTabSummary(tab?.id);
  const [access, { refresh }] = useSiteAccess(tab?.url ?? undefined);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string>();

  const scan = async () => {
    if (!tab) return;
    setScanning(true);
    setError(undefined);
    const result = await background('scanTab', { tabId: tab.id }).catch(() => ({ ok: false }));
    setScanning(false);
    if (!result.ok) setError('This page cannot be scanned (the browser does not let extensions read it).');
  };

  // Straight from the click: the browser shows its permission prompt only for a user gesture.
  const toggle = (enable: boolean) => {
    const site = access.site?.ok ? access.site.site : undefined;
    if (!site) return;
    // Off removes whatever grants cover this page (a *.domain grant included).
    const work = enable ? askForSite(site) : removeSite({ ...site, origins: access.granted });
    work
      .then(async (outcome: Outcome) => {
        setError(outcome.ok ? undefined : outcome.text);
        await refresh();
        if (enable && outcome.ok) await scan();
      })
      .catch((e: unknown) => setError(`Something went wrong: ${String(e)}`));
  };

  const closeAfter = (work: Promise<unknown>) =>
    work.then(
      () => window.close(),
      (e: unknown) => setError(`Something went wrong: ${String(e)}`),
    );
  const open = (article: string) => void closeAfter(openGuideTab({ article }));
  const show = (article: string) => {
    if (!tab) return;
    // The page takes focus (the card opens focused), so the popup closes itself.
    background('reveal', { tabId: tab.id, article, step: 'first' }).then(
      (r) => r.shown && window.close(),
      (e: unknown) => setError(`Something went wrong: ${String(e)}`),
    );
  };

  return (
    <div class="sfx-popup">
      <header class="sfx-head">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>SyncFix</h1>
        <nav class="sfx-head-links">
          <button type="button" class="sf-link-button" onClick={() => void closeAfter(openGuideTab({}))}>
            Open guide
          </button>
          <button
            type="button"
            class="sf-link-button"
            onClick={() => void browser.runtime.openOptionsPage().catch((e: unknown) => setError(String(e)))}
          >
            Sites & options
          </button>
        </nav>
      </header>
      {tab && (
        <SiteControls
          url={tab.url}
          access={access}
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
