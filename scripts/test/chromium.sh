#!/usr/bin/env bash
# Prints the path of a Chromium for the end-to-end tests, installing Debian's package as root
# when none is there (Playwright's own browser download cannot work without internet).
set -uo pipefail
for candidate in "${PORTAL_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: installing Debian's chromium package" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 2>&1
  [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
fi
echo "chromium: not found; install Debian's chromium package or set PORTAL_CHROMIUM" >&2
exit 1
