"""The previous site, kept beside the output as the next build's staging folder.

A build writes every page again. Into an empty staging folder that means a new file for
every page and a new folder for every address (a site of 500 stories per language has
about 2,900 files in 1,600 folders), and the site it replaces is then deleted. The site
replaced is instead kept (`.NAME.spare` beside the output `NAME`), and the next build
writes into it: Pelican and the plugins overwrite its files in place and its folders are
already there. Once the pages are written, what they did not overwrite is removed —
before Pagefind and the sitemap read the pages, and before the feeds, calendars, sitemap
and search index are written (Pagefind would leave alone a file it finds) — so the result
is the site a build into an empty folder makes (`tests/test_spare_output.py`).

Untouched files are told apart without comparing clocks: before the build, every file of
the spare gets the modification time `UNWRITTEN` (1 ns after 1970), which no writer gives
a file — Pelican writes and copies (`shutil.copyfile`), the plugins write, Pagefind
writes, all stamping the time of writing. Files with more than one link are the gallery's
renditions, hard-linked from its cache (and into the site being served): they are
unlinked instead, since stamping them would stamp the cache and the live site, and the
gallery links them again.

Why: on this project's VM, ext4 without a journal searches past recently deleted inodes
when it makes a new one (`benchmarks/file_creation.py`), so each build that deleted and
made again the whole site made the next one slower (benchmarks/README.md).
"""

import os
import shutil
import stat
from pathlib import Path

UNWRITTEN = 1  # ns since 1970: the modification time of a file no writer has touched yet


def spare_of(output: Path) -> Path:
    return output.with_name(f".{output.name}.spare")


def claim(spare: Path, staging: Path) -> bool:
    """Make the spare the staging folder, its files marked unwritten; False (and an empty
    staging folder) when there is no spare — the first build, or another build has it."""
    try:
        spare.rename(staging)  # one step: of two builds at once, one gets it
    except OSError:
        staging.mkdir(parents=True)  # the output's folder too, on a first build
        return False
    for folder, _, files in os.walk(staging):
        for name in files:
            path = os.path.join(folder, name)
            status = os.lstat(path)
            if status.st_nlink > 1 or not stat.S_ISREG(status.st_mode):
                os.unlink(path)  # a gallery rendition, linked from its cache: linked again
            else:
                os.utime(path, ns=(UNWRITTEN, UNWRITTEN))
    return True


def sweep(staging: Path) -> None:
    """Remove the files this build did not write, and folders left empty."""
    removed = set()
    for folder, folders, files in os.walk(staging, topdown=False):
        emptied = True
        for name in files:
            path = os.path.join(folder, name)
            if os.lstat(path).st_mtime_ns == UNWRITTEN:
                os.unlink(path)
            else:
                emptied = False
        if (emptied and folder != str(staging)
                and all(os.path.join(folder, name) in removed for name in folders)):
            os.rmdir(folder)
            removed.add(folder)


def keep(previous: Path, spare: Path) -> None:
    """Keep the site just replaced as the next build's spare (or delete it, when another
    build has left a spare meanwhile)."""
    try:
        previous.rename(spare)
    except OSError:
        shutil.rmtree(previous, ignore_errors=True)
