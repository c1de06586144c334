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

Pagefind runs as its own command (`pagefind.service.get_executable()`, the binary the
`pagefind[bin]` package installs), not through the package's asyncio service client,
which polls for each reply every 100 ms: at 500 stories per language that cost 0.25 s
of the 1.15 s indexing took (`benchmarks/search_index_speed.py`).
"""

import json
import logging
import subprocess
import time
from pathlib import Path

from pagefind.service import get_executable
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


def index_folder(site: Path, exclude_selectors: list[str]) -> subprocess.CompletedProcess:
    """Index the HTML under `site` into `site/pagefind/`."""
    command = [str(get_executable()), "--site", str(site),
               "--output-path", str(site / "pagefind"), "--quiet"]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def index_site(pelican):
    site = Path(pelican.settings["OUTPUT_PATH"])
    started = time.perf_counter()
    indexing = index_folder(site, pelican.settings["SEARCH_EXCLUDE_SELECTORS"])
    if indexing.returncode:
        said = (indexing.stderr or indexing.stdout).strip().splitlines()
        logger.error("search index: Pagefind failed (exit status %d): %s",
                     indexing.returncode, said[-1] if said else "it said nothing")
        return
    seconds = time.perf_counter() - started
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    logger.info("search index: %d pages (%s) in %.2f s",
                sum(info["page_count"] for info in entry["languages"].values()),
                ", ".join(f"{lang}: {info['page_count']}"
                          for lang, info in sorted(entry["languages"].items())),
                seconds)


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_site)
