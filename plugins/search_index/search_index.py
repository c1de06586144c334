"""Site search with Pagefind: the index, the search page of each language and the 404 page.

Signals:
- `get_generators`: `SearchPagesGenerator` writes the search page of each language
  (`SEARCH_URLS`, template `search.html`) and one `404.html` at the root that helps in
  both languages (template `404.html`); both are `noindex` and stay out of the sitemap;
- `sitetool.pages_written` (sent by sitetool's build once every page is written): starts
  Pagefind, which works while the feeds, calendars and sitemap are written; `finalized`:
  waits for it (or, in a build by Pelican alone, runs it) and logs what it indexed.
  Pagefind indexes the written pages. It reads `<html lang>` and keeps one index per
  language (a Latvian page is found only from the Latvian search page), only the
  elements marked `data-pagefind-body` (stories, pages, services: not menus, lists or
  footers), and the filters `partials/search_filters.html` puts in them; it is given
  only the files that have such an element to read (with_body.py). Latvian has no
  stemmer in Pagefind, but it folds diacritics: `gimenes` finds "ģimenes".

Pagefind runs as its own command (`pagefind.service.get_executable()`, the binary the
`pagefind[bin]` package installs), not through the package's asyncio service client,
which waits 100 ms before reading each reply: the 500-story benchmark site took 1.15 s
to index through it and 0.9 s as a command (`benchmarks/search_index_speed.py`).
Pagefind writes only the files that changed since the last build: the others are
linked in from the last index before it starts (reuse.py).
"""

import contextlib
import errno
import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
import weakref
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

import sitetool_signals
from worker_processes import die_with_this_process

from . import reuse, with_body

logger = logging.getLogger(__name__)

# Set (True) by sitetool's build in the settings of a build that publishes its pages with
# the last search index and indexes the published site after (docs/search.md): then
# neither `pages_written` nor `finalized` runs Pagefind.
AFTER_PUBLISHING = "SEARCH_INDEX_AFTER_PUBLISHING"


class SearchPagesGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        search_urls = self.settings["SEARCH_URLS"]
        for lang, url in search_urls.items():
            writer.write_file(url + "index.html", self.get_template("search"), self.context,
                              url=url, lang=lang, alternates=search_urls, noindex=True)
        writer.write_file(self.settings["NOT_FOUND_SAVE_AS"], self.get_template("404"),
                          self.context, lang=self.settings["DEFAULT_LANG"], alternates={},
                          noindex=True)


def get_generators(pelican):
    return SearchPagesGenerator


def pagefind_command(site: Path, exclude_selectors: list[str], index: Path | None = None,
                     pages: str | None = None) -> list[str]:
    """Pagefind indexing the HTML under `site` into `index` (`site/pagefind/`), reading
    the files the glob `pages` matches (None: every HTML file; `with_body.glob`). The
    index's files name no folder: it may be written elsewhere and moved there."""
    # imported here: `pagefind.service` imports asyncio, which a build that indexes after
    # publishing (sitetool/search_after.py) would pay for before publishing
    from pagefind.service import get_executable

    command = [str(get_executable()), "--site", str(site),
               "--output-path", str(index or site / "pagefind"), "--quiet"]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    return command + ["--glob", pages] * (pages is not None)


def start_indexing(pelican) -> subprocess.Popen | None:
    settings = pelican.settings
    if settings.get(AFTER_PUBLISHING):
        return None  # sitetool's build indexes the published site (`index_published`)
    site = Path(settings["OUTPUT_PATH"])
    _started[pelican] = _start(settings, site, site / "pagefind")
    return _started[pelican][0]


def _start(settings, site: Path, index: Path) -> tuple:
    """Pagefind started on the pages under `site`, writing `index`, with the last index's
    unchanged files linked in first."""
    linked = (reuse.link_previous(reuse.store_of(settings), index)
              if settings["LOAD_CONTENT_CACHE"] else 0)
    started = time.perf_counter()  # Pagefind's time includes finding the pages it reads
    command = pagefind_command(site, settings["SEARCH_EXCLUDE_SELECTORS"], index,
                               with_body.glob(site))
    # not a pipe: nobody reads it until Pagefind ends; _finish closes it (a failed
    # build, with the Pelican object it belongs to)
    said = tempfile.TemporaryFile("w+")  # noqa: SIM115
    indexing = subprocess.Popen(
        command, stdout=said, stderr=subprocess.STDOUT, text=True,
        preexec_fn=die_with_this_process())  # not write on into a killed build's output
    return indexing, said, started, linked


_started = weakref.WeakKeyDictionary()  # the Pelican object of a build -> its indexing


def index_site(pelican):
    if pelican.settings.get(AFTER_PUBLISHING):
        return
    if pelican not in _started:  # a build by Pelican alone sends no pages_written
        start_indexing(pelican)
    _finish(pelican.settings, Path(pelican.settings["OUTPUT_PATH"]) / "pagefind",
            *_started.pop(pelican))


def index_published(settings, site: Path, index: Path) -> bool:
    """Index the published `site` into `index` (a folder beside it, which sitetool's
    build then puts in the place of `site/pagefind`); False if Pagefind failed (logged).
    For a build that published its pages with the last index (`AFTER_PUBLISHING`)."""
    return _finish(settings, index, *_start(settings, site, index))


def _finish(settings, index: Path, indexing, said, started, linked) -> bool:
    """Wait for Pagefind, drop the linked files its index does not name, keep its files
    for the next build, and log what it indexed; False (logged) if it failed."""
    waited = time.perf_counter()
    with said:
        indexing.wait()
        said.seek(0)
        lines = said.read().strip().splitlines()
    if indexing.returncode:
        logger.error("search index: Pagefind failed (exit status %d): %s",
                     indexing.returncode, lines[-1] if lines else "it said nothing")
        return False
    entry = index / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text("utf-8"))["languages"]
        if linked:
            reuse.drop_unnamed(index)
    except (OSError, ValueError, KeyError) as error:
        _unwritten(entry, error)
        return False
    if settings["CACHE_CONTENT"]:
        # best effort, as every cache: a read-only one fails no build (sitetool/faults.py)
        with contextlib.suppress(OSError):
            reuse.store(index, reuse.store_of(settings))
    now = time.perf_counter()
    # "waited": how long the build stood still for Pagefind once its own work was done
    logger.info("search index: %d pages (%s) in %.2f s (the build waited %.2f s; "
                "%d files of the last index linked in)",
                sum(info["page_count"] for info in languages.values()),
                ", ".join(f"{lang}: {info['page_count']}"
                          for lang, info in sorted(languages.items())),
                now - started, now - waited, linked)
    return True


# Pagefind 1.5 exits with status 0 when it cannot write its files (a full disk): they
# are left empty. Less free space than this beside them is taken as the reason.
FULL_DISK = 1024 * 1024


def _unwritten(entry: Path, error: Exception) -> None:
    """The index is unreadable: a full disk is said as one (`sitetool.faults` names the
    file), anything else as Pagefind's failure."""
    if shutil.disk_usage(entry.parent).free < FULL_DISK:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(entry)) from error
    logger.error("search index: Pagefind wrote no readable %s (%s)", entry, error)


def register():
    signals.get_generators.connect(get_generators)
    sitetool_signals.pages_written.connect(start_indexing)
    signals.finalized.connect(index_site)
