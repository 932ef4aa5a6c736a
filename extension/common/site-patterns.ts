/**
 * Sites the content script may run on. `siteFromInput` is the only way a site is built:
 * the options page passes what the admin typed, the popup the page's host. A site is one
 * host (or one vendor's subdomains) on every port and path, as one exact-scheme match
 * pattern per scheme, because the manifest declares `http://*\/*` and `https://*\/*` and
 * Firefox refuses a `*://` request that is not literally inside one of them.
 */

export interface Site {
  /** What lists show: "mail.contoso.com" (http and https), "http://10.0.0.5", "*.awmdm.com". */
  label: string;
  /** The match patterns to request or remove, one per scheme. */
  origins: string[];
}

export type SiteResult = { ok: true; site: Site } | { ok: false; reason: string };

/** Consoles admins commonly use, offered on the options page (typed as an admin would). */
export const CONSOLE_SITES: readonly { input: string; label: string }[] = Object.freeze([
  { input: 'https://admin.exchange.microsoft.com', label: 'Exchange admin center (Exchange Online)' },
  { input: 'https://outlook.office365.com', label: 'Classic Exchange admin center and OWA (outlook.office365.com)' },
  { input: 'https://admin.microsoft.com', label: 'Microsoft 365 admin center' },
  { input: 'https://*.awmdm.com', label: 'Workspace ONE UEM / AirWatch SaaS consoles (*.awmdm.com)' },
]);

export const HINT = 'Type a host name such as mail.contoso.com, or a web address.';

const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/;
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const DNS_NAME = new RegExp(`^(?:${LABEL}\\.)*${LABEL}$`);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
/** An IPv6 address typed without brackets, as in "fe80::1" or "::1/owa" (two colons or more). */
const BARE_IPV6 = /^[0-9a-f.]*:[0-9a-f.]*:[0-9a-f:.]*(?:[/?#]|$)/;
const PATTERN = /^(https?|\*):\/\/([^/]+)\/\*$/;

const refuse = (reason: string): SiteResult => ({ ok: false, reason });

/** What an admin types ("mail.contoso.com", "https://bes01:3443/webconsole", "*.awmdm.com", "[::1]") as a site. */
export function siteFromInput(input: string): SiteResult {
  let text = input.trim().toLowerCase();
  if (!text) return refuse(HINT);
  if (text.length > 2048 || /\s/.test(text))
    return refuse(`“${input.trim().slice(0, 80)}” is not a host name. ${HINT}`);
  let scheme: 'http' | 'https' | undefined;
  const named = BARE_IPV6.test(text) ? null : SCHEME.exec(text);
  if (named) {
    if (named[1] !== 'http' && named[1] !== 'https')
      return refuse(`SyncFix runs only on http and https sites. ${HINT}`);
    if (!text.startsWith(`${named[1]}://`)) return refuse(HINT);
    scheme = named[1];
    text = text.slice(scheme.length + 3);
  }
  const authority = text.split(/[/?#]/, 1)[0]!;
  if (authority.includes('@')) return refuse('Type the host without a user name.');
  const wildcard = authority.startsWith('*.');
  let rest = wildcard ? authority.slice(2) : authority;
  // An IPv6 address typed without its brackets ("::1", "fe80::5").
  if (!rest.startsWith('[') && (rest.match(/:/g)?.length ?? 0) >= 2) rest = `[${rest}]`;
  if (authority === '*' || rest.includes('*')) {
    return refuse(
      'A * may only stand for subdomains at the start of a host, as in *.awmdm.com; SyncFix never runs on every site.',
    );
  }
  let host: string;
  try {
    // The URL parser normalises what browsers normalise: IDN to punycode, IPv4 forms, IPv6 brackets.
    host = new URL(`http://${rest}/`).hostname;
  } catch {
    return refuse(`“${input.trim().slice(0, 80)}” is not a host name. ${HINT}`);
  }
  const ip = IPV4.test(host) || IPV6.test(host);
  if (!ip && !DNS_NAME.test(host)) return refuse(`“${input.trim().slice(0, 80)}” is not a host name. ${HINT}`);
  if (wildcard && (ip || !host.includes('.'))) {
    return refuse('A wildcard needs a domain under it, as in *.awmdm.com, not a whole top-level domain or an address.');
  }
  const pattern = `${wildcard ? '*.' : ''}${host}`;
  const schemes = scheme ? [scheme] : (['http', 'https'] as const);
  return {
    ok: true,
    site: { label: scheme ? `${scheme}://${pattern}` : pattern, origins: schemes.map((s) => `${s}://${pattern}/*`) },
  };
}

/** The site of the page the admin is on (its host, http and https), through the same builder. */
export function siteForPage(url: string): SiteResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('This address is not a web page.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return refuse('SyncFix cannot read this page (browser pages and the web store are off limits).');
  }
  return siteFromInput(parsed.hostname);
}

/** A granted pattern we treat as a site: http, https or both, one host (optionally its subdomains), every path. */
export function isSitePattern(pattern: string): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const host = m[2]!;
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  if (!IPV4.test(bare) && !IPV6.test(bare) && !DNS_NAME.test(bare)) return false;
  // "*.com" would be a whole top-level domain.
  return !host.startsWith('*.') || bare.includes('.');
}

/** Granted patterns as the sites lists show: a host granted for http and https is one site. */
export function sitesFromOrigins(origins: readonly string[]): Site[] {
  const byHost = new Map<string, string[]>();
  for (const origin of origins.filter(isSitePattern).sort()) {
    const host = PATTERN.exec(origin)![2]!;
    byHost.set(host, [...(byHost.get(host) ?? []), origin]);
  }
  const bare = (host: string) => host.replace(/^\*\./, '');
  const hosts = [...byHost].sort(([a], [b]) => (bare(a) < bare(b) ? -1 : bare(a) > bare(b) ? 1 : 0));
  return hosts.map(([host, patterns]) => {
    const schemes = patterns.map((p) => PATTERN.exec(p)![1]!);
    const both = schemes.includes('*') || (schemes.includes('http') && schemes.includes('https'));
    return { label: both ? host : `${schemes[0]}://${host}`, origins: patterns };
  });
}

/** Is every origin of the site granted? */
export function siteGranted(site: Site, granted: readonly string[]): boolean {
  return site.origins.every((o) => granted.includes(o));
}

/** Does a granted pattern cover this page URL? (scheme, host and subdomain wildcards; any port and path) */
export function patternCovers(pattern: string, url: string): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = m[1]!;
  if (scheme === '*' ? !['http:', 'https:'].includes(parsed.protocol) : parsed.protocol !== `${scheme}:`) return false;
  const host = m[2]!;
  if (host.startsWith('*.')) return parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1));
  return parsed.hostname === host;
}
