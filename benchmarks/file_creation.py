"""What making files costs on this machine's disk, and how deletions change it: a site's
worth of folders with one file each, made, deleted, made again, round after round. Prints
a Markdown row per round (benchmarks/README.md).

    .venv/bin/python benchmarks/file_creation.py                  # 3,000 folders, 8 rounds
    .venv/bin/python benchmarks/file_creation.py --folders 1600 --rounds 4 --where /tmp

On ext4 without a journal (this project's VM) the kernel searches past the inodes freed
in the last minutes whenever it makes one (`recently_deleted` in `ext4_create`), so each
round is slower than the one before. That is why `sitetool build` keeps the site it
replaces and writes into it (`sitetool/spare_output.py`), and why `build_speed.py` deletes
the folders it clears only when its run ends.
"""

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

PAGE = "x" * 12_000  # about one page of the generated site


def make(folder: Path, count: int) -> tuple[float, float]:
    """Make `count` folders with an index.html each; (wall, system) seconds."""
    folder.mkdir()
    started, system = time.perf_counter(), os.times().system
    for number in range(count):
        page = folder / f"page-{number}"
        page.mkdir()
        (page / "index.html").write_text(PAGE)
    return time.perf_counter() - started, os.times().system - system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folders", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--where", type=Path, default=Path(__file__).resolve().parent,
                        help="a folder on the disk to measure (default: benchmarks/)")
    args = parser.parse_args()
    print(f"| round | {args.folders} folders with a file: wall s | system s |")
    print("|---:|---:|---:|")
    with tempfile.TemporaryDirectory(dir=args.where) as work:
        for round_number in range(1, args.rounds + 1):
            folder = Path(work) / f"round-{round_number}"
            seconds, system = make(folder, args.folders)
            print(f"| {round_number} | {seconds:.2f} | {system:.2f} |", flush=True)
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
