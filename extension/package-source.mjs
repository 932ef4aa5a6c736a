#!/usr/bin/env node
/**
 * `npm run package`, after the build: the source archive addons.mozilla.org reviewers use to
 * rebuild dist/syncfix-firefox-<version>.zip with the README's commands, and a check that
 * every manifest carries package.json's version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { sourceZipName, storeZipName, zipSource } = await tsImport('./package-files.ts', import.meta.url);
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

for (const browser of ['chrome', 'firefox']) {
  const manifest = JSON.parse(readFileSync(join(root, `dist/extension-${browser}/manifest.json`), 'utf8'));
  if (manifest.version !== version) {
    console.error(`package: dist/extension-${browser} is version ${manifest.version}, package.json says ${version}`);
    process.exit(1);
  }
}
writeFileSync(join(root, 'dist', sourceZipName(version)), zipSource(root));
console.log(
  `packages ${version}: dist/${storeZipName('chrome', version)}, dist/${storeZipName('firefox', version)}, ` +
    `dist/${sourceZipName(version)} (source for AMO review)`,
);
