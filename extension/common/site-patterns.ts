/**
 * Sites the content script may run on, as host match patterns. The admin grants them one
 * by one (optional host permissions), so every pattern here is a single host or one
 * vendor's subdomains, never a wildcard host: a path in a host permission is ignored by
 * browsers, so "https://*\/ecp/*" would silently mean every site.
 */

/** Consoles admins commonly use, offered on the options page. */
export const CONSOLE_PATTERNS: readonly { pattern: string; label: string }[] = Object.freeze([
  { pattern: 'https://admin.exchange.microsoft.com/*', label: 'Exchange admin center (Exchange Online)' },
  {
    pattern: 'https://outlook.office365.com/*',
    label: 'Classic Exchange admin center and OWA (outlook.office365.com)',
  },
  { pattern: 'https://admin.microsoft.com/*', label: 'Microsoft 365 admin center' },
  { pattern: 'https://*.awmdm.com/*', label: 'Workspace ONE UEM / AirWatch SaaS consoles (*.awmdm.com)' },
]);

const HOST =
  /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[[0-9a-f:]+\]$/;
const PATTERN = /^(https?|\*):\/\/([^/]+)\/\*$/;

/** A pattern we accept as a site: http, https or both, one host (optionally its subdomains), every path. */
export function isSitePattern(pattern: string): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const host = m[2]!;
  if (host === '*' || !HOST.test(host)) return false;
  // "*.com" would be a whole top-level domain.
  return !host.startsWith('*.') || host.slice(2).includes('.');
}

/** The pattern to request for the page the admin is on: its host, http and https. */
export function patternForUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const pattern = `*://${parsed.hostname}/*`;
  return isSitePattern(pattern) ? pattern : undefined;
}

/** The exact-scheme pattern of a page, for asking whether it is already allowed. */
export function exactPatternForUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** What an admin types ("mail.contoso.com", "https://bes01:3443/webconsole", "*.awmdm.com") as a pattern. */
export function patternFromInput(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  const wildcard = /^(?:(https?):\/\/)?\*\.([^/:]+)/.exec(text);
  if (wildcard) {
    const pattern = `${wildcard[1] ?? '*'}://*.${wildcard[2]}/*`;
    return isSitePattern(pattern) ? pattern : undefined;
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const scheme = /^[a-z]+:\/\//.test(text) ? parsed.protocol.slice(0, -1) : '*';
  const pattern = `${scheme}://${parsed.hostname}/*`;
  return isSitePattern(pattern) ? pattern : undefined;
}

/** Does a granted pattern cover this page URL? (scheme, host and subdomain wildcards; any path) */
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

/** "mail.contoso.com", "*.awmdm.com", "http://10.0.0.5" for lists. */
export function describePattern(pattern: string): string {
  const m = PATTERN.exec(pattern);
  if (!m) return pattern;
  return m[1] === '*' ? m[2]! : `${m[1]}://${m[2]}`;
}
