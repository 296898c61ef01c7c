#!/usr/bin/env bash
# Debian packages for the browser tests: Chromium (never a browser download), poppler-utils for
# PDF checks, Node.js for the JavaScript tests. Installs them when missing and we may; otherwise says how.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v node >/dev/null || missing+=(nodejs)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
else
  echo "Missing: ${missing[*]}. Install with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
