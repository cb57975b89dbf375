#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests if it is missing (Playwright drives it;
# it never downloads a browser of its own), and fonts that carry ä, ö and å.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}"
fi
chromium --version
