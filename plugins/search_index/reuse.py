"""Pagefind's unchanged files, kept from one build to the next.

Pagefind names a page's fragment and each chunk of its word index by a hash of the
file's content (stable since Pagefind 1.3), and leaves alone a file it finds already
there. So before it runs, the last index's fragments and chunks are hard-linked from a
store under `CACHE_PATH` into the new index's folders: after a one-story edit Pagefind
writes a few dozen files instead of one per page, and no new inode is made for the rest
(making files is what costs on this VM's disk: benchmarks/README.md, "Pagefind after an
edit"). Once it is done, the linked files its new index does not name are removed, so
the index is the one a build into an empty folder makes (`tests/test_search.py`,
`--verify`), and the store is left holding the new index's files.

A file linked from the store is never written through: Pagefind skips files it finds,
the next build unlinks every file with more than one link before writing into the old
site (`sitetool/spare_output.py`), and the store takes in only files Pagefind finished.
`--no-cache` (no `LOAD_CONTENT_CACHE`) starts from nothing; without `CACHE_CONTENT`
nothing is stored.
"""

import gzip
import json
import os
import re
from pathlib import Path

# Pagefind's folders whose files are named by their content's hash: one fragment per
# page, the word index in chunks. (Its filter and metadata files are named by a hash
# too, but their bytes change from run to run: sitetool/verify.py PAGEFIND_UNSTABLE.)
HASHED = ("fragment", "index")


def store_of(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / "pagefind"


def link_previous(store: Path, index: Path) -> int:
    """Link the store's files into `index` (Pagefind's output folder, `site/pagefind`);
    how many were linked (none where the store is missing or on another disk)."""
    linked = 0
    for folder in HASHED:
        try:
            names = os.listdir(store / folder)
        except OSError:
            continue
        (index / folder).mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(store / folder / name, index / folder / name)
            except FileExistsError:
                continue
            except OSError:
                return linked  # another file system, or links not allowed
            linked += 1
    return linked


def named_by_index(index: Path) -> set[str]:
    """The fragments and index chunks the index names (`en_06df2dc`): its metadata holds
    each name as a plain string, so every run of `lang_` and hex digits in it, and each
    of that run's beginnings (a name's end may meet a hex-like byte that follows it)."""
    entry = json.loads((index / "pagefind-entry.json").read_text("utf-8"))
    named = set()
    for lang, language in entry["languages"].items():
        meta = gzip.decompress((index / f"pagefind.{language['hash']}.pf_meta").read_bytes())
        for found in re.finditer(re.escape(lang.encode()) + rb"_[0-9a-f]+", meta):
            run = found.group().decode()
            named.update(run[:end] for end in range(len(lang) + 2, len(run) + 1))
    return named


def drop_unnamed(index: Path) -> None:
    """Remove the linked files the new index does not name (pages edited or gone)."""
    named = named_by_index(index)
    for folder in HASHED:
        for file in _files(index / folder):
            if file.stem not in named:
                file.unlink()


def store(index: Path, store: Path) -> None:
    """Make the store hold exactly the index's hashed files (by linking, not copying)."""
    for folder in HASHED:
        (store / folder).mkdir(parents=True, exist_ok=True)
        current = {file.name for file in _files(index / folder)}
        for file in _files(store / folder):
            if file.name not in current:
                file.unlink(missing_ok=True)  # another build may share the store
        kept = set(os.listdir(store / folder))
        for name in current - kept:
            try:
                os.link(index / folder / name, store / folder / name)
            except FileExistsError:
                continue
            except OSError:
                return  # another file system, or links not allowed: nothing to reuse


def _files(folder: Path) -> list[Path]:
    try:
        return [folder / name for name in os.listdir(folder)]
    except FileNotFoundError:
        return []
