import { describe, expect, test } from 'vitest';
import {
  CONSOLE_PATTERNS,
  describePattern,
  exactPatternForUrl,
  isSitePattern,
  patternCovers,
  patternForUrl,
  patternFromInput,
} from './site-patterns';

describe('site patterns', () => {
  test('every offered console pattern is one host or one vendor’s subdomains', () => {
    for (const { pattern } of CONSOLE_PATTERNS) expect(isSitePattern(pattern), pattern).toBe(true);
  });

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

  test('the page’s host is requested for http and https, any path', () => {
    expect(patternForUrl('https://mail.contoso.com/ecp/?ExchClientVer=15')).toBe('*://mail.contoso.com/*');
    expect(patternForUrl('http://127.0.0.1:8080/logs/iis.log')).toBe('*://127.0.0.1/*');
    expect(patternForUrl('chrome://extensions/')).toBeUndefined();
    expect(patternForUrl('not a url')).toBeUndefined();
    expect(exactPatternForUrl('https://mail.contoso.com/ecp/')).toBe('https://mail.contoso.com/*');
  });

  test('what an admin types becomes a pattern, or nothing', () => {
    expect(patternFromInput(' Mail.Contoso.com ')).toBe('*://mail.contoso.com/*');
    expect(patternFromInput('https://bes01.contoso.local:3443/webconsole/app')).toBe('https://bes01.contoso.local/*');
    expect(patternFromInput('*.awmdm.com')).toBe('*://*.awmdm.com/*');
    expect(patternFromInput('10.0.0.5')).toBe('*://10.0.0.5/*');
    for (const bad of ['', '*', '*.com', 'file:///c:/logs', 'javascript:alert(1)', 'exa mple.com']) {
      expect(patternFromInput(bad), bad).toBeUndefined();
    }
  });

  test('a granted pattern covers pages on its host (and subdomains for *.), whatever the port and path', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:41234/x.html')).toBe(true);
    expect(patternCovers('*://mail.contoso.com/*', 'https://mail.contoso.com/ecp/')).toBe(true);
    expect(patternCovers('https://mail.contoso.com/*', 'http://mail.contoso.com/ecp/')).toBe(false);
    expect(patternCovers('https://*.awmdm.com/*', 'https://cn135.awmdm.com/AirWatch/')).toBe(true);
    expect(patternCovers('https://*.awmdm.com/*', 'https://awmdm.com.evil.example/')).toBe(false);
    expect(patternCovers('*://mail.contoso.com/*', 'https://mail.contoso.com.evil.example/')).toBe(false);
  });

  test('lists show the host, with the scheme only when it is not both', () => {
    expect(describePattern('*://mail.contoso.com/*')).toBe('mail.contoso.com');
    expect(describePattern('http://127.0.0.1/*')).toBe('http://127.0.0.1');
  });
});
