"""Pagefind reads only the pages with a search body (plugins/search_index/with_body.py):
the glob it is given matches every HTML file with `data-pagefind-body`, on the built
sample site and on layouts made to trip it, and its index is the one Pagefind makes
reading every file."""

import filecmp
import json
import re
import subprocess
from pathlib import Path

import pytest

from pelicanconf import SEARCH_EXCLUDE_SELECTORS
from search_index import with_body
from search_index.search_index import pagefind_command

MARK = "data-pagefind-body"
FOUND = re.compile(r"Found (\d+) files? matching")


def _marked(site: Path) -> set[str]:
    return {str(file.relative_to(site)) for file in site.rglob("*.html")
            if MARK.encode() in file.read_bytes().lower()}


def _index(site: Path, index: Path, pages: str | None) -> int:
    """Pagefind run on `site` into `index`, reading what `pages` matches (None: every
    HTML file); how many files it found to read."""
    done = subprocess.run([*pagefind_command(site, SEARCH_EXCLUDE_SELECTORS, index, pages),
                           "--verbose"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return int(FOUND.search(done.stdout).group(1))


def _same_index(one: Path, other: Path) -> None:
    """The same pages' fragments and the same word chunks, byte for byte (the filter and
    metadata files are drawn anew each run: sitetool/verify.py PAGEFIND_UNSTABLE), and
    the same pages counted in each language."""
    for folder in ("fragment", "index"):
        names = sorted(p.name for p in (one / folder).iterdir())
        assert names == sorted(p.name for p in (other / folder).iterdir()), folder
        _, differing, unreadable = filecmp.cmpfiles(one / folder, other / folder, names,
                                                    shallow=False)
        assert not differing and not unreadable, folder

    def counts(index):
        entry = json.loads((index / "pagefind-entry.json").read_text("utf-8"))
        return {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert counts(one) == counts(other)


def test_pagefind_reads_exactly_the_sample_sites_pages_with_a_search_body(site, tmp_path):
    pages = with_body.glob(site.root)
    assert pages is not None and pages != with_body.EVERY_PAGE  # lists have no body
    marked = _marked(site.root)
    assert len(marked) > 20
    assert _index(site.root, tmp_path / "read", pages) == len(marked)
    # the index of the build (which gave Pagefind the glob) is the one Pagefind makes
    # reading every file: a marked page left unread would lack its fragment
    assert _index(site.root, tmp_path / "whole", None) > len(marked)
    _same_index(site.root / "pagefind", tmp_path / "whole")
    _same_index(tmp_path / "read", tmp_path / "whole")


def _page(site: Path, path: str, body: bool | str, lang: str = "lv") -> None:
    """A page at `path`, with a search body if `body` (marked by that attribute if a
    string: HTML's attribute names know no case)."""
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    mark = body if isinstance(body, str) else MARK
    inner = f"<article {mark}><h1>{path}</h1><p>Teksts par {path}.</p></article>" \
        if body else f"<nav><a href='/'>{path}</a></nav><p>Saraksts.</p>"
    file.write_text(f"<!doctype html><html lang='{lang}'><head><title>{path}</title></head>"
                    f"<body><main>{inner}</main></body></html>", "utf-8")


# Layouts where a wildcard could take too much or too little: a story whose address
# starts with the digit of a list page beside it, a folder holding only lists, names
# with the glob's own characters, spaces and Latvian letters, a marked page at the
# top, in a list page's folder and deep below one, a mark in capitals.
LAYOUTS = {
    "year with lists and stories": {
        "jaunumi/2024/index.html": False, "jaunumi/2024/2/index.html": False,
        "jaunumi/2024/laba-zina/index.html": True,
        "jaunumi/2024/2-jaunas-telpas/index.html": True,
        "jaunumi/2024/20/index.html": False, "jaunumi/temas/x/index.html": False,
        "index.html": False},
    "glob characters in names": {
        "a{b,c}/index.html": True, "a*/index.html": False, "[x]/lapa.html": True,
        "ģimenes atbalsts/index.html": True, "ģ/index.html": False,
        "so,ciālais/?.html": True, "so/index.html": False, "!/index.html": True},
    "marked at the top and below lists": {
        "index.html": True, "saraksts.html": False, "par/index.html": True,
        "lapa/index.html": False, "lapa/x/y/z/index.html": True, "lapa/x/index.html": False,
        "lapa/y/index.html": "Data-Pagefind-Body"},
    "every page marked": {"index.html": True, "a/index.html": True, "b/c/d.html": True},
    "no page marked": {"index.html": False, "a/index.html": False},
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_glob_takes_every_marked_page_of_any_layout(tmp_path, layout):
    site = tmp_path / "site"
    for path, body in LAYOUTS[layout].items():
        _page(site, path, body)
    marked = {path for path, body in LAYOUTS[layout].items() if body}
    assert _marked(site) == marked  # the layout made what it says
    pages = with_body.glob(site)
    read = _index(site, tmp_path / "read", pages)
    whole = _index(site, tmp_path / "whole", None)
    if not marked:  # Pagefind then indexes every page's <body>
        assert pages is None
    elif "?" in pages:  # a character taken as any: perhaps one more file read
        assert len(marked) <= read < whole
    else:
        assert read == len(marked)
    _same_index(tmp_path / "read", tmp_path / "whole")


def test_a_glob_too_long_for_one_argument_reads_the_whole_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for path, body in LAYOUTS["year with lists and stories"].items():
        _page(site, path, body)
    assert with_body.glob(site) not in (None, with_body.EVERY_PAGE)
    monkeypatch.setattr(with_body, "LONGEST", 20)
    assert with_body.glob(site) is None
