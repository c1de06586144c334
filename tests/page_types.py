"""The page types of the built site, found by output path (and, where a path alone is
ambiguous, by a landmark in the page), and a few representative pages of each.

The quality gate (accessibility, keyboard, reflow, no-JS, screenshots) runs on the
representatives of every type that is built. Features add page types over time: a page
that matches no type fails `test_every_built_page_has_a_page_type`, so a new kind of page
cannot slip past the gate unchecked — add its row to PAGE_TYPES.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

LANGS = ("lv", "en")


@dataclass(frozen=True)
class PageType:
    name: str
    # Regular expression for the output file's path relative to the output root, with the
    # `en/` prefix of English pages removed (so one pattern serves both languages).
    path: str
    core: bool = False  # the site is broken without it: missing means failing, not skipping
    # XPath that must match in the page, where the path alone does not tell the type.
    landmark: str | None = None
    langs: tuple[str, ...] = LANGS  # one bilingual page (404) is in LANGS[0] only


def _has_class(name: str) -> str:
    return f'//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]'


STORY = r"(?:jaunumi|news)/\d{4}/(?!\d+/)[^/]+/index\.html"
SERVICES = r"(?:pakalpojumi|services)"
HELP = r"(?:kur-sanemt-palidzibu|where-to-get-help)"
# First match wins: specific rows before general ones.
PAGE_TYPES = (
    PageType("home", r"index\.html", core=True),
    PageType("consultation", STORY, landmark=_has_class("consultation-box")),
    PageType("story-with-gallery", STORY, landmark=_has_class("gallery")),
    PageType("story", STORY, core=True),
    PageType("news-list", r"(?:jaunumi|news)/(?:.+/)?index\.html", core=True),
    PageType("consultations", r"(?:apspriesanas|consultations)/index\.html"),
    PageType("service-catalogue", SERVICES + r"/index\.html"),
    PageType("target-group", r"(?:pakalpojumi/kam|services/for)/[^/]+/index\.html"),
    PageType("service-easy-read", SERVICES + r"/[^/]+/(?:viegla-valoda|easy-read)/index\.html"),
    PageType("service", SERVICES + r"/[^/]+/index\.html"),
    PageType("where-to-get-help", HELP + r"/index\.html"),
    PageType("office", HELP + r"/[^/]+/index\.html"),
    PageType("search", r"(?:meklet|search)/index\.html"),
    PageType("subscribe", r"(?:abonet|subscribe)/index\.html"),
    PageType("not-found", r"404\.html", langs=("lv",)),
    PageType("static-page", r"[^/]+/index\.html", core=True, landmark=_has_class("static-page")),
)
TYPES_BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}
CORE_TYPES = tuple(page_type.name for page_type in PAGE_TYPES if page_type.core)
REPRESENTATIVES_PER_LANGUAGE = 2


def lang_of(relative: str) -> str:
    return "en" if relative.startswith("en/") else "lv"


def type_of(site, file: Path) -> str | None:
    relative = file.relative_to(site.root).as_posix()
    unprefixed = relative.removeprefix("en/")
    for page_type in PAGE_TYPES:
        if not re.fullmatch(page_type.path, unprefixed):
            continue
        if page_type.landmark is None or site.tree(file).xpath(page_type.landmark):
            return page_type.name
    return None


@functools.cache
def _pages_by_type(site) -> dict[tuple[str, str], list[Path]]:
    found: dict[tuple[str, str], list[Path]] = {}
    for file in site.html_files():
        name = type_of(site, file)
        lang = lang_of(file.relative_to(site.root).as_posix())
        found.setdefault((name, lang), []).append(file)
    return found


def pages_of(site, name: str | None, lang: str) -> list[Path]:
    """Every built page of a type in a language (name None: the unclassified pages)."""
    return _pages_by_type(site).get((name, lang), [])


def representatives(site, name: str, lang: str) -> list[str]:
    """URLs of a few pages standing for the type: the shallowest (the canonical one, such
    as the first news page) and the largest (the most content and components)."""
    files = pages_of(site, name, lang)
    if not files:
        return []
    shallowest = min(files, key=lambda file: (len(file.parts), file.as_posix()))
    largest = max(files, key=lambda file: (file.stat().st_size, file.as_posix()))
    chosen = dict.fromkeys([shallowest, largest])
    return [site.url_of(file) for file in list(chosen)[:REPRESENTATIVES_PER_LANGUAGE]]


def type_and_lang_params():
    """(type, lang) pairs to parametrize browser tests over, with readable ids."""
    return [(page_type.name, lang) for page_type in PAGE_TYPES for lang in page_type.langs]


def urls_to_check(site, name: str, lang: str) -> list[str]:
    """The representatives, or an explanation: a missing core type fails the test, a
    missing feature type skips it (that feature is not built yet)."""
    urls = representatives(site, name, lang)
    if not urls:
        if TYPES_BY_NAME[name].core:
            pytest.fail(f"no {name} page was built in {lang}: the site's core is missing")
        pytest.skip(f"no {name} page is built in {lang} yet")
    return urls
