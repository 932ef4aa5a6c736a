/**
 * The manifest, written once for both browsers. Chrome gets a service worker, Firefox an
 * event page (`background.scripts`), its add-on id, minimum versions and the data
 * collection declaration; everything else is identical.
 *
 * Narrowest permissions: no host permission is requested at install. The admin grants
 * sites one by one (`optional_host_permissions`), "Scan this page once" works through
 * `activeTab`. The test builds use this same manifest. `manifest.test.ts` asserts
 * permissions and CSP exactly, so any change here is deliberate.
 */

export type Target = 'chrome' | 'firefox';

export interface ManifestOptions {
  target: Target;
  version: string;
}

export const PERMISSIONS = Object.freeze(['storage', 'activeTab', 'scripting', 'contextMenus'] as const);

export const OPTIONAL_HOST_PERMISSIONS = Object.freeze(['http://*/*', 'https://*/*'] as const);

/**
 * Extension pages load only their own files: no remote code, no eval, no inline script or
 * style, and no network at all (`connect-src 'none'`): the guide works offline by design.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const GECKO_ID = 'syncfix@syncfix.app';
export const NEXT_ERROR_COMMAND = 'next-known-error';

/** Chrome and its store: 16, 32, 48, 128; Firefox's add-ons manager: 32/64 and 48/96 on high-density screens. */
export const ICON_SIZES = [16, 32, 48, 64, 96, 128] as const;

const ICONS: Record<number, string> = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/icon-${size}.png`]));

export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const { target, version } = options;
  return {
    manifest_version: 3,
    name: 'SyncFix — mobile email field guide',
    short_name: 'SyncFix',
    description:
      'Recognises known BES, BlackBerry, ActiveSync, SEG and NotifySync errors in admin consoles and logs, with the fix one hover away. Works offline.',
    version,
    icons: ICONS,
    action: { default_title: 'SyncFix', default_popup: 'popup.html', default_icon: { 16: ICONS[16], 32: ICONS[32] } },
    background: target === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    options_ui: { page: 'options.html', open_in_tab: true },
    permissions: [...PERMISSIONS],
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    omnibox: { keyword: 'sf' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open SyncFix' },
      [NEXT_ERROR_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Go to the next known error on the page',
      },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(target === 'chrome'
      ? // 123: CSS light-dark() in the shared guide styles; everything else is older.
        { minimum_chrome_version: '123' }
      : {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (ESR): CSS Custom Highlight API and data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the device: no data is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }),
  };
}
