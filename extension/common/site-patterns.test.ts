import { describe, expect, test } from 'vitest';
import {
  CONSOLE_SITES,
  isSitePattern,
  patternCovers,
  siteForPage,
  siteFromInput,
  siteGranted,
  sitesFromOrigins,
} from './site-patterns';
import { OPTIONAL_HOST_PERMISSIONS } from '../manifest/manifest';

const origins = (input: string) => {
  const result = siteFromInput(input);
  return result.ok ? result.site.origins : result.reason;
};
const label = (input: string) => {
  const result = siteFromInput(input);
  return result.ok ? result.site.label : undefined;
};

/** What Firefox checks before it asks the user: the pattern lies inside a declared optional pattern. */
function insideDeclared(pattern: string): boolean {
  return OPTIONAL_HOST_PERMISSIONS.some((declared) => pattern.startsWith(declared.replace('*/*', '')));
}

describe('a site from what the admin typed', () => {
  test('a bare host means that host over http and https, on every port and path', () => {
    expect(origins(' Mail.Contoso.com ')).toEqual(['http://mail.contoso.com/*', 'https://mail.contoso.com/*']);
    expect(label('mail.contoso.com')).toBe('mail.contoso.com');
    expect(origins('bes01')).toEqual(['http://bes01/*', 'https://bes01/*']);
    expect(origins('bes_01.contoso.local')).toEqual([
      'http://bes_01.contoso.local/*',
      'https://bes_01.contoso.local/*',
    ]);
  });

  test('a typed scheme keeps only that scheme; port, path and query are dropped', () => {
    expect(origins('https://bes01.contoso.local:3443/webconsole/app?x=1#top')).toEqual([
      'https://bes01.contoso.local/*',
    ]);
    expect(label('https://bes01.contoso.local:3443/webconsole/app')).toBe('https://bes01.contoso.local');
    expect(origins('http://127.0.0.1')).toEqual(['http://127.0.0.1/*']);
    expect(origins('bes01.contoso.local:3443')).toEqual([
      'http://bes01.contoso.local/*',
      'https://bes01.contoso.local/*',
    ]);
    expect(origins('localhost:8080/owa')).toEqual(['http://localhost/*', 'https://localhost/*']);
  });

  test('IP addresses, v4 and v6, with or without brackets and ports', () => {
    expect(origins('10.0.0.5')).toEqual(['http://10.0.0.5/*', 'https://10.0.0.5/*']);
    expect(origins('127.0.0.1:41234')).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
    expect(origins('[::1]')).toEqual(['http://[::1]/*', 'https://[::1]/*']);
    expect(origins('https://[2001:DB8::5]:8443/ecp')).toEqual(['https://[2001:db8::5]/*']);
    expect(origins('fe80::1')).toEqual(['http://[fe80::1]/*', 'https://[fe80::1]/*']);
    expect(label('[::1]')).toBe('[::1]');
  });

  test('international names become the punycode browsers match on', () => {
    expect(origins('müller.example')).toEqual(['http://xn--mller-kva.example/*', 'https://xn--mller-kva.example/*']);
  });

  test('a wildcard stands for one domain’s subdomains, never for a top-level domain or every site', () => {
    expect(origins('*.awmdm.com')).toEqual(['http://*.awmdm.com/*', 'https://*.awmdm.com/*']);
    expect(origins('https://*.awmdm.com/AirWatch')).toEqual(['https://*.awmdm.com/*']);
    expect(label('*.awmdm.com')).toBe('*.awmdm.com');
    for (const bad of [
      '*',
      '*.com',
      'https://*',
      '*://*/*',
      'mail.*.com',
      '*mail.com',
      'ma*il.com',
      '*.10.0.0.5',
      '<all_urls>',
    ]) {
      expect(siteFromInput(bad).ok, bad).toBe(false);
    }
  });

  test('junk is refused with a reason in words, never turned into a pattern', () => {
    const cases: [string, RegExp][] = [
      ['', /Type a host name/],
      ['   ', /Type a host name/],
      ['javascript:alert(1)', /only on http and https/],
      ['file:///c:/logs', /only on http and https/],
      ['ftp://bes01', /only on http and https/],
      ['chrome://extensions', /only on http and https/],
      ['http:bes01', /Type a host name/],
      ['exa mple.com', /not a host name/],
      ['http://admin:secret@bes01', /without a user name/],
      ['https://user@bes01', /without a user name/],
      ['999.1.1.1', /not a host name/],
      ['bad..host', /not a host name/],
      ['-bad.example', /not a host name/],
      ['<script>', /not a host name/],
      ['*', /never runs on every site/],
    ];
    for (const [input, reason] of cases) {
      const result = siteFromInput(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.reason, input).toMatch(reason);
    }
  });

  test('every pattern it builds is a site pattern inside the manifest’s optional host permissions', () => {
    const inputs = ['mail.contoso.com', 'http://127.0.0.1', '127.0.0.1', '[::1]', '*.awmdm.com', 'https://bes01:3443'];
    for (const input of [...inputs, ...CONSOLE_SITES.map((c) => c.input)]) {
      const result = siteFromInput(input);
      expect(result.ok, input).toBe(true);
      for (const pattern of result.ok ? result.site.origins : []) {
        expect(isSitePattern(pattern), pattern).toBe(true);
        expect(insideDeclared(pattern), pattern).toBe(true);
        expect(pattern, 'Firefox refuses *:// against http/https declarations').not.toMatch(/^\*:/);
      }
    }
  });
});

