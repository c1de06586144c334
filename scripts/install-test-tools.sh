#!/usr/bin/env bash
# Installs what the tests drive, only when missing: Debian's chromium (driven by
# Playwright with executable_path; Playwright never downloads a browser here).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v chromium >/dev/null 2>&1 || apt_install chromium
echo "test tools: $(chromium --version 2>/dev/null | tail -n 1)"
