#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium and Firefox ESR (no browser downloads on these machines).
# Installs them when missing and we may (root with apt-get); otherwise says what to do.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian for the e2e tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The e2e tests need Debian's ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
  echo "(or set CHROMIUM_PATH / FIREFOX_PATH to existing binaries)" >&2
  exit 1
fi
