"""No broken link or asset anywhere in the output: every address on our own site that a
page links to or loads exists, and every #fragment names an element on its page."""

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINKS = ("//a/@href | //area/@href | //link/@href | //script/@src | //img/@src"
         " | //iframe/@src | //video/@src | //video/@poster | //audio/@src | //source/@src"
         " | //track/@src | //object/@data | //embed/@src | //form/@action")
SRCSETS = "//img/@srcset | //source/@srcset"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def _addresses(tree) -> list[str]:
    addresses = list(tree.xpath(LINKS))
    for srcset in tree.xpath(SRCSETS):
        addresses += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    return addresses


def _ids(site, file: Path) -> set[str]:
    tree = site.tree(file)
    return set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))


def broken_links(site, file: Path, addresses: list[str]) -> list[str]:
    """The addresses (as written in `file`) that lead nowhere on the built site."""
    own = urlsplit(site.url)
    broken = []
    for address in addresses:
        url = urlsplit(urljoin(site.url_of(file), address.strip()))
        if url.scheme not in ("http", "https") or url.netloc != own.netloc:
            continue  # mailto:, tel:, other sites (tests stay offline)
        target = site.file_for(unquote(url.path))
        if target is None:
            broken.append(f"{address} (no such file)")
        elif url.fragment and target.suffix == ".html" and (
                unquote(url.fragment) not in _ids(site, target)):
            broken.append(f"{address} (no element with id {unquote(url.fragment)!r})")
    return broken


def test_every_link_and_asset_on_every_page_exists(site):
    broken = []
    for file in site.html_files():
        broken += [f"{file.relative_to(site.root)}: {problem}"
                   for problem in broken_links(site, file, _addresses(site.tree(file)))]
    assert not broken, "\n".join(broken)


def test_every_address_in_the_stylesheets_exists(site):
    broken = []
    for stylesheet in site.root.rglob("*.css"):
        for address in CSS_URL.findall(stylesheet.read_text("utf-8")):
            if address.startswith("data:"):
                continue
            target = (stylesheet.parent / unquote(address.split("#")[0].split("?")[0]))
            if not target.resolve().is_file():
                broken.append(f"{stylesheet.relative_to(site.root)}: {address}")
    assert not broken, "\n".join(broken)


def test_the_check_reports_a_missing_page_and_a_missing_fragment(site):
    """The gate can fail: a link to a page that is not there, and one to a missing id."""
    home = site.file_for("/")
    assert broken_links(site, home, ["/jaunumi/#main", "/nav-tadas-lapas/", "/jaunumi/#nav",
                                     "mailto:a@example.lv", "https://example.com/x"]) == [
        "/nav-tadas-lapas/ (no such file)", "/jaunumi/#nav (no element with id 'nav')"]
