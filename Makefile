# Two commands for a newcomer (see README): `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: serve build production test test-fast test-tools lint clean

# Every package from requirements.lock, each file checked against its sha256 (written by
# scripts/lock-hashes.sh); the project itself is built by the locked setuptools
# (--no-build-isolation), so nothing is fetched unchecked.
$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The web editor (Decap CMS and its local server) with the test tools' npm packages, exactly
# as package-lock.json says, again when it changes (the stamp scripts/install-test-tools.sh
# writes too); an editor's machine needs Node and npm, not the browsers of the tests.
NPM_INSTALLED := node_modules/.installed-from-package-lock.json
$(NPM_INSTALLED): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	cp package-lock.json $@

serve: $(INSTALLED) $(NPM_INSTALLED)  ## preview at http://localhost:8000 (rebuilt on save), web editor at /admin/
	$(BIN)/sitetool serve

build: $(INSTALLED)  ## build the preview site into output/
	$(BIN)/sitetool build

production: $(INSTALLED)  ## strict production build (publishconf.py) into output/
	$(BIN)/sitetool build --production

test-tools:  ## what the tests drive: Debian's chromium (and the browser/Node/Java tools)
	scripts/install-test-tools.sh

# pytest's "no tests ran" (exit 5) is a failure
PYTEST = $(BIN)/python -m pytest $(1); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; \
	exit $$status

# One pytest worker per core (pytest-xdist; TEST_WORKERS=0 runs them in this process), each
# module whole on one worker, so a module's shared build (a module-scoped fixture) is made
# once; each worker builds the sample site for itself (tests/conftest.py). Modules go out
# longest first (conftest's LONGEST_MODULES), not xdist's most-tests-first.
TEST_WORKERS ?= auto
test: $(INSTALLED) test-tools  ## every test
	$(call PYTEST,-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS))

# The unit tests: none that builds a site, runs a program or drives Chromium (markers
# set by tests/conftest.py from what each test reaches); the edit-run loop, under a minute.
test-fast: $(INSTALLED) $(NPM_INSTALLED)  ## the fast unit tests only (the web editor's files come from npm)
	$(call PYTEST,-m "not builds and not browser" $(PYTEST_ARGS))

lint: $(INSTALLED)
	$(BIN)/ruff check .

clean:
	rm -rf output .output.spare .cache test-artifacts
