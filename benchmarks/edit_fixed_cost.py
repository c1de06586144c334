"""The fixed cost of a build after a one-story edit, two versions of the program side by
side: CPU and wall-clock time until the pages are published (the search index follows
them), alternated round by round so that a busy machine weighs on both alike.

    .venv/bin/python benchmarks/edit_fixed_cost.py --before 6b4122a --after HEAD
    .venv/bin/python benchmarks/edit_fixed_cost.py --before 6b4122a --after HEAD --stories 2500

Each version is a `git archive` of its commit in `benchmarks/work/fixed-cost/<commit>/`
with its own copy of one generated site (a build record is kept per program, so the two
must not share one). Each copy is built twice untimed (cold, then an edit: the second
leaves the spare site an edit's build finds), then each round appends the same line to
the same story in both and runs `sitetool build` in a process of its own. That process
notes, when the new site is swapped in, its CPU time and its children's (the forked
renderers; Pagefind starts after) and the time since it started, interpreter start-up
and imports included. Not a test.
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

from build_speed import EDIT_LV
from generate_site import BUILD_DAY, ROOT, generate

WORK = ROOT / "benchmarks" / "work" / "fixed-cost"

# Run in the version's folder: its `sitetool`, noting the moment the site is swapped in.
BUILD = """
import json, os, resource, sys, time
started = time.perf_counter()
sys.argv = ["sitetool", *sys.argv[1:]]
import sitetool.build as build
swap_in = build._swap_in
noted = {}
def noting(*args, **kwargs):
    changes = swap_in(*args, **kwargs)
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    noted.update(cpu=own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
                 wall=time.perf_counter() - started)
    return changes
build._swap_in = noting
from sitetool.cli import main
try:
    main()
finally:
    print("PUBLISHED " + json.dumps(noted), flush=True)
"""


def prepare(commit: str, content: Path) -> Path:
    """The version's program and its copy of the site, built twice."""
    folder = WORK / commit
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "tree").mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder / "tree")], input=archive, check=True)
    shutil.copytree(content, folder / "content")
    build(folder)
    edit_and_build(folder)
    return folder


def story(folder: Path) -> Path:
    stories = sorted((folder / "content" / "news").glob("*/*/index.lv.md"))
    return stories[len(stories) // 2]


def build(folder: Path) -> dict:
    tree = folder / "tree"
    result = subprocess.run(
        [sys.executable, "-c", BUILD, "--lang", "en", "build",
         "--settings", str(tree / "benchmarks" / "benchconf.py"),
         "--content", str(folder / "content"), "--output", str(folder / "output"),
         "--today", BUILD_DAY], cwd=tree, capture_output=True, text=True, check=False,
        env={**os.environ, "BENCH_CACHE_PATH": str(folder / "cache")})
    if result.returncode:
        sys.exit(f"the build in {tree} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    said = result.stdout + result.stderr
    published = json.loads(said.split("PUBLISHED ")[-1].splitlines()[0])
    published["incremental"] = "Only the pages that show the edited text" in said
    return published


def edit_and_build(folder: Path) -> dict:
    with open(story(folder), "a", encoding="utf-8") as source:
        source.write(EDIT_LV)
    return build(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="a commit")
    parser.add_argument("--after", default="HEAD", help="a commit")
    parser.add_argument("--stories", type=int, default=500, help="per language")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--again", action="store_true",
                        help="use the versions and sites a run before prepared")
    args = parser.parse_args()
    commits = {name: subprocess.run(["git", "rev-parse", "--short", commit], cwd=ROOT,
                                    check=True, capture_output=True, text=True).stdout.strip()
               for name, commit in (("before", args.before), ("after", args.after))}
    site = WORK / f"site-{args.stories}"
    if not site.is_dir():
        generate(site, args.stories)
    folders = {name: WORK / commit if args.again and (WORK / commit / "output").is_dir()
               else prepare(commit, site / "content") for name, commit in commits.items()}
    runs = {name: [] for name in folders}
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    for number in range(args.rounds):
        order = list(folders) if number % 2 == 0 else list(folders)[::-1]
        for name in order:
            run = edit_and_build(folders[name])
            if not run["incremental"]:
                sys.exit(f"{name}: the edit's build rendered every page")
            runs[name].append(run)
            print(f"round {number + 1} {name:6} CPU {run['cpu']:.2f} s, "
                  f"published after {run['wall']:.2f} s", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}\n")
    print(f"| {args.stories} stories per language, one story's text edited, until the "
          "pages are published | " + " | ".join(f"{name} ({commits[name]})" for name in runs)
          + " |\n|---|---:|---:|")
    for key, label in (("cpu", "CPU (the build and its children)"), ("wall", "wall clock")):
        cells = [f"{min(r[key] for r in rs):.2f}–{max(r[key] for r in rs):.2f} s "
                 f"(median {statistics.median(r[key] for r in rs):.2f})"
                 for rs in runs.values()]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
