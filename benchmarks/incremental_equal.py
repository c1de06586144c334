"""The differential test of warm builds at a larger size: random sequences of editors'
edits (`tests/site_edits.py`) on a generated site, and after each step the warm build
(build record, caches, the previous site as staging folder) compared file by file with
a clean build of the same content. Prints each step's edits, both builds' seconds and
the verdict; exits 1 at the first difference.

    .venv/bin/python benchmarks/incremental_equal.py --stories 200 --sequences 3 --steps 5

`tests/test_incremental_equal.py` runs the same check at 24 stories in `make test`.
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from generate_site import generate  # noqa: E402
from site_edits import EDITS, Site, build, warm_against_clean  # noqa: E402

BUILD_DAY = date(2026, 11, 23)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=200, help="stories per language")
    parser.add_argument("--sequences", type=int, default=3)
    parser.add_argument("--steps", type=int, default=5, help="steps per sequence")
    parser.add_argument("--seed", type=int, default=0, help="0: a new one each run")
    args = parser.parse_args(argv)
    seed = args.seed or random.SystemRandom().randrange(1, 2**31)
    rng = random.Random(seed)
    print(f"seed {seed}, {args.stories} stories per language, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="incremental-equal-") as folder:
        generate(Path(folder) / "generated", args.stories)
        generated = Path(folder) / "generated" / "content"
        for sequence in range(1, args.sequences + 1):
            work = Path(folder) / "site"
            shutil.rmtree(work, ignore_errors=True)
            site = Site(work / "content", BUILD_DAY)
            shutil.copytree(generated, site.content)
            first = build(site, work / "output", work / "cache")
            second = build(site, work / "output", work / "cache", "--verify")
            print(f"sequence {sequence}: first build {first:.1f} s, "
                  f"second with --verify {second:.1f} s")
            for step in range(1, args.steps + 1):
                edits = [(rng.choice(sorted(EDITS)), rng.randrange(2**16))
                         for _ in range(rng.randrange(1, 4))]
                for name, edit_seed in edits:
                    EDITS[name](site, random.Random(edit_seed))
                found, warm, clean = warm_against_clean(site, work)
                verdict = "equal" if not found else f"{len(found)} files differ: {found[:5]}"
                print(f"  step {step}: {', '.join(n for n, _ in edits)}: warm {warm:.1f} s, "
                      f"clean {clean:.1f} s: {verdict}")
                if found:
                    print(f"reproduce: --seed {seed} (edits with their seeds: {edits})")
                    return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
