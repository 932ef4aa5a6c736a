/**
 * The manifest's permissions and CSP, exactly. A change here must be deliberate: widening
 * what SyncFix may do needs this test changed in the same commit, with a reason.
 */
import { describe, expect, test } from 'vitest';
import { buildManifest } from './manifest';

describe.each(['chrome', 'firefox'] as const)('%s manifest', (target) => {
  const manifest = buildManifest({ target, version: '1.2.3' });

  test('permissions are exactly storage, activeTab, scripting and contextMenus', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
  });

  test('no site at install: host access only as optional host permissions, granted per site', () => {
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
  });

  test('nothing is exposed to web pages or other extensions', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  test('extension pages load only their own files and reach no network', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages:
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
  });

  test('the omnibox keyword is sf and the next-error shortcut is declared', () => {
    expect(manifest.omnibox).toEqual({ keyword: 'sf' });
    expect(manifest.commands).toHaveProperty('next-known-error.suggested_key.default', 'Alt+Shift+E');
  });
});

test('Chrome gets a service worker; Firefox an event page, its add-on id and no data collection', () => {
  expect(buildManifest({ target: 'chrome', version: '1' }).background).toEqual({ service_worker: 'background.js' });
  const firefox = buildManifest({ target: 'firefox', version: '1' });
  expect(firefox.background).toEqual({ scripts: ['background.js'] });
  expect(firefox).toHaveProperty('browser_specific_settings.gecko.id', 'syncfix@syncfix.app');
  expect(firefox).toHaveProperty('browser_specific_settings.gecko.data_collection_permissions', { required: ['none'] });
});

test('Firefox: the minimum versions of what SyncFix uses, and the add-on id AMO signs', () => {
  const gecko = buildManifest({ target: 'firefox', version: '1' }).browser_specific_settings as Record<string, unknown>;
  // 140: data_collection_permissions and the CSS Custom Highlight API (and matchOriginAsFallback, 128).
  expect(gecko).toEqual({
    gecko: {
      id: 'syncfix@syncfix.app',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  });
});

test('icons at every size both stores and browsers use, the same in both manifests', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    expect(Object.keys(buildManifest({ target, version: '1' }).icons as object)).toEqual([
      '16',
      '32',
      '48',
      '64',
      '96',
      '128',
    ]);
  }
});
