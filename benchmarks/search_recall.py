"""Recall of site search: for each query of `search_queries.tsv` (what a resident might
type, and the page they expect), is that page among the first 5 results? Prints the
recall per language (and how often that page comes first) before (plain Pagefind: the
typed words as they are, every indexed page) and after (the search page as residents use
it: Latvian words stemmed by `theme/assets/js/latvian-stemmer.js`, easy-to-read versions
within their service's result), and each query whose page moved: its place before and
after, "-" beyond the fifth (benchmarks/README.md "Search recall").

    .venv/bin/python benchmarks/search_recall.py
    .venv/bin/python benchmarks/search_recall.py --content content --show-misses

It builds the content with `sitetool build` into a temporary folder, serves it on
127.0.0.1 and searches the built site's Pagefind index in Debian's Chromium (Playwright):
"before" calls Pagefind's JavaScript API on the search page, "after" types the query into
the search page's box (search.js) and reads the result links. Not timed.
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from site_helpers import TODAY, BuiltSite, serve_folder  # noqa: E402
from test_search import _search  # noqa: E402  (types the query as tests/test_search.py does)

QUERIES = Path(__file__).with_name("search_queries.tsv")
SEARCH_PAGES = {"lv": "/meklet/", "en": "/en/search/"}
TOP = 5

PLAIN_PAGEFIND = """async ([words, top]) => {
  window.plainPagefind = window.plainPagefind || await import("/pagefind/pagefind.js")
    .then(async pagefind => { await pagefind.options({noWorker: true}); return pagefind; });
  const found = await window.plainPagefind.search(words);
  const pages = await Promise.all(found.results.slice(0, top).map(result => result.data()));
  return pages.map(page => page.url);
}"""


def read_queries(path: Path = QUERIES) -> list[tuple[str, str, str]]:
    """(lang, query, expected root-relative URL) of each line that is not a comment."""
    with path.open(encoding="utf-8", newline="") as lines:
        return [tuple(row) for row in csv.reader(lines, delimiter="\t")
                if row and not row[0].startswith("#")]


def plain_pagefind_results(page, site_url: str, lang: str, words: str) -> list[str]:
    if not page.url.startswith(site_url + SEARCH_PAGES[lang]):
        page.goto(site_url + SEARCH_PAGES[lang])
    return page.evaluate(PLAIN_PAGEFIND, [words, TOP])


def build(content: Path, output: Path, site_url: str) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "sitetool", "build", "--content", str(content), "--output",
         str(output), "--today", TODAY, "--no-cache", "--site-url", site_url],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if built.returncode:
        sys.exit(f"the build failed:\n{built.stderr}")


def _rank(results: list[str], expected: str) -> int | None:
    """The expected page's place among the first TOP results (1 is first), or None."""
    return results.index(expected) + 1 if expected in results[:TOP] else None


def measure(site: Path, queries, port: int) -> list[tuple[int | None, int | None]]:
    """The expected page's rank before and after, for each query."""
    built = BuiltSite(site, f"http://127.0.0.1:{port}")
    ranks = []
    with serve_folder(site, port), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        before_page, after_page = browser.new_page(), browser.new_page()
        for lang, words, expected in queries:
            before = plain_pagefind_results(before_page, built.url, lang, words)
            after = _search(after_page, built, SEARCH_PAGES[lang], words)
            ranks.append((_rank(before, expected), _rank(after, expected)))
        browser.close()
    return ranks


def _worse(before: int | None, after: int | None) -> bool:
    return before is not None and (after is None or after > before)


def _share(count: int, total: int) -> str:
    return f"{count} ({count / total:.0%})"


def report(queries, ranks, show_misses: bool) -> bool:
    """Print the table and each query whose rank changed; True when the targets hold
    (≥ 95 % of Latvian queries in the top 5, no English query ranked worse)."""
    print(f"| queries | in the top {TOP} before | after | first before | after |")
    print("|---|---|---|---|---|")
    for lang in SEARCH_PAGES:
        rows = [rank for (query_lang, *_), rank in zip(queries, ranks, strict=True)
                if query_lang == lang]
        counts = [sum(rank[i] is not None for rank in rows) for i in (0, 1)]
        firsts = [sum(rank[i] == 1 for rank in rows) for i in (0, 1)]
        print(f"| {lang}: {len(rows)} | " + " | ".join(
            _share(count, len(rows)) for count in counts + firsts) + " |")
    print()
    for (lang, words, expected), (before, after) in zip(queries, ranks, strict=True):
        if before != after or (show_misses and after is None):
            print(f"{lang} {words!r} → {expected}: {before or '-'} before, "
                  f"{after or '-'} after")
    english_worse = [words for (lang, words, _), rank in zip(queries, ranks, strict=True)
                     if lang == "en" and _worse(*rank)]
    latvian = [after for (lang, *_), (_, after) in zip(queries, ranks, strict=True)
               if lang == "lv"]
    return not english_worse and sum(a is not None for a in latvian) >= 0.95 * len(latvian)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--show-misses", action="store_true",
                        help="also list the queries missed both before and after")
    args = parser.parse_args()
    queries = read_queries(args.queries)
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "output"
        build(args.content, site, f"http://127.0.0.1:{args.port}")
        ranks = measure(site, queries, args.port)
    if not report(queries, ranks, args.show_misses):
        sys.exit("below the target: ≥ 95 % of Latvian queries, no English query worse")


if __name__ == "__main__":
    main()
