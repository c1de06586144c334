"""Incremental production builds (sitetool/incremental.py): after an edit to a story's
text only the pages that show it are rendered again, and they do show the new text —
the story's own page, the page of each list it is on (page 2 of the news, its year, its
kind) — while every other page is the served one, hard-linked (same inode). An edit to
a front matter renders every page, and the summary says which file made it so.
`test_incremental_equal.py` proves every warm build equal to a clean one; these tests
fail when a page that shows an edited text is kept (a dependency missed) and when pages
that do not show it are rendered all the same (nothing incremental at all)."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from sitetool.verify import differences
from sitetool_helpers import ROOT, sitetool, write

SETTINGS = ROOT / "benchmarks" / "benchconf.py"  # the caches under BENCH_CACHE_PATH
STORIES = 14  # the news list shows 10 per page: the oldest four are on its page 2
STORY = """---
title: {title}
date: 2024-05-{day:02d}
kind: visit
tags: [seniori]
---
{body}
"""


def _build(content: Path, output: Path, cache: Path, *extra: str) -> str:
    result = sitetool("build", "--settings", str(SETTINGS), "--content", str(content),
                      "--output", str(output), "--today", "2026-11-23", *extra,
                      env={"LANG": "C.UTF-8", "BENCH_CACHE_PATH": str(cache)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def _source(content: Path, number: int) -> Path:
    return content / "news" / "2024" / f"zina-{number:02d}" / "index.lv.md"


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory) -> tuple[Path, Path]:
    """A site of 14 stories built twice (the second build replaces a site, so the
    spare one exists as in every later build) in `work`, and a copy of `work` as the
    builds left it."""
    folder = tmp_path_factory.mktemp("incremental")
    work = folder / "work"
    content, output, cache = work / "content", work / "output", work / "cache"
    for number in range(1, STORIES + 1):
        write(_source(content, number), STORY.format(
            title=f"Ziņa numur {number}", day=number, body=f"Sākums {number}. Teksts."))
    _build(content, output, cache)
    _build(content, output, cache, "--verify")
    shutil.copytree(work, folder / "as-built", symlinks=True)
    return work, folder / "as-built"


@pytest.fixture
def site(built_twice):
    """The site as the two builds left it, back in the folder they were made in (the
    records and caches name it): copies keep each file's size and modification time,
    which is all the build record and the content cache compare; a story's new inode
    makes the next build hash it again, and find it unchanged. (content, output, cache)"""
    work, as_built = built_twice
    shutil.rmtree(work)
    shutil.copytree(as_built, work, symlinks=True)
    content, output, cache = work / "content", work / "output", work / "cache"
    # "Nothing has changed" (a fraction of a second), unless a file of the program did
    # since `built_twice` (edited while the tests run): then a build like its second
    _build(content, output, cache)
    return content, output, cache


def _inodes(output: Path) -> dict[str, int]:
    return {str(p.relative_to(output)): p.stat().st_ino for p in output.rglob("*.html")}


def _showing(output: Path, url: str) -> set[str]:
    """The HTML pages that link to `url` (the story's own page and its translation's
    left out: they show more than a link)."""
    found = set()
    for page in output.rglob("*.html"):
        relative = str(page.relative_to(output))
        if not relative.startswith(url) and f'/{url}"' in page.read_text("utf-8"):
            found.add(relative)
    return found


def test_a_text_edit_renders_the_pages_that_show_the_story_and_keeps_the_others(site):
    content, output, cache = site
    url = "jaunumi/2024/zina-02/"
    lists = _showing(output, url)
    assert "jaunumi/2/index.html" in lists  # the news list's page 2: the premise
    assert "jaunumi/index.html" not in lists and "index.html" not in lists
    before = _inodes(output)
    source = _source(content, 2)
    source.write_text(source.read_text("utf-8").replace("Sākums 2.", "Pārcelts 2."), "utf-8")

    said = _build(content, output, cache)

    rendered = int(re.search(r"made again \((\d+) of \d+\)", said).group(1))
    after = _inodes(output)
    again = {page for page in after if after[page] != before.get(page)}
    assert again == lists | {url + "index.html"}, said
    assert rendered == len(again)
    for page in again:  # the new text is on each, as its summary or the whole story
        assert "Pārcelts 2." in (output / page).read_text("utf-8"), page
    assert "Sākums 2." not in (output / "jaunumi/2/index.html").read_text("utf-8")


def test_a_title_edit_renders_every_page_and_says_why(site):
    content, output, cache = site
    source = _source(content, STORIES)  # the newest: on the home page and the tag's page
    source.write_text(source.read_text("utf-8").replace(f"Ziņa numur {STORIES}",
                                                        "Jauns virsraksts"), "utf-8")
    before = _inodes(output)

    said = _build(content, output, cache)

    assert ("Every page was made again: more than the text of a story changed: content/"
            f"news/2024/zina-{STORIES}/index.lv.md.") in said
    after = _inodes(output)
    assert not {page for page in after if after[page] == before.get(page)}
    for page in ("index.html", "jaunumi/index.html", "jaunumi/temas/seniori/index.html"):
        assert "Jauns virsraksts" in (output / page).read_text("utf-8"), page
    assert "Jauns virsraksts" in (output / "jaunumi" / "atom.xml").read_text("utf-8")


def test_the_incremental_build_is_the_clean_build_and_the_next_one_too(site, tmp_path):
    """Two text edits in a row, the second on a page the first kept: each build equal
    to a clean build of the same content (so the record the first kept is right)."""
    content, output, cache = site
    for number, text in ((2, "Pirmais labojums."), (9, "Otrais labojums.")):
        source = _source(content, number)
        source.write_text(source.read_text("utf-8") + f"\n{text}\n", "utf-8")
        assert "made again" in _build(content, output, cache)
        clean = tmp_path / f"clean-{number}"
        _build(content, clean / "output", clean / "cache", "--no-cache")
        assert differences(output, clean / "output") == []


def test_a_changed_served_page_makes_every_page_again(site):
    content, output, cache = site
    (output / "jaunumi" / "index.html").write_text("edited on the server", "utf-8")
    source = _source(content, 2)
    source.write_text(source.read_text("utf-8") + "\nVēl.\n", "utf-8")
    said = _build(content, output, cache)
    assert ("Every page was made again: the published site was changed since the last "
            "build.") in said
    assert "edited on the server" not in (output / "jaunumi" / "index.html").read_text(
        "utf-8")
    assert os.path.exists(output / "jaunumi" / "2024" / "zina-02" / "index.html")


def test_a_text_edit_rewrites_the_feeds_that_show_the_story_and_keeps_the_others(site):
    """Each feed file is recorded with the stories it shows: the feed of all news shows
    the edited story and is written again with the new text; the feed of a kind no story
    has is the served file (same inode), and so are the English feeds."""
    content, output, cache = site
    feeds = {str(p.relative_to(output)): p.stat().st_ino for p in output.rglob("*.xml")
             if p.name in ("atom.xml", "rss.xml")}
    source = _source(content, 5)
    source.write_text(source.read_text("utf-8").replace("Sākums 5.", "Pārcelts 5."), "utf-8")

    _build(content, output, cache)

    again = {feed for feed, inode in feeds.items() if (output / feed).stat().st_ino != inode}
    assert again == {"jaunumi/atom.xml", "jaunumi/rss.xml",
                     "jaunumi/pieredzes-vizites/atom.xml", "jaunumi/pieredzes-vizites/rss.xml"}
    assert "jaunumi/pakalpojumu-izmainas/atom.xml" in feeds  # kept, not missing
    for feed in again:
        assert "Pārcelts 5." in (output / feed).read_text("utf-8"), feed


def test_the_sitemap_reads_only_the_pages_written_again(site):
    """The sitemap keeps each page's head with the identity of the file it read it from
    (CACHE_PATH/sitemap-heads.json): a kept page (the served file, hard-linked) is not
    read again — a date planted in the record for it shows in the sitemap — and the
    edited story's page, whose bytes changed, is."""
    content, output, cache = site
    source = _source(content, 3)
    # two text edits in a row: the record planted in is one an incremental build left
    source.write_text(source.read_text("utf-8") + "\nVēl.\n", "utf-8")
    _build(content, output, cache)
    record = cache / "sitemap-heads.json"
    heads = json.loads(record.read_text("utf-8"))
    for _, _, head in heads.values():
        head["updated"] = "1999-01-01T00:00:00+02:00"
    record.write_text(json.dumps(heads), "utf-8")
    before = _inodes(output)
    source.write_text(source.read_text("utf-8") + "\nVēl vēl.\n", "utf-8")

    _build(content, output, cache)

    lastmod = dict(re.findall(r"<loc>http://[^/]+/(\S*)</loc>\s*<lastmod>([^<]+)",
                              (output / "sitemap.xml").read_text("utf-8")))
    after = _inodes(output)
    kept = {page.removesuffix("index.html") for page in after
            if after[page] == before.get(page)} & lastmod.keys()
    assert len(kept) > 10
    assert {lastmod[url] for url in kept} == {"1999-01-01T00:00:00+02:00"}
    assert lastmod["jaunumi/2024/zina-03/"] != "1999-01-01T00:00:00+02:00"
