import type { ManifestOptions } from 'vite-plugin-pwa';

/** Web app manifest: installable by Chromium's criteria, and a share target for text. */
export const THEME_COLOUR = '#0b5f86';
export const BACKGROUND_COLOUR = '#f5f7f9';

export const manifest: Partial<ManifestOptions> = {
  id: './',
  name: 'SyncFix: mobile email field guide',
  short_name: 'SyncFix',
  description:
    'Offline troubleshooting for BES enterprise activation, BlackBerry sync, Exchange ActiveSync, AirWatch SEG and NotifySync.',
  lang: 'en',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: THEME_COLOUR,
  background_color: BACKGROUND_COLOUR,
  categories: ['productivity', 'utilities', 'business'],
  // A second shared text lands in the open window instead of a new one.
  launch_handler: { client_mode: ['navigate-existing', 'auto'] },
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  // Text shared from another app opens "Explain this log" (the app reads title/text/url).
  share_target: {
    action: './',
    method: 'GET',
    // GET only ever encodes as a query string; Chromium still warns when it is not spelt out.
    enctype: 'application/x-www-form-urlencoded',
    params: { title: 'title', text: 'text', url: 'url' },
  },
  shortcuts: [
    { name: 'Explain a log', url: './#/explain', icons: [{ src: 'icons/icon-192.png', sizes: '192x192' }] },
    {
      name: 'Diagnose BES activation',
      url: './#/diagnose/bes-activation',
      icons: [{ src: 'icons/icon-192.png', sizes: '192x192' }],
    },
  ],
};
