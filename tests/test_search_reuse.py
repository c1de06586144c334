"""Pagefind's files kept from one build to the next (plugins/search_index/reuse.py): after
a one-story edit the warm build links the last index's fragments and chunks, Pagefind
writes the edited page's, and the index left is the one a clean build makes."""

import gzip
import shutil
from pathlib import Path

from site_helpers import ROOT, TODAY
from sitetool_helpers import sitetool, write

WORD = "Zilonkaulstornis"  # in no page until the edit
# the caches under BENCH_CACHE_PATH but the photos' renditions: the project's, which any
# build of the sample content has made (making its ten photos again is most of a build)
SETTINGS = f"""import sys
sys.path.insert(0, {str(ROOT)!r})
from benchmarks.benchconf import *  # noqa: F403
from pelicanconf import GALLERY_CACHE_PATH  # noqa: E402, F401
"""


def _build(settings: Path, content: Path, output: Path, cache: Path, *extra: str) -> None:
    result = sitetool("build", "--settings", str(settings), "--content", str(content),
                      "--output", str(output), "--today", TODAY, *extra,
                      env={"BENCH_CACHE_PATH": str(cache)})
    assert result.returncode == 0, result.stderr


def _fragments(output: Path) -> dict[str, Path]:
    return {file.name: file for file in (output / "pagefind" / "fragment").iterdir()}


def test_an_edit_reuses_the_last_index_and_leaves_nothing_stale(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    shutil.copytree(ROOT / "content", content)
    settings = write(tmp_path / "settings.py", SETTINGS)
    _build(settings, content, output, cache)
    before = {name: file.stat().st_ino for name, file in _fragments(output).items()}
    assert sorted(p.name for p in (cache / "pagefind" / "fragment").iterdir()) == sorted(before)

    story = sorted((content / "news").rglob("index.lv.md"))[0]
    with story.open("a", encoding="utf-8") as file:
        file.write(f"\n\n{WORD} ir jauns vārds šajā ziņā.\n")
    # --verify: the site is published only if a clean build (no cache, no store) makes
    # the same files — a fragment of the story as it was would be one too many
    _build(settings, content, output, cache, "--verify")

    after = _fragments(output)
    assert len(after) == len(before)
    linked = {name for name, file in after.items() if file.stat().st_ino == before.get(name)}
    written = set(after) - linked
    assert linked and len(linked) >= len(after) - 2  # the story's page, in one language
    gone = set(before) - set(after)
    assert len(gone) == len(set(after) - set(before)) >= 1
    assert any(WORD.encode() in gzip.decompress(after[name].read_bytes()) for name in written)
    assert not any(WORD.encode() in gzip.decompress(after[name].read_bytes())
                   for name in linked)
