#!/usr/bin/env bash
# Fetches what the browser tests need besides Python packages, into .cache/ (ignored by git):
#   - axe-core (accessibility rules run inside Chromium) and vnu-jar (the Nu Html Checker),
#     pinned, from npm;
#   - with --install-chromium (CI): Debian's chromium through apt when /usr/bin/chromium is
#     missing and we are root with apt-get.
# Idempotent and quiet once everything is there. Where a tool cannot be had (no npm, not root),
# it prints one line saying so and exits 0: the tests that need it are then skipped with that
# reason (tests/browser/conftest.py).
# With CI=true (or 1) a tool that cannot be had fails the script instead: CI must run every leg.
set -euo pipefail
cd "$(dirname "$0")/.."

# One line saying what is missing; a failure in CI, a note elsewhere.
unavailable() {
  if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then
    echo "$1 (CI=$CI: failing)" >&2
    exit 1
  fi
  echo "$1"
}

AXE_CORE_VERSION=4.14.1
VNU_JAR_VERSION=26.9.27
ASSETS=.cache/browser-assets

if [ "${1:-}" = "--install-chromium" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      unavailable "Browser tests will be skipped: apt-get could not install chromium."
    fi
  else
    unavailable "Browser tests will be skipped: /usr/bin/chromium is missing and apt-get cannot install it here (not root, or no apt)."
  fi
fi

installed_version() {
  node -e 'process.stdout.write(require(process.argv[1]).version)' "./$ASSETS/node_modules/$1/package.json" 2>/dev/null || true
}

if ! command -v npm >/dev/null 2>&1; then
  unavailable "Accessibility and HTML validity tests will be skipped: npm is missing, so axe-core and vnu-jar cannot be fetched."
  exit 0
fi
if [ "$(installed_version axe-core)" != "$AXE_CORE_VERSION" ] || [ "$(installed_version vnu-jar)" != "$VNU_JAR_VERSION" ]; then
  echo "Fetching axe-core $AXE_CORE_VERSION and vnu-jar $VNU_JAR_VERSION into $ASSETS"
  mkdir -p "$ASSETS"
  npm install --prefix "$ASSETS" --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
    "axe-core@$AXE_CORE_VERSION" "vnu-jar@$VNU_JAR_VERSION" >/dev/null
fi
