"""The search index made after publishing (sitetool/search_after.py): after an edit to a
story's text alone the pages are published with the last index, and the new index,
written beside the site, takes the place of `pagefind/` in one exchange of folders. The
index left is the one a clean build makes, and it has the edit's words. An edit that
removes a page indexes before publishing (the last index would name a missing page)."""

import gzip
import os
from pathlib import Path

from sitetool.exchange import exchange
from sitetool.search_after import folder_of
from sitetool.verify import differences
from sitetool_helpers import write
from test_incremental_pages import _build, _source  # benchconf.py, a cache of its own

FOLLOWED = "The search index followed"
WORD = "Zilonkaulstornis"  # in no page until the edit
STORY = """---
title: Ziņa numur {number}
date: 2024-05-{number:02d}
kind: visit
---
Sākums {number}. Teksts.
"""


def _words(index: Path) -> bytes:
    return b"".join(gzip.decompress(file.read_bytes())
                    for file in (index / "fragment").iterdir())


def test_an_edit_is_published_first_and_its_index_follows_whole(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    for number in range(1, 6):
        write(_source(content, number), STORY.format(number=number))
    assert FOLLOWED not in _build(content, output, cache)  # a first build: index first
    _build(content, output, cache, "--verify")  # and a spare site, as in every later one
    served = os.stat(output / "pagefind").st_ino

    with _source(content, 3).open("a", encoding="utf-8") as file:
        file.write(f"\n{WORD} ir jauns vārds.\n")
    said = _build(content, output, cache)
    assert "Only the pages that show the edited text" in said
    assert FOLLOWED in said
    # the new index took the served one's place as a folder (not written into it), and
    # the folder it was written in, beside the site, is gone
    assert os.stat(output / "pagefind").st_ino != served
    assert WORD.encode() in _words(output / "pagefind")
    assert not [p.name for p in tmp_path.iterdir() if ".search" in p.name]

    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "clean-cache", "--no-cache")
    assert differences(output, clean) == []

    # the next build knows the site it left: nothing to do
    assert "up to date" in _build(content, output, cache)


def test_an_edit_that_removes_a_page_indexes_before_publishing(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    for number in range(1, 4):
        write(_source(content, number), STORY.format(number=number))
    _build(content, output, cache)
    _source(content, 2).unlink()
    said = _build(content, output, cache)
    assert FOLLOWED not in said
    assert b"numur 2" not in _words(output / "pagefind")


def test_the_index_folders_trade_places_in_one_step(tmp_path):
    """The exchange the swap uses: both paths exist before and after, holding each
    other's files — no moment where `pagefind/` is missing (a rename onto it would need
    the served folder gone first)."""
    output = tmp_path / "site"
    served, new = output / "pagefind", folder_of(output)
    write(served / "pagefind-entry.json", "old")
    write(new / "pagefind-entry.json", "new")
    assert new.parent == output.parent  # on the site's file system: a rename, no copy
    assert exchange(new, served)
    assert (served / "pagefind-entry.json").read_text() == "new"
    assert (new / "pagefind-entry.json").read_text() == "old"
