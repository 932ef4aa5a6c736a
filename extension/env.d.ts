/// <reference types="vite/client" />

/** True only in the test build (dist/extension-chrome-test): exposes listeners to end-to-end tests. */
declare const __SYNCFIX_TEST_HOOKS__: boolean;
