/**
 * Asking the browser for a site and giving it back, for the options page and the popup.
 * Sites come only from `siteFromInput` / `siteForPage`; the background registers the content
 * script on `permissions.onAdded`. Every answer, a refusal included, comes back in words.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isSitePattern, patternCovers, siteForPage } from '../../common/site-patterns';
import type { Site, SiteResult } from '../../common/site-patterns';

export interface Outcome {
  ok: boolean;
  text: string;
}

export interface SiteAccess {
  /** What "Enable on this site" asks for, or why it cannot; undefined until the address is known. */
  site?: SiteResult;
  /** Granted patterns that cover the page, and the site's own for the other scheme. */
  granted: string[];
  allowed: boolean;
}

export async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter(isSitePattern);
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.?\s*$/, '');

/** Must run straight from the click: browsers only show the permission prompt for a user gesture. */
export async function askForSite(site: Site): Promise<Outcome> {
  try {
    const granted = await browser.permissions.request({ origins: site.origins });
    return granted
      ? { ok: true, text: `SyncFix now runs on ${site.label}.` }
      : { ok: false, text: `Not allowed: the browser's prompt for ${site.label} was declined.` };
  } catch (error) {
    return { ok: false, text: `The browser refused to allow ${site.label}: ${reason(error)}.` };
  }
}

export async function removeSite(site: Site): Promise<Outcome> {
  try {
    const removed = await browser.permissions.remove({ origins: site.origins });
    return removed
      ? { ok: true, text: `SyncFix no longer runs on ${site.label}.` }
      : { ok: false, text: `${site.label} could not be removed: the browser kept the permission.` };
  } catch (error) {
    // Sites granted at install (by policy, for instance) cannot be taken back by the extension.
    return { ok: false, text: `${site.label} cannot be removed here: ${reason(error)}.` };
  }
}

/** Calls `run` now and whenever a site is granted or removed, in any of our pages. */
export function usePermissionChanges(run: () => void): void {
  useEffect(() => {
    run();
    browser.permissions.onAdded.addListener(run);
    browser.permissions.onRemoved.addListener(run);
    return () => {
      browser.permissions.onAdded.removeListener(run);
      browser.permissions.onRemoved.removeListener(run);
    };
  }, [run]);
}

/** Is SyncFix allowed on this page's site, and the site the switch asks for. */
export function useSiteAccess(url: string | undefined): [SiteAccess, { refresh(): Promise<void> }] {
  const [access, setAccess] = useState<SiteAccess>({ granted: [], allowed: false });
  const refresh = useCallback(async () => {
    if (!url) return;
    const site = siteForPage(url);
    const all = await grantedOrigins();
    // What covers this page, and the site's other scheme: switching off removes both.
    const granted = all.filter((p) => patternCovers(p, url) || (site.ok && site.site.origins.includes(p)));
    setAccess({ site, granted, allowed: all.some((p) => patternCovers(p, url)) });
  }, [url]);
  usePermissionChanges(
    useCallback(() => {
      refresh().catch(() => setAccess({ granted: [], allowed: false }));
    }, [refresh]),
  );
  return [access, { refresh }];
}
