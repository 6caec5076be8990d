#!/bin/sh
# The browser tests drive Debian's Chromium; install it when missing (never a downloaded browser build).
set -e
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $CHROMIUM. Install it with: sudo apt-get install -y chromium" >&2
  echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "apt-get did not install $CHROMIUM" >&2; exit 1; }
