"""The search index made after the pages are published, when an edit removes no page.

Pagefind indexes every page of the site in every build (it has no way to add pages to an
index it made before), and after an edit to story texts alone that was about half of
what the build cost (benchmarks/README.md, "Publishing before the search index"). So a
build that renders only the pages an edit shows (`incremental`) publishes them with the
last build's index (linked from the served site: `KeepingWriter`), then runs Pagefind
on the published site into a folder beside it (`.NAME.search-<pid>`) and puts that
folder in the place of `NAME/pagefind` in one step (`exchange`): the served site never
has no index or half of one. Until then, search finds the edited stories as they were:
same addresses, the words of the last build.

Only when that index still fits the pages: no page added, removed or moved (the same
content files, the same front matter: `Plan.edited`), and there is an index to keep.
Every other build indexes before publishing, and so does `--verify`, which compares the
index too (the nightly build: docs/deploy.md).
"""

import os
import shutil
from pathlib import Path

from search_index.search_index import AFTER_PUBLISHING, index_published

from .exchange import exchange
from .incremental import Plan

PLUGIN = "search_index"
INDEX = "pagefind"  # the index's folder in the site
ENTRY = "pagefind-entry.json"


def may_follow(settings: dict, plan: Plan | None, output: Path, verify: bool) -> bool:
    """Whether this build may publish its pages with the served site's index."""
    return (plan is not None and plan.edited is not None and not verify
            and PLUGIN in settings["PLUGINS"] and (output / INDEX / ENTRY).is_file())


def leave_out_of_build(settings: dict) -> None:
    """Pagefind is not run by the build whose (read) settings these are. Set once the
    site is read: the content cache's key (plugins/content_cache_key) hashes the settings
    it starts with, and this one must not make a build's cache another's."""
    settings[AFTER_PUBLISHING] = True


def folder_of(output: Path, role: str = "search") -> Path:
    """Where the new index is written (`search`): beside the output, on its file system
    (`faults.remove_leftovers` removes a killed build's)."""
    return output.with_name(f".{output.name}.{role}-{os.getpid()}")


def follow(settings: dict, output: Path) -> bool:
    """Index the published `output` and put the new index in place of the served one;
    False (logged by the plugin) when Pagefind failed: the served index stays."""
    new = folder_of(output)
    shutil.rmtree(new, ignore_errors=True)
    try:
        if not index_published(settings, output, new):
            return False
        served = output / INDEX
        if not exchange(new, served):  # no renameat2: a moment without an index
            old = folder_of(output, "search-old")
            served.rename(old)
            new.rename(served)
            new = old
        return True
    finally:
        shutil.rmtree(new, ignore_errors=True)  # the index replaced, or a failed one
