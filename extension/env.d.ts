/// <reference types="vite/client" />

/** `article id → kind` for every article with a signature (generated at build time, see vite.config.ts). */
declare module 'virtual:syncfix/kinds' {
  import type { Kind } from '../shared/kb/types';
  const kinds: Record<string, Kind>;
  export default kinds;
}

/** True only in the test build (dist/extension-chrome-test): exposes listeners to end-to-end tests. */
declare const __SYNCFIX_TEST_HOOKS__: boolean;
