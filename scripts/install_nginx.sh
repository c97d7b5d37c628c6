#!/usr/bin/env bash
# Installs Debian's nginx for the front proxy test (tests/production/test_front_proxy.py) when it
# is missing and we are root with apt-get; the test runs its own nginx, as a foreground process
# with its own prefix, so the system service is kept from starting now (policy-rc.d) and at boot.
# Where nginx cannot be had it prints one line and exits 0: the test then skips, except with
# CI=true, where it fails.
set -euo pipefail

if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Front proxy test will be skipped: nginx is missing and apt-get cannot install it here (not root, or no apt)."
  exit 0
fi

echo "Installing Debian's nginx for the front proxy test"
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  # Keep the package's scripts from starting the service on port 80.
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }; then
  echo "Front proxy test will be skipped: apt-get could not install nginx."
  exit 0
fi
# Not a system service: stopped if anything started it, and not started at boot.
service nginx stop >/dev/null 2>&1 || true
if command -v systemctl >/dev/null 2>&1; then
  systemctl disable nginx >/dev/null 2>&1 || true
fi
update-rc.d nginx disable >/dev/null 2>&1 || true
