"""Page weight on a poor rural connection: the HTML, CSS and JavaScript of any page
together stay under 50 KB gzip-compressed, and nothing that blocks rendering (nor
anything else) comes from another host."""

import gzip
import statistics
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from page_types import type_and_lang_params, urls_to_check

BUDGET = 50_000  # bytes, gzip-compressed: HTML + CSS + JS of one page
# Level 6 is what web servers typically use (zlib's default): a fair, not a best, figure.
GZIP_LEVEL = 6
STYLESHEET_OR_SCRIPT = ('//link[contains(concat(" ", @rel, " "), " stylesheet ")]/@href'
                        " | //script/@src")
RESOURCES = ("//script/@src | //link[not(@rel='alternate' or @rel='canonical')]/@href"
             " | //img/@src | //iframe/@src | //video/@src | //video/@poster | //audio/@src"
             " | //source/@src | //track/@src | //object/@data | //embed/@src")
SRCSETS = "//img/@srcset | //source/@srcset"


@cache
def _gzipped_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def _page_weight(site, file: Path) -> int:
    page_url = site.url_of(file)
    assets = {site.file_for(urljoin(page_url, src)) for src in site.tree(file).xpath(
        STYLESHEET_OR_SCRIPT)}
    assert None not in assets, f"{file}: a stylesheet or script is missing"
    return _gzipped_size(file) + sum(_gzipped_size(asset) for asset in assets)


def test_every_page_is_under_the_weight_budget(site, capsys):
    weights = {file: _page_weight(site, file) for file in site.html_files()}
    largest = max(weights, key=weights.get)
    with capsys.disabled():
        print(f"\npage weight (HTML+CSS+JS, gzip -{GZIP_LEVEL}) of {len(weights)} pages: "
              f"median {statistics.median(weights.values()) / 1000:.1f} KB, largest "
              f"{weights[largest] / 1000:.1f} KB "
              f"({largest.relative_to(site.root).as_posix()}); budget {BUDGET / 1000:.0f} KB")
    over = [f"{file.relative_to(site.root)}: {weight} bytes"
            for file, weight in weights.items() if weight >= BUDGET]
    assert not over, "\n".join(over)


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_what_the_browser_loads_stays_under_the_budget(reused_page, served_site, page_type,
                                                       lang):
    """Scripts that load more scripts (search loads Pagefind and its worker) count too:
    the HTML, CSS and JS a page has loaded once the network is quiet, before any click.
    The page is reused from test to test, but the browser caches nothing for a page whose
    requests are routed (conftest's guard), so each page's files are counted in full."""
    page, over = reused_page, []
    for url in urls_to_check(served_site, page_type, lang)[:1]:  # same scripts in a type
        loaded: dict[str, int] = {}

        def count(response, loaded=loaded):
            if response.ok and response.request.resource_type in ("document", "stylesheet",
                                                                  "script"):
                loaded[response.url] = len(gzip.compress(
                    response.body(), compresslevel=GZIP_LEVEL, mtime=0))

        page.on("response", count)
        page.goto(url, wait_until="networkidle")
        page.remove_listener("response", count)
        assert url in loaded, f"{url}: the page itself was not counted"
        if sum(loaded.values()) >= BUDGET:
            over.append(f"{url}: {sum(loaded.values())} bytes: {loaded}")
    assert not over, "\n".join(over)


def _resource_urls(tree) -> list[str]:
    """Every address the page loads by itself (a srcset holds several, each with a size)."""
    urls = list(tree.xpath(RESOURCES))
    for srcset in tree.xpath(SRCSETS):
        urls += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    return urls


def test_nothing_is_loaded_from_another_host(site):
    own_host = urlsplit(site.url).netloc
    third_party = []
    for file in site.html_files():
        for url in _resource_urls(site.tree(file)):
            if urlsplit(urljoin(site.url_of(file), url)).netloc != own_host:
                third_party.append(f"{file.relative_to(site.root)}: {url}")
    for stylesheet in site.root.rglob("*.css"):
        text = stylesheet.read_text("utf-8")
        if "@import" in text or "url(http" in text.replace('"', "").replace("'", ""):
            third_party.append(f"{stylesheet.relative_to(site.root)}: imports from elsewhere")
    assert not third_party, "\n".join(third_party)


def test_no_script_blocks_rendering(site):
    """Scripts only enhance: each loads with defer (or as a module) so the page shows
    before any script has arrived."""
    blocking = []
    for file in site.html_files():
        for script in site.tree(file).xpath("//script[@src]"):
            if script.get("defer") is None and script.get("type") != "module":
                blocking.append(f"{file.relative_to(site.root)}: {script.get('src')}")
    assert not blocking, "\n".join(blocking)



def test_the_check_finds_a_third_party_font_and_photo(site):
    """The gate can fail: a stylesheet and a srcset candidate on another host are found."""
    tree = lxml.html.fromstring(
        '<html><head><link rel="stylesheet" href="https://fonts.example.com/a.css"></head>'
        '<body><img src="/a.jpg" srcset="/a.jpg 480w, https://cdn.example.com/b.jpg 960w">'
        '</body></html>')
    assert _resource_urls(tree) == ["https://fonts.example.com/a.css", "/a.jpg", "/a.jpg",
                                    "https://cdn.example.com/b.jpg"]
