"""Site search with Pagefind: the index, the search page of each language and the 404 page.

Signals:
- `get_generators`: `SearchPagesGenerator` writes the search page of each language
  (`SEARCH_URLS`, template `search.html`) and one `404.html` at the root that helps in
  both languages (template `404.html`); both are `noindex` and stay out of the sitemap;
- `finalized`: Pagefind indexes the written site. It reads `<html lang>` and keeps one
  index per language (a Latvian page is found only from the Latvian search page), only
  the elements marked `data-pagefind-body` (stories, pages, services: not menus, lists
  or footers), and the filters `partials/search_filters.html` puts in them. Latvian has
  no stemmer in Pagefind, but it folds diacritics: `gimenes` finds "ģimenes".

Pagefind's Python API is asyncio; it runs on its own event loop in a worker thread,
because `sitetool serve` builds from inside the live-reload server's running loop.
"""

import asyncio
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import PagefindIndex
from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)


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


async def index_folder(site: Path, exclude_selectors: list[str]) -> dict:
    """Index the HTML under `site` into `site/pagefind/`; Pagefind's counts. (The index
    writes its files when the context closes, to the configured `output_path`.)"""
    config = {"exclude_selectors": exclude_selectors, "output_path": str(site / "pagefind")}
    async with PagefindIndex(config) as index:
        return await index.add_directory(str(site))


def index_site(pelican):
    site = Path(pelican.settings["OUTPUT_PATH"])
    started = time.perf_counter()
    # Pagefind's Python API talks to its binary over a pipe; on a loaded machine a
    # garbled reply has been seen to fail a run (JSONDecodeError). A second run starts a
    # fresh binary and rewrites the whole index, so one retry is safe.
    for attempt in (1, 2):
        indexing = index_folder(site, pelican.settings["SEARCH_EXCLUDE_SELECTORS"])
        try:
            with ThreadPoolExecutor(max_workers=1) as own_loop:
                indexed = own_loop.submit(asyncio.run, indexing).result()
            entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
            break
        except Exception as error:
            if attempt == 2:
                logger.error("search index: Pagefind failed: %s: %s",
                             type(error).__name__, error)
                return
            logger.info("search index: Pagefind failed (%s); trying once more", error)
    seconds = time.perf_counter() - started
    logger.info("search index: %d pages (%s) in %.2f s", indexed["page_count"],
                ", ".join(f"{lang}: {info['page_count']}"
                          for lang, info in sorted(entry["languages"].items())),
                seconds)


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_site)
