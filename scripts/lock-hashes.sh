#!/usr/bin/env bash
# Writes requirements.lock again with the sha256 of every file PyPI has for each pinned
# release (every platform's wheel and the sdist: a Mac or Windows machine installs
# another file than Linux), so that `pip install --require-hashes` (Makefile) installs
# nothing but those files. The versions are the lock's own: to add or change a
# dependency, write `name==version` into requirements.lock (and pyproject.toml), then run
# this script. pip-compile (pip-tools, in a throwaway venv) resolves the pins — a
# dependency missing from them is added and fails no install later — and asks PyPI for
# the hashes.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_TOOLS_VERSION=7.5.3
PYTHON=${PYTHON:-python3}

# PyPI alone, whatever pip.conf or PIP_* variables this machine has (a local mirror or
# wheel folder would put its own files, or its address, into the lock)
export PIP_CONFIG_FILE=/dev/null
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_INDEX_URL PIP_CONSTRAINT
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "pip-tools==$PIP_TOOLS_VERSION"
# the pins as they are (`name==version` lines), without the hashes and comments
grep -E '^[A-Za-z0-9]' requirements.lock | sed -E 's/[[:space:]]*\\$//' > "$work/pins.in"
{
  echo "# Every package the project installs, pinned, with the sha256 of each file PyPI has"
  echo "# for it: installed with pip --require-hashes (Makefile). Written by"
  echo "# scripts/lock-hashes.sh from the pins here: add a line name==version, run it."
  (cd "$work" && venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
     --no-header --no-annotate --no-strip-extras --no-emit-index-url \
     --no-emit-find-links --index-url https://pypi.org/simple \
     --output-file - pins.in)
} > "$work/requirements.lock"
mv "$work/requirements.lock" requirements.lock
echo "requirements.lock: $(grep -cE '^[A-Za-z0-9]' requirements.lock) packages," \
  "$(grep -c -- '--hash=sha256:' requirements.lock) hashes"
