"""axe-core in Debian's Chromium: no WCAG 2.0, 2.1 or 2.2 A/AA violation on any page
type, in either language, on a phone and on a desktop."""

import pytest

from page_types import type_and_lang_params, urls_to_check
from site_helpers import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), f"{AXE} is missing: run `make test-tools` (npm ci --ignore-scripts)"
    return AXE.read_text("utf-8")


def _violations(page, axe_source) -> list[str]:
    # evaluate() is not subject to the page's Content-Security-Policy, a <script> tag is;
    # once per loaded page (0.1-0.4 CPU-s each time).
    if page.evaluate("typeof axe") == "undefined":
        page.evaluate(axe_source)
    # Only the violations: axe then describes one node of each passed or inapplicable rule,
    # not every node (half its work), and Chromium sends over what the test reads.
    violations = page.evaluate("""tags => axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
      }).then(result => result.violations)""", WCAG_TAGS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        f"{[node['target'] for node in violation['nodes'][:5]]}"
        for violation in violations
    ]


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_no_wcag_violations(reused_page, served_site, axe_source, page_type, lang):
    page, problems = reused_page, []
    for url in urls_to_check(served_site, page_type, lang):
        page.goto(url)
        for device, width in WIDTHS.items():  # the layout changes with the width
            page.set_viewport_size({"width": width, "height": 900})
            problems += [f"{url} ({device}): {violation}"
                         for violation in _violations(page, axe_source)]
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_axe_finds_a_violation_when_there_is_one(page, served_site, axe_source):
    """The gate can fail: an image without alt text on a real page is reported."""
    page.goto(served_site.url + "/")
    page.evaluate("""() => {
        const image = document.createElement('img');
        image.src = '/theme/favicon.svg';
        document.querySelector('main').append(image);
    }""")
    assert any(v.startswith("image-alt ") for v in _violations(page, axe_source))
