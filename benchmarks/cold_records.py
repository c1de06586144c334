"""What the build and pages records (and their Jinja hooks) cost a cold build.

    .venv/bin/python benchmarks/generate_site.py --stories 500 --out benchmarks/work/records
    .venv/bin/python benchmarks/cold_records.py benchmarks/work/records --rounds 4 --parts

Cold builds of the generated site in this one process (RENDER_PROCESSES 1, so all the
CPU is this process's; Pagefind's is left out), alternately as `sitetool build` runs them
(`skip_if_unchanged`: the build record, the pages record, every template lookup noted)
and without the records. Prints each build's CPU and wall seconds and the load. Not a
test: read the CPU seconds, and the load beside them. One untimed build goes first: a
site's first build writes beside its content what later builds only read (each new
story's `.feed-id`, 500 fsynced files at 500 stories; the address record), which landed
in whichever timed build ran first.
"""

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_site import BUILD_DAY  # noqa: E402


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a folder generate_site.py wrote")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--parts", action="store_true",
                        help="also print the CPU of each of the records' own parts")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    os.environ["BENCH_CACHE_PATH"] = str(site / "cache")
    from sitetool.build import build

    spent = timed_parts() if args.parts else {}

    def clear() -> None:
        for folder in ("cache", "output", ".output.spare"):
            shutil.rmtree(site / folder, ignore_errors=True)

    def cold_build(records: bool):
        return build(ROOT / "benchmarks" / "benchconf.py", site / "output",
                     overrides={"PATH": str(site / "content"), "BUILD_DATE": BUILD_DAY,
                                "RENDER_PROCESSES": 1},
                     skip_if_unchanged=records)

    clear()
    cold_build(False)
    for number in range(args.rounds):
        for records in (number % 2 == 0, number % 2 == 1):
            clear()
            before, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
            result = cold_build(records)
            after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            print(f"{'with records' if records else 'without    '} ok={result.ok} "
                  f"{cpu:.2f} CPU-s {time.perf_counter() - started:.1f} s wall, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            for part in list(spent):
                print(f"    {spent.pop(part):.3f} CPU-s {part}")


def timed_parts() -> dict[str, float]:
    """The records' own parts, each call timed as it returns (at most a thousand calls a
    build, each costing far more than its timing); the Jinja hooks are not among them (a
    third of a million calls a build: time one with `timeit`)."""
    import pelican_contract
    from sitetool import build as build_module
    from sitetool import build_record, incremental

    spent: dict[str, float] = {}

    def timed(owner, name: str) -> None:
        function, part = getattr(owner, name), f"{owner.__name__}.{name}"

        def timing(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] = spent.get(part, 0.0) + time.process_time() - started
        setattr(owner, name, timing)

    for owner, name in ((build_record.BuildRecord, "__init__"),
                        (incremental.PagesRecord, "__init__"),
                        (build_module, "output_digest"),
                        (build_record.BuildRecord, "save"), (incremental.PagesRecord, "save"),
                        (pelican_contract, "one_file_written")):
        timed(owner, name)
    return spent


if __name__ == "__main__":
    main()
