/**
 * Is SyncFix allowed on this page's site, and the switch that changes it. Granting asks the
 * browser for that one host (optional host permission); the background registers the
 * content script for it on `permissions.onAdded`.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isSitePattern, patternCovers, patternForUrl } from '../../common/site-patterns';

export interface SiteAccess {
  /** What "Enable on this site" asks for; undefined where no extension may run (browser pages). */
  pattern?: string;
  /** Granted patterns that cover the page. */
  granted: string[];
  allowed: boolean;
}

export async function grantedPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter(isSitePattern);
}

export function useSiteAccess(url: string | undefined): [SiteAccess, { refresh(): void }] {
  const [access, setAccess] = useState<SiteAccess>({ granted: [], allowed: false });
  const refresh = useCallback(() => {
    if (!url) return;
    void grantedPatterns().then((all) => {
      const granted = all.filter((p) => patternCovers(p, url));
      setAccess({ pattern: patternForUrl(url), granted, allowed: granted.length > 0 });
    });
  }, [url]);
  useEffect(() => {
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [refresh]);
  return [access, { refresh }];
}

/** Must run straight from the click: browsers only show the permission prompt for a user gesture. */
export function requestSite(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export async function revokeSite(patterns: string[]): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: patterns });
  } catch {
    // Permissions granted at install (the test build's fixture origin) cannot be removed.
    return false;
  }
}
