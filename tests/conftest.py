"""Shared fixtures: the sample site built once per test run into a temp folder, a way
to build other content (bad input), and a real Chromium for what people see and click."""

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sitetool.build
import sitetool.serve
import sitetool_helpers
from site_helpers import ROOT, TODAY, BuiltSite, build_site, serve_folder

FIXTURES = Path(__file__).parent / "fixtures"
# sitetool speaks Latvian by default; tests assert its English lines (and the Latvian ones
# with --lang lv), whatever language the machine running them has.
os.environ["SITETOOL_LANG"] = "en"


@pytest.fixture(scope="session")
def site_port() -> int:
    """The sample site's port: each pytest-xdist worker builds and serves its own."""
    return sitetool_helpers.free_port()


@pytest.fixture(scope="session")
def sample_content(tmp_path_factory) -> Path:
    """The project's content/ plus test-only stories: a draft, a future story and an
    English-only story."""
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "extra_content", content, dirs_exist_ok=True)
    return content


@pytest.fixture(scope="session")
def site(tmp_path_factory, sample_content, site_port) -> BuiltSite:
    output = tmp_path_factory.mktemp("site") / "output"
    result = build_site(sample_content, output, site_url=f"http://127.0.0.1:{site_port}")
    assert result.returncode == 0, result.stderr
    return BuiltSite(output, f"http://127.0.0.1:{site_port}")


@pytest.fixture(scope="session")
def served_site(site, site_port):
    """The built site on a local HTTP server, at the address it was built for."""
    with serve_folder(site.root, site_port):
        yield site


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's, a new context's


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _guarded_page(context, site_url: str):
    """A page of `context` that lets through only requests to the site; the others are
    aborted and listed (the list is returned with the page)."""
    page = context.new_page()
    offsite: list[str] = []

    def guard(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return page, offsite


@pytest.fixture
def page(browser, served_site):
    """A fresh browser page; any request to another host fails the test."""
    context = browser.new_context()
    page, offsite = _guarded_page(context, served_site.url)
    yield page
    context.close()
    assert not offsite, f"third-party requests: {offsite}"


@pytest.fixture(scope="module")
def module_page(browser, served_site):
    """One guarded page (and its list of third-party requests) for a test module's
    `reused_page`: a new browser context per test costs Chromium a new renderer process,
    about 0.5 CPU-s each, most of what a short page check costs."""
    context = browser.new_context()
    yield _guarded_page(context, served_site.url)
    context.close()


@pytest.fixture
def reused_page(module_page):
    """The module's page, at the default window size; any request to another host fails
    the test. For checks that load a page and read it: a test that routes requests, adds
    scripts or changes the browser's settings leaves them behind (use `page` there)."""
    page, offsite = module_page
    page.set_viewport_size(DEFAULT_VIEWPORT)
    offsite.clear()
    yield page
    assert not offsite, f"third-party requests: {offsite}"


def pytest_report_header(config):
    version = subprocess.run([sys.executable, "-c", "import pelican; print(pelican.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    return [f"pelican {version}; site built as on {TODAY}"]


# --- Fast unit tests and the rest (`make test-fast` runs `-m "not builds and not browser"`)
# A test is marked by what it reaches: its own code, the helpers of the tests it calls and
# every fixture it uses (through other fixtures too), followed name by name in their
# compiled code — so a new test that builds a site lands among the slow ones by itself.
TESTS = Path(__file__).resolve().parent
REACHED_MARKS = {id(build_site): "builds", id(sitetool_helpers.sitetool): "builds",
                 id(subprocess): "builds", id(sitetool.build.build): "builds",
                 id(sitetool.serve.Previewer): "builds",  # its full() builds the site
                 id(browser): "browser"}


def _marks_reached(code, names: dict, seen: set) -> set[str]:
    if id(code) in seen:
        return set()
    seen.add(id(code))
    marks = set()
    for name in code.co_names:
        value = names.get(name)
        if inspect.isfunction(value):  # a helper's own code, not contextmanager's wrapper
            value = inspect.unwrap(value)
        if id(value) in REACHED_MARKS:
            marks.add(REACHED_MARKS[id(value)])
        elif inspect.isfunction(value) and value.__code__.co_filename.startswith(str(TESTS)):
            marks |= _marks_reached(value.__code__, value.__globals__, seen)
    for constant in code.co_consts:  # nested functions, lambdas, comprehensions
        if inspect.iscode(constant):
            marks |= _marks_reached(constant, names, seen)
    return marks


# --- Longest modules first: `make test` hands whole modules to its workers in this order
# (pytest-xdist --dist loadfile --no-loadscope-reorder), so neither is left with a long one
# at the end while the other idles. Measured with --junitxml (a module's tests and
# fixtures, fresh clone, idle machine, 3 December 2026); a module not listed runs after
# these, in file order.
LONGEST_MODULES = (
    "test_build_faults.py", "test_keyboard_and_reflow.py", "test_web_editor.py",
    "test_without_javascript.py", "test_nginx.py", "test_screenshots.py",
    "test_sitetool_deploy.py", "test_search_latvian.py", "test_sitetool_serve.py",
    "test_accessibility.py", "test_english_addresses.py", "test_incremental_pages.py",
    "test_search.py", "test_page_weight.py", "test_hostile_values.py",
    "test_services_filter.py", "test_incremental_equal.py", "test_first_screen.py",
    "test_gallery_build.py", "test_sitetool_build.py",
)


def _longest_first(item) -> int:
    name = item.path.name
    return LONGEST_MODULES.index(name) if name in LONGEST_MODULES else len(LONGEST_MODULES)


def pytest_collection_modifyitems(config, items):
    items.sort(key=_longest_first)  # stable: a module's tests keep their order
    for item in items:
        function = getattr(item, "function", None)
        if function is None:
            continue
        seen: set = set()
        # the test itself, not hypothesis' or another decorator's wrapper
        hypothesis = getattr(function, "hypothesis", None)
        function = hypothesis.inner_test if hypothesis else inspect.unwrap(function)
        marks = _marks_reached(function.__code__, function.__globals__, seen)
        for name in item.fixturenames:
            for definition in item._fixtureinfo.name2fixturedefs.get(name, ()):
                if definition.func is browser or definition.argname == "browser":
                    marks.add("browser")
                fixture = inspect.unwrap(definition.func)
                if hasattr(fixture, "__code__"):
                    marks |= _marks_reached(fixture.__code__, fixture.__globals__, seen)
        for mark in sorted(marks - {m.name for m in item.iter_markers()}):
            item.add_marker(mark)
