/**
 * Renders the PNG app icons from one SVG glyph with headless Chromium (run by hand after
 * changing the glyph: `npx tsx pwa/tools/render-icons.ts`); the PNGs are committed.
 * Maskable icons keep the glyph inside the central 80% safe zone (w3c.github.io/manifest/#icon-masks).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../test/e2e/browser';

const GLYPH =
  'M9 12.5a7 7 0 0 1 12.2-3.2L23 7.5v6h-6l2.1-2.1A4.5 4.5 0 0 0 11.6 13zM23 19.5a7 7 0 0 1-12.2 3.2L9 24.5v-6h6l-2.1 2.1a4.5 4.5 0 0 0 7.5-1.6z';
const BRAND = '#0b5f86';

function svg(size: number, maskable: boolean): string {
  // The glyph spans 16 of 32 units: 50% of a regular icon, 40% of a maskable one.
  const scale = maskable ? 0.8 : 1;
  const offset = (32 - 32 * scale) / 2;
  const background = maskable
    ? `<rect width="32" height="32" fill="${BRAND}"/>`
    : `<rect x="1" y="1" width="30" height="30" rx="7" fill="${BRAND}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${background}<g transform="translate(${offset} ${offset}) scale(${scale})"><path fill="#fff" d="${GLYPH}"/></g></svg>`;
}

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
const browser = await launchBrowser();
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${svg(size, maskable)}</body>`);
  writeFileSync(out + name, await page.locator('svg').screenshot({ omitBackground: true }));
}
await browser.close();
