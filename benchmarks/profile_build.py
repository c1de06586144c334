"""Where a build's time goes: one `sitetool build` of a generated site under cProfile.

    .venv/bin/python benchmarks/generate_site.py --stories 500 --out benchmarks/work/n500/ours
    .venv/bin/python benchmarks/profile_build.py benchmarks/work/n500/ours          # cold
    .venv/bin/python benchmarks/profile_build.py benchmarks/work/n500/ours --warm   # cached
    .venv/bin/python benchmarks/profile_build.py benchmarks/work/n500/ours --edit   # one story

Prints the CPU time spent in each of our plugins (everything a plugin's code calls,
counted once: Jinja rendering inside a plugin's generator counts for that plugin), the
phases of Pelican's run, and the functions with the most time of their own. It counts
CPU time, not wall-clock time, so a busy machine does not distort the shares; work done
in other processes (Pagefind's binary, the gallery's workers) is printed as one line.
cProfile slows Python code down about twice: read the shares, not the seconds.
"""

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PLUGINS = ROOT / "plugins"

# Pelican's phases, by (file name, function name) in Pelican's own sources.
PHASES = [
    ("readers.py", "read_file", "reading sources (incl. our reader, from the cache or not)"),
    ("generators.py", "generate_context", "Pelican generators: reading and context"),
    ("generators.py", "generate_output", "Pelican generators: writing pages"),
    ("writers.py", "write_file", "rendering and writing pages (all generators)"),
    ("cache.py", "save_cache", "saving the content cache"),
    ("cache.py", "__init__", "loading the content cache"),
    ("generators.py", "copy_file", "copying static files"),
    ("build.py", "_swap_in", "swapping the new output in"),
]


def plugin_of(filename: str) -> str | None:
    path = Path(filename)
    if path.is_relative_to(PLUGINS):
        return path.relative_to(PLUGINS).parts[0]
    return None


def per_plugin(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative time of each plugin's outermost calls (those not called from inside
    the same plugin), so nested calls are not counted twice."""
    totals = defaultdict(float)
    for func, (_, _, _, cumulative, callers) in stats.stats.items():
        plugin = plugin_of(func[0])
        if plugin and not any(plugin_of(caller[0]) == plugin for caller in callers):
            totals[plugin] += cumulative
    return dict(totals)


def per_phase(stats: pstats.Stats) -> list[tuple[str, float]]:
    found = []
    for file_name, function, label in PHASES:
        seconds = sum(cumulative for func, (_, _, _, cumulative, _) in stats.stats.items()
                      if func[2] == function and func[0].endswith(os.sep + file_name)
                      and ("pelican" in func[0] or file_name == "build.py"))
        found.append((label, seconds))
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a folder generate_site.py wrote")
    parser.add_argument("--warm", action="store_true",
                        help="build once first, then profile a build with nothing changed")
    parser.add_argument("--edit", action="store_true",
                        help="build once first (keeping the build record), edit the text of "
                             "one story, then profile the incremental build that follows")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", type=Path, help="also save the raw profile here")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    os.environ["BENCH_CACHE_PATH"] = str(site / "cache")
    os.chdir(ROOT)
    from generate_site import BUILD_DAY
    from sitetool.build import build

    settings = ROOT / "benchmarks" / "benchconf.py"
    # one process, so that the profile sees all the reading and rendering
    overrides = {"PATH": str(site / "content"), "BUILD_DATE": BUILD_DAY, "RENDER_PROCESSES": 1}
    output = site / "output"
    if args.edit:  # the build record of `sitetool build`, and one story's text edited
        build(settings, output, overrides=overrides, skip_if_unchanged=True)
        story = sorted((site / "content" / "news").glob("*/*/index.lv.md"))[len(
            list((site / "content" / "news").glob("*/*/index.lv.md"))) // 2]
        with open(story, "a", encoding="utf-8") as source:
            source.write("\n\nLabots: precizēts sanāksmes laiks.\n")
    elif not args.warm:
        shutil.rmtree(site / "cache", ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
    else:
        build(settings, output, overrides=overrides)
    profiler = cProfile.Profile(time.process_time)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = profiler.runcall(build, settings, output, overrides=overrides,
                              skip_if_unchanged=args.edit)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    in_children = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    if not result.ok:
        sys.exit("\n".join(entry.render("en", debug=True)
                            for entry in [*result.problems, *result.debug]))
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(args.save)
    total = stats.total_tt
    pages = sum(1 for _ in output.rglob("*.html"))
    kind = "one-story edit" if args.edit else "warm" if args.warm else "cold"
    if result.rendered is not None:
        kind += f" ({result.rendered} pages rendered)"
    elif result.full_because:
        kind += f" (every page: {result.full_because[0]})"
    print(f"{kind} build of {site}: {pages} pages, "
          f"{total:.2f} s CPU in this process under the profiler ({wall:.2f} s wall clock), "
          f"{in_children:.2f} s CPU in other processes\n")
    print("Our plugins (outermost calls, everything they call included):")
    for plugin, seconds in sorted(per_plugin(stats).items(), key=lambda i: -i[1]):
        print(f"  {plugin:24} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print("\nPelican's phases (they overlap: writing pages includes rendering):")
    for label, seconds in per_phase(stats):
        print(f"  {label:58} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print(f"\nFunctions with the most time of their own (top {args.top}):")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
