#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: Debian's Chromium and Firefox ESR
# (the browser tests drive the real ones; nothing downloads a browser of its own) and the
# npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if command -v apt-get >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium firefox-esr fonts-dejavu-core >/dev/null
elif [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || [ ! -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then
  echo "setup-tests: no apt-get here; install Chromium and Firefox ESR and set CHROMIUM_PATH / FIREFOX_PATH" >&2
  exit 1
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version
"${FIREFOX_PATH:-/usr/bin/firefox-esr}" --version

# `npm ci` refuses this lock: npm omits the other platforms' optional rollup binaries from it
# (npm/cli#4828), so install from the lock with `npm install` instead.
npm install --no-audit --no-fund
