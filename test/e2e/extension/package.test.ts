/**
 * The packages (npm run package): what the stores receive. Permissions and CSP are asserted
 * exactly in extension/manifest/manifest.test.ts; here, that the built manifests are those
 * and carry package.json's version, that the test builds add no permission, that the zips
 * hold the folders, that no built file can fetch or eval, that Firefox's linter accepts the
 * packaged zip without a warning, that the source archive rebuilds the Firefox zip, and
 * that the packaged zips work in both browsers.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  EXTENSION_PAGES_CSP,
  ICON_SIZES,
  OPTIONAL_HOST_PERMISSIONS,
  PERMISSIONS,
} from '../../../extension/manifest/manifest';
import { sourceZipName, storeZipName } from '../../../extension/package-files';
import { FIXTURES_DIR, ROOT } from './harness';
import { chromiumDriver } from './journeys/chromium-driver';
import type { BrowserDriver } from './journeys/driver';
import { firefoxDriver } from './journeys/firefox-driver';
import { enableFromOptions, errorMarks, expectEveryErrorMarked } from './journeys/journeys';

const dist = join(ROOT, 'dist');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const zipOf = (browser: 'chrome' | 'firefox') => join(dist, storeZipName(browser, version));

function unzipTo(zip: string, dir: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}
const read = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8')) as Record<string, unknown>;

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [path.slice(base.length + 1)];
  });
}

/** The Firefox zip as this run's `npm run package` wrote it: other suites may rebuild dist/ later. */
let packagedFirefox: Buffer;

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
  packagedFirefox = readFileSync(join(dist, storeZipName('firefox', version)));
}, 180_000);

describe.each(['chrome', 'firefox'] as const)('the %s package', (browser) => {
  const dir = join(dist, `extension-${browser}`);

  test('asks for no site at install, only the narrow permissions and the strict CSP', () => {
    const manifest = read(`extension-${browser}/manifest.json`);
    expect(manifest.version).toBe(version);
    expect(manifest.permissions).toEqual([...PERMISSIONS]);
    expect(manifest.optional_host_permissions).toEqual([...OPTIONAL_HOST_PERMISSIONS]);
    expect(manifest.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
    for (const key of ['host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  test('the store zip holds exactly the unpacked folder', () => {
    const zip = unzipSync(readFileSync(zipOf(browser)));
    expect(Object.keys(zip).sort()).toEqual(files(dir).sort());
    for (const [name, bytes] of Object.entries(zip))
      expect(Buffer.from(bytes).equals(readFileSync(join(dir, name))), name).toBe(true);
    for (const size of ICON_SIZES) expect(Object.keys(zip)).toContain(`icons/icon-${size}.png`);
  });

  test('no built script can fetch, eval or open a socket', () => {
    for (const name of files(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(dir, name), 'utf8');
      expect(code, name).not.toMatch(
        /\beval\(|new Function\(|\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|importScripts\(/,
      );
    }
  });

  test('carries no path of the machine it was built on (a production build, even when a test packages it)', () => {
    for (const name of files(dir)) expect(readFileSync(join(dir, name), 'latin1').includes(ROOT), name).toBe(false);
  });
});

test('the test builds are the shipped ones plus listeners for tests: same manifest, no extra permission', () => {
  for (const browser of ['chrome', 'firefox']) {
    expect(read(`extension-${browser}-test/manifest.json`)).toEqual(read(`extension-${browser}/manifest.json`));
    expect(readFileSync(join(dist, `extension-${browser}-test/background.js`), 'utf8')).toContain('__syncfixTest');
    expect(readFileSync(join(dist, `extension-${browser}/background.js`), 'utf8')).not.toContain('__syncfixTest');
  }
});

test('Chrome runs a service worker, Firefox an event page with its add-on id', () => {
  expect(read('extension-chrome/manifest.json').background).toEqual({ service_worker: 'background.js' });
  const firefox = read('extension-firefox/manifest.json');
  expect(firefox.background).toEqual({ scripts: ['background.js'] });
  expect(firefox).toHaveProperty('browser_specific_settings.gecko.id');
  expect(firefox).toHaveProperty('browser_specific_settings.gecko.data_collection_permissions', { required: ['none'] });
});

test('web-ext lint finds no error and no warning in the packaged Firefox zip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncfix-lint-'));
  try {
    unzipTo(zipOf('firefox'), dir);
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        dir,
        '--output',
        'json',
        '--no-config-discovery',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: unknown[]; warnings: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('the source archive rebuilds the Firefox zip byte for byte with the README’s commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncfix-source-'));
  try {
    unzipTo(join(dist, sourceZipName(version)), dir);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm install && npm run package');
    // `npm install` is left out: the same locked packages are already here.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: dir, stdio: 'ignore' });
    const rebuilt = readFileSync(join(dir, 'dist', storeZipName('firefox', version)));
    expect(rebuilt.equals(packagedFirefox)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

describe.each([
  ['chromium', (zipDir: string) => chromiumDriver(zipDir, FIXTURES_DIR), 'chrome'],
  ['firefox', () => firefoxDriver(zipOf('firefox'), FIXTURES_DIR), 'firefox'],
] as const)('the packaged zip in %s', (_name, start, browser) => {
  test('allows a site from the options page, marks its errors and counts them on the badge', async () => {
    // Chromium loads folders only: the zip's own files, unpacked as they are.
    const zipDir = mkdtempSync(join(tmpdir(), 'syncfix-zip-'));
    unzipTo(zipOf(browser), zipDir);
    let driver: BrowserDriver | undefined;
    try {
      driver = await start(zipDir);
      await enableFromOptions.run(driver);
      const page = await driver.open(driver.fixture('exchange-mobile-devices.html'));
      await expectEveryErrorMarked(page);
      const errors = await errorMarks(page);
      const tabId = await driver.tabId(page);
      await expect.poll(() => driver!.badge(tabId), { timeout: 15_000 }).toBe(String(errors));
    } finally {
      await driver?.close();
      rmSync(zipDir, { recursive: true, force: true });
    }
  }, 180_000);
});
