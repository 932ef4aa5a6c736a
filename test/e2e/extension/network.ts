/** Proof that the extension fetched nothing: every request the browser made is a fixture or our own file. */
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import type { Harness } from './harness';

export function assertNoForeignRequests(h: Harness, servedDir?: string): void {
  const fixture = new URL(h.server.url);
  // The fixture server, under its address or the `localhost` alias (the "not allowed" site).
  const fixtureOrigins = [fixture.origin, `http://localhost:${fixture.port}`];
  const foreign = h.requests.filter((url) => {
    if (url.startsWith(`chrome-extension://${h.extensionId}/`) || url.startsWith('data:')) return false;
    return !fixtureOrigins.includes(new URL(url).origin);
  });
  expect(foreign, 'requests outside the fixture server and the extension').toEqual([]);
  if (!servedDir) return;
  // Only files that exist were asked for (no beacon, no probe), favicon aside (the browser's own).
  const unexpected = h.server.requests.filter(
    (path) => path !== '/favicon.ico' && !existsSync(`${servedDir}${decodeURIComponent(path.split('?')[0]!)}`),
  );
  expect(unexpected, 'unexpected paths requested from the fixture server').toEqual([]);
}
