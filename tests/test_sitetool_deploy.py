"""The example web-server configuration: every page type works under its strict
Content-Security-Policy, and the deploy guide shows the same policy."""

import re

import pytest

from page_types import type_and_lang_params, urls_to_check
from site_helpers import NGINX_EXAMPLE, ROOT, apply_policy, nginx_header

DEPLOY_GUIDE = ROOT / "docs/deploy.md"
POLICY = nginx_header("Content-Security-Policy")


def test_the_policy_is_strict():
    directives = dict(part.strip().split(" ", 1) for part in POLICY.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"  # Pagefind's WebAssembly
    assert directives["style-src"] == "'self'"  # no inline styles
    assert "'unsafe-inline'" not in POLICY and "'unsafe-eval'" not in POLICY
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_the_deploy_guide_shows_the_examples_policy():
    guide = DEPLOY_GUIDE.read_text("utf-8")
    assert f"Content-Security-Policy: {POLICY}\n" in guide
    assert f'add_header Content-Security-Policy "{POLICY}" always;' in guide


def test_feeds_and_calendars_get_their_content_types():
    config = NGINX_EXAMPLE.read_text("utf-8")
    for ending, content_type in ((r"/atom\.xml$", "application/atom+xml"),
                                 (r"/rss\.xml$", "application/rss+xml"),
                                 (r"\.ics$", "text/calendar")):
        block = re.search(rf'location ~ "{re.escape(ending)}" {{(.*?)\n    }}', config, re.DOTALL)
        assert block, ending
        assert f"default_type {content_type};" in block[1]
        assert "types { }" in block[1]


@pytest.fixture(scope="module")
def policy_page(module_page, served_site):
    """The module's page (a context per test costs Chromium a renderer process) with the
    site served under the policy: the page, its third-party requests and refusals."""
    page, offsite = module_page
    return page, offsite, apply_policy(page, served_site.url, POLICY)


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_every_page_type_works_under_the_policy(policy_page, served_site, page_type, lang):
    page, offsite, refused = policy_page
    offsite.clear()
    refused.clear()
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url, wait_until="networkidle")
    assert refused == []
    assert not offsite, f"third-party requests: {offsite}"
