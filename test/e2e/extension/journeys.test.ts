/**
 * The user journeys (journeys/journeys.ts) in real Chromium and real Firefox ESR, from the
 * test builds (the shipped builds plus listeners the shortcut and context menu would fire).
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { FIXTURES_DIR, ROOT, ensureBuilt } from './harness';
import { chromiumDriver } from './journeys/chromium-driver';
import type { BrowserDriver } from './journeys/driver';
import { firefoxDriver } from './journeys/firefox-driver';
import { JOURNEYS } from './journeys/journeys';

const DRIVERS = {
  chromium: () => chromiumDriver(`${ROOT}dist/extension-chrome-test`, FIXTURES_DIR),
  firefox: () => firefoxDriver(`${ROOT}dist/extension-firefox-test`, FIXTURES_DIR),
};

for (const [name, start] of Object.entries(DRIVERS).filter(([n]) => !process.env.ONLY || n === process.env.ONLY)) {
  describe(`journeys in ${name}`, () => {
    let driver: BrowserDriver;
    beforeAll(async () => {
      ensureBuilt();
      driver = await start();
    });
    afterAll(async () => {
      await driver?.close();
    });
    for (const journey of JOURNEYS) test(journey.name, () => journey.run(driver));
  });
}
