#!/usr/bin/env node
// `npm start`: build everything, serve the PWA on localhost, say where the rest is.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = process.env.PORT ?? '4173';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('\nsyncfix: the build failed (see above); nothing is served.');
  process.exit(build.status ?? 1);
}

const server = spawn(
  npx,
  ['vite', 'preview', '--configLoader', 'runner', '--host', '127.0.0.1', '--port', port, '--strictPort'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let announced = false;
server.stdout.on('data', (chunk) => {
  const text = String(chunk);
  // eslint-disable-next-line no-control-regex -- strips the colour codes vite prints
  const url = /https?:\/\/[^\s]+/.exec(text.replace(/\x1b\[[0-9;]*m/g, ''))?.[0];
  if (url && !announced) {
    announced = true;
    const has = (dir) => (existsSync(dir) ? '' : '  (missing: the extension build did not run)');
    console.log(`
SyncFix is built and running.

  PWA        ${url}
             Open it once online; after "Ready to work offline" it works with no signal.
             Install it from the browser menu (Install app / Add to Home screen).

  Extension  dist/extension-chrome/${has('dist/extension-chrome')}
               Chrome/Edge: chrome://extensions > Developer mode > Load unpacked > pick that folder
             dist/extension-firefox/${has('dist/extension-firefox')}
               Firefox: about:debugging > This Firefox > Load Temporary Add-on > its manifest.json
             Store packages: dist/extension-chrome.zip, dist/extension-firefox.zip

  CLI        npx syncfix search "waiting for services"
             npx syncfix explain path/to/log.txt      (or pipe text in)
             npx syncfix show bes-it-policy-rejected

Press Ctrl+C to stop the server.`);
  }
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
