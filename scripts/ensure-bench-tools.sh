#!/usr/bin/env bash
# Install the benchmark's load generator (wrk, from Debian) if it is missing.
set -euo pipefail

if command -v wrk >/dev/null 2>&1; then
  echo "wrk: $(command -v wrk)"
  exit 0
fi
echo "wrk is missing: installing it from Debian"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
command -v wrk
