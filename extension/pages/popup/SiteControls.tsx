/**
 * The per-site switch, the scan status and "Scan this page once". The switch asks for the
 * site's permission straight from the click (browsers require a user gesture).
 */
import { BACKOFF_MESSAGES } from '../../common/frame-report';
import type { TabSummary } from '../../common/frame-report';
import type { SiteAccess } from '../ui/use-site-access';

interface Props {
  /** The page address; undefined when the browser does not tell us (no activeTab grant). */
  url: string | undefined;
  access: SiteAccess;
  summary: TabSummary | undefined;
  scanning: boolean;
  error: string | undefined;
  onToggle(enable: boolean): void;
  onScanOnce(): void;
}

export function SiteControls({ url, access, summary, scanning, error, onToggle, onScanOnce }: Props) {
  const scan = (
    <button type="button" class="sf-button sfx-scan" onClick={onScanOnce} disabled={scanning}>
      {summary && summary.state !== 'not-scanned' ? 'Scan this page again' : 'Scan this page once'}
    </button>
  );
  if (url === undefined) {
    // Opened without the toolbar's activeTab grant: the address is hidden from us.
    return (
      <section class="sfx-site" aria-label="This site">
        <p class="sfx-status" role="status">
          {summary && summary.state !== 'not-scanned'
            ? statusText(summary, true, scanning)
            : 'This page has not been scanned.'}
        </p>
        {error && <p class="sfx-warning">{error}</p>}
        {scan}
      </section>
    );
  }
  if (!access.site) return null;
  if (!access.site.ok) return <p class="sfx-status">{access.site.reason}</p>;
  return (
    <section class="sfx-site" aria-label="This site">
      <label class="sfx-switch">
        <input
          type="checkbox"
          role="switch"
          checked={access.allowed}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        <span>
          Enable on this site <span class="sfx-host">{access.site.site.label}</span>
        </span>
      </label>
      <p class="sfx-status" role="status" aria-live="polite">
        {statusText(summary, access.allowed, scanning)}
      </p>
      {summary?.reason && <p class="sfx-warning">{BACKOFF_MESSAGES[summary.reason]}</p>}
      {error && <p class="sfx-warning">{error}</p>}
      {scan}
    </section>
  );
}

function statusText(summary: TabSummary | undefined, allowed: boolean, scanning: boolean): string {
  if (scanning || summary?.state === 'scanning') return 'Scanning this page…';
  if (!summary || summary.state === 'not-scanned') {
    return allowed ? 'Not scanned yet: reload the page or scan it now.' : 'SyncFix is off on this site.';
  }
  const n = summary.errors;
  const errors =
    n === 0
      ? 'No known errors on this page'
      : n === 1
        ? '1 known error on this page'
        : `${n} known errors on this page`;
  return summary.info
    ? `${errors}, ${summary.info} status ${summary.info === 1 ? 'message' : 'messages'} explained.`
    : `${errors}.`;
}
