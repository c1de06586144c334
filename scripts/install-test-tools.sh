#!/usr/bin/env bash
# Installs what the tests drive, only when missing: Debian's chromium (driven by
# Playwright with executable_path; Playwright never downloads a browser here), Debian's
# nginx (tests/test_nginx.py runs its own nginx with the example server block), and for
# the quality gate Node/npm and Java, then axe-core and the Nu Html Checker (vnu.jar)
# from npm at the versions in package-lock.json. Safe to run again: it does nothing
# when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v chromium >/dev/null 2>&1 || apt_install chromium
# The test starts nginx itself, as its own process: the package's service is not started
# (RUNLEVEL=1 makes invoke-rc.d skip it). /usr/sbin is not on every user's PATH.
[ -x /usr/sbin/nginx ] || RUNLEVEL=1 apt_install nginx
command -v java >/dev/null 2>&1 || apt_install default-jre-headless
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm

# npm packages: reinstall exactly from the lock file when node_modules is missing or was
# installed from another version of it. --ignore-scripts: vnu-jar's postinstall would
# try to download a JDK (we use Debian's Java).
npm_stamp=node_modules/.installed-from-package-lock.json
if ! cmp -s package-lock.json "$npm_stamp"; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$npm_stamp"
fi

echo "test tools: $(chromium --version 2>/dev/null | tail -n 1); $(/usr/sbin/nginx -v 2>&1);" \
  "node $(node --version);" \
  "$(java -version 2>&1 | head -n 1); axe-core $(node -p 'require("axe-core/package.json").version');" \
  "vnu-jar $(node -p 'require("vnu-jar/package.json").version')"
