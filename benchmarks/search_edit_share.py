"""Pagefind's share of a production build after a one-story edit, with and without the
last index's files reused (plugins/search_index/reuse.py). Prints a Markdown table
(benchmarks/README.md, "Pagefind after an edit"; docs/search.md).

    .venv/bin/python benchmarks/search_edit_share.py --stories 500 2500 --edits 3

For each size: a generated site (benchmarks/generate_site.py) built cold once, then
`--edits` rounds of two one-story edits, each a `sitetool build` in its own process
with warm caches: one with the store of Pagefind's files emptied first (Pagefind writes
every file, as before), one with it kept; which goes first alternates. Per build: its
wall clock, Pagefind's (started when the pages are written) and how long the build
stood still waiting for it at the end — Pagefind's share of the build's time. On a
shared machine read the two columns of one size against each other, not the seconds.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_site import BUILD_DAY, ROOT, generate

WORK = ROOT / "benchmarks" / "work"
# One build in a fresh process, as `sitetool build` runs it; prints what the search
# index plugin logged (its line with Pagefind's time and the wait) and the build's time.
BUILD = """
import json, logging, sys
from pathlib import Path
from sitetool.build import build
settings, content, output = sys.argv[1:4]
said = []
class Said(logging.Handler):
    def emit(self, record):
        said.append(record.args)
logging.getLogger("search_index.search_index").addHandler(Said())
result = build(Path(settings), Path(output), overrides={"PATH": content,
               "BUILD_DATE": sys.argv[4]})
assert result.ok, [str(problem) for problem in result.problems]
pages, _, pagefind, waited, linked = said[-1]
print(json.dumps({"build": result.seconds, "pagefind": pagefind, "waited": waited,
                  "linked": linked, "pages": pages}))
"""


def one_build(site: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(ROOT / "benchmarks" / "benchconf.py"),
         str(site / "content"), str(site / "output"), BUILD_DAY],
        cwd=ROOT, env={**os.environ, "BENCH_CACHE_PATH": str(site / "cache")},
        capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"the build failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def measure(stories: int, edits: int) -> dict[str, list[dict]]:
    site = WORK / f"search-{stories}"
    if not (site / "content").exists():
        generate(site, stories)
    print(f"{stories} stories per language: cold build…", file=sys.stderr)
    one_build(site)
    sources = sorted((site / "content" / "news").rglob("index.lv.md"))
    runs: dict[str, list[dict]] = {"every file written": [], "last index reused": []}
    for round_ in range(edits):
        order = list(runs) if round_ % 2 == 0 else list(reversed(runs))
        for number, mode in enumerate(order):
            story = sources[(2 * round_ + number) * 37 % len(sources)]
            with story.open("a", encoding="utf-8") as file:
                file.write(f"\n\nLabots {round_}.{number}: precizēts tālruņa numurs.\n")
            if mode == "every file written":
                shutil.rmtree(site / "cache" / "pagefind", ignore_errors=True)
            runs[mode].append(one_build(site))
            print(f"  {mode}: {runs[mode][-1]}", file=sys.stderr)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, nargs="+", default=[500])
    parser.add_argument("--edits", type=int, default=3, help="rounds of two edits")
    args = parser.parse_args()
    rows = [(stories, measure(stories, args.edits)) for stories in args.stories]
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores shared)\n")
    print("| stories per language | Pagefind | build (median) | Pagefind's wall | "
          "build waited for it | its share | files linked |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for stories, runs in rows:
        for mode, builds in runs.items():
            def median(key, builds=builds):
                return statistics.median(b[key] for b in builds)
            print(f"| {stories} | {mode} | {median('build'):.2f} s | "
                  f"{median('pagefind'):.2f} s | {median('waited'):.2f} s | "
                  f"{median('waited') / median('build'):.0%} | {median('linked'):,.0f} |")


if __name__ == "__main__":
    main()
