"""The example web-server configuration: every page type works under its strict
Content-Security-Policy, and the deploy guide shows the same policy."""

import re

import pytest

from page_types import type_and_lang_params, urls_to_check
from sitetool_helpers import ROOT

NGINX_EXAMPLE = ROOT / "docs/nginx/socialais-dienests.conf"
DEPLOY_GUIDE = ROOT / "docs/deploy.md"


def _nginx_header(name: str) -> str:
    found = re.findall(rf'^\s*add_header {name} "([^"]+)" always;$',
                       NGINX_EXAMPLE.read_text("utf-8"), re.MULTILINE)
    assert len(found) == 1, f"one {name} header in {NGINX_EXAMPLE}"
    return found[0]


POLICY = _nginx_header("Content-Security-Policy")


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


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_every_page_type_works_under_the_policy(page, served_site, page_type, lang):
    def with_policy(route):
        """As nginx sends it: on every response, scripts and workers included."""
        if not route.request.url.startswith(served_site.url):
            route.fallback()  # to the page fixture's guard against third-party requests
            return
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers,
                                                  "content-security-policy": POLICY})

    page.route("**/*", with_policy)
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Content Security Policy: ' + e.violatedDirective "
                         "+ ' ' + e.blockedURI))")
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url, wait_until="networkidle")
    assert refused == []
