"""How long Pagefind takes to index a built site: the `search_index` plugin's step at the
end of every build. Prints a Markdown row per site (docs/search.md).

    .venv/bin/python -m sitetool build --output /tmp/site
    .venv/bin/python benchmarks/search_index_speed.py /tmp/site
    .venv/bin/python benchmarks/search_index_speed.py --runs 5 benchmarks/work/n500/output

Each run indexes a fresh copy of the site's HTML (without its `pagefind/` folder), as the
build does, with the project's settings. Wall-clock time, on a shared machine: read the
figures with its load; CPU is the Pagefind process's user+system time.
"""

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from pelicanconf import SEARCH_EXCLUDE_SELECTORS  # noqa: E402
from search_index.search_index import pagefind_command  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(site: Path, runs: int) -> tuple[dict[str, int], list[float], list[float]]:
    seconds, cpu = [], []
    with tempfile.TemporaryDirectory() as work:
        for run in range(runs):
            # a new copy each run, deleted only at the end: on this VM's disk, deleting
            # thousands of files slows the making of new ones for minutes after
            # (build_speed.py `discard`)
            copy = Path(work) / f"site-{run}"
            shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
            started, cpu_before = time.perf_counter(), _children_cpu()
            indexing = subprocess.run(pagefind_command(copy, SEARCH_EXCLUDE_SELECTORS),
                                      capture_output=True, text=True, check=False)
            seconds.append(time.perf_counter() - started)
            cpu.append(_children_cpu() - cpu_before)
            if indexing.returncode:
                sys.exit(f"Pagefind failed:\n{indexing.stderr}")
        entry = json.loads((copy / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    pages = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    return pages, seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", type=Path, help="built output folders")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| site | HTML files | indexed pages | median s | min s | max s | median CPU s |")
    print("|---|---|---|---|---|---|---|")
    for site in args.sites:
        pages, seconds, cpu = measure(site, args.runs)
        html_files = sum(1 for _ in site.rglob("*.html"))
        indexed = ", ".join(f"{lang} {count}" for lang, count in sorted(pages.items()))
        print(f"| {site} | {html_files} | {indexed} | {statistics.median(seconds):.2f} "
              f"| {min(seconds):.2f} | {max(seconds):.2f} | {statistics.median(cpu):.2f} |")


if __name__ == "__main__":
    main()