describe('the site of the page the admin is on', () => {
  test('is the page’s host, http and https, built by the same function', () => {
    const result = siteForPage('http://127.0.0.1:8080/logs/iis.log');
    expect(result).toEqual(siteFromInput('127.0.0.1'));
    expect(result.ok && result.site.origins).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
    expect(siteForPage('https://[::1]:8443/ecp/').ok).toBe(true);
  });

  test('browser pages and non-addresses are refused in words', () => {
    for (const url of ['chrome://extensions/', 'about:addons', 'moz-extension://x/options.html', 'not a url']) {
      const result = siteForPage(url);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/\w+ \w+/);
    }
  });
});

describe('granted patterns', () => {
  test('refuses patterns that would mean every site or a whole top-level domain', () => {
    for (const pattern of [
      '<all_urls>',
      '*://*/*',
      'https://*/*',
      'https://*/ecp/*',
      'https://*.com/*',
      'ftp://host/*',
      'https://host/ecp/*',
    ]) {
      expect(isSitePattern(pattern), pattern).toBe(false);
    }
  });

  test('a host granted for both schemes is listed as one site, and both are removed together', () => {
    const sites = sitesFromOrigins([
      'https://127.0.0.1/*',
      'http://127.0.0.1/*',
      'https://*.awmdm.com/*',
      '*://bes01/*',
      'http://*/*',
    ]);
    expect(sites).toEqual([
      { label: '127.0.0.1', origins: ['http://127.0.0.1/*', 'https://127.0.0.1/*'] },
      { label: 'https://*.awmdm.com', origins: ['https://*.awmdm.com/*'] },
      { label: 'bes01', origins: ['*://bes01/*'] },
    ]);
    const typed = siteFromInput('127.0.0.1');
    expect(typed.ok && siteGranted(typed.site, ['http://127.0.0.1/*', 'https://127.0.0.1/*'])).toBe(true);
    expect(typed.ok && siteGranted(typed.site, ['http://127.0.0.1/*'])).toBe(false);
  });

  test('a granted pattern covers pages on its host (and subdomains for *.), whatever the port and path', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:41234/x.html')).toBe(true);
    expect(patternCovers('*://mail.contoso.com/*', 'https://mail.contoso.com/ecp/')).toBe(true);
    expect(patternCovers('https://mail.contoso.com/*', 'http://mail.contoso.com/ecp/')).toBe(false);
    expect(patternCovers('https://*.awmdm.com/*', 'https://cn135.awmdm.com/AirWatch/')).toBe(true);
    expect(patternCovers('https://*.awmdm.com/*', 'https://awmdm.com.evil.example/')).toBe(false);
    expect(patternCovers('http://[::1]/*', 'http://[::1]:8080/')).toBe(true);
  });
});
