"""How long Pagefind takes to index a built site: the `search_index` plugin's step at the
end of every build, reading every HTML file against reading only the pages with a search
body (plugins/search_index/with_body.py). Prints a Markdown row per site and way
(docs/search.md, benchmarks/README.md session 8).

    .venv/bin/python -m sitetool build --output /tmp/site
    .venv/bin/python benchmarks/search_index_speed.py /tmp/site
    .venv/bin/python benchmarks/search_index_speed.py --runs 5 benchmarks/work/n500/output

Each run indexes the site's HTML where it is into a new folder (Pagefind writes every
file, as in a build without the last index's files), the two ways alternated, and
checks that they made the same fragments. Wall-clock time, on a shared machine: read the
figures with its load; CPU is the Pagefind process's user+system time plus, reading only
the pages with a body, this process's time finding them.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from pelicanconf import SEARCH_EXCLUDE_SELECTORS  # noqa: E402
from search_index import with_body  # noqa: E402
from search_index.search_index import pagefind_command  # noqa: E402


def _cpu() -> float:
    """This process's CPU time and its finished children's."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + usage.ru_utime + usage.ru_stime


WAYS = {"every HTML file": lambda site: None, "pages with a search body": with_body.glob}


def measure(site: Path, runs: int) -> dict[str, tuple[dict[str, int], list, list]]:
    """Per way: the pages indexed in each language, each run's seconds and CPU seconds."""
    measured = {way: ({}, [], []) for way in WAYS}
    fragments = {}
    with tempfile.TemporaryDirectory() as work:
        for run in range(runs):
            for number, way in enumerate(WAYS if run % 2 == 0 else reversed(WAYS)):
                # a new folder each run, deleted only at the end: on this VM's disk,
                # deleting thousands of files slows the making of new ones for minutes
                # after (build_speed.py `discard`)
                index = Path(work) / f"index-{run}-{number}"
                started, cpu_before = time.perf_counter(), _cpu()
                command = pagefind_command(site, SEARCH_EXCLUDE_SELECTORS, index,
                                           WAYS[way](site))
                indexing = subprocess.run(command, capture_output=True, text=True,
                                          check=False)
                pages, seconds, cpu = measured[way]
                seconds.append(time.perf_counter() - started)
                cpu.append(_cpu() - cpu_before)
                if indexing.returncode:
                    sys.exit(f"Pagefind failed:\n{indexing.stderr}")
                entry = json.loads((index / "pagefind-entry.json").read_text("utf-8"))
                pages.update((lang, info["page_count"])
                             for lang, info in entry["languages"].items())
                fragments[way] = sorted(os.listdir(index / "fragment"))
    if len({tuple(names) for names in fragments.values()}) != 1:
        sys.exit("the two ways made different fragments")
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", type=Path, help="built output folders")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [(site, measure(site, args.runs)) for site in args.sites]
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores shared)\n")
    print("| site | HTML files | Pagefind reads | indexed pages | median s | min s | max s "
          "| median CPU s | min CPU s | max CPU s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for site, measured in rows:
        html_files = sum(1 for _ in site.rglob("*.html"))
        for way, (pages, seconds, cpu) in measured.items():
            indexed = ", ".join(f"{lang} {count}" for lang, count in sorted(pages.items()))
            print(f"| {site} | {html_files} | {way} | {indexed} "
                  f"| {statistics.median(seconds):.2f} | {min(seconds):.2f} "
                  f"| {max(seconds):.2f} | {statistics.median(cpu):.2f} "
                  f"| {min(cpu):.2f} | {max(cpu):.2f} |")


if __name__ == "__main__":
    main()
