"""`sitetool build --verify`: a build proven equal to a clean build of the same content.

A build reuses what earlier builds left: Pelican's content cache, the compiled templates,
the previous site as its staging folder (`spare_output`). A dependency one of them
misses would publish a stale page silently. With `--verify`, once the build has written
its staging folder, a clean build of the same content — in a process of its own, with
an empty content cache, no compiled templates and an empty output, for the same day —
writes a folder beside it, and the two are compared file by file. Any difference fails
the build: one line per differing file (the first `SHOWN`), and the staging folder is
not swapped in, so the site being served stays as it was.

The gallery's renditions are the one cache the clean build shares (`GALLERY_CACHE_PATH`):
a rendition is named by its camera file's bytes and its settings, and making them all
again takes seconds per photo (minutes for a nightly build of years of galleries).

Pagefind 1.5 writes its filter and metadata index files in an arbitrary order (Rust's
randomly seeded hash maps; one thread or many, Pagefind/pagefind#638), so their bytes
and the hashes in their names differ between any two runs: those are compared by how
many there are of each kind only.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from content_schema import Problem
from content_schema.dates import build_today

SHOWN = 10  # differing files named; the rest are counted
# Pagefind's files whose bytes and names change from run to run (the docstring above).
PAGEFIND_UNSTABLE = re.compile(r"pagefind/(filter/.*|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta|"
                               r"pagefind-entry\.json)$")
FIX = ("nothing was published: run the same command again with --no-cache and send these "
       "lines to whoever looks after the site")


def verify(settings: dict, settings_file: Path, overrides: dict, strict: bool,
           staging: Path, output: Path) -> list[Problem]:
    """The problems found comparing `staging` with a clean build of the same content
    (none: they are equal). Differing files are named as they would be published."""
    folder = output.with_name(f".{output.name}.verify-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    clean = folder / "site"
    request = {"settings_file": str(settings_file), "output": str(clean), "strict": strict,
               "overrides": {**overrides, "CACHE_CONTENT": False,
                             "LOAD_CONTENT_CACHE": False,
                             "CACHE_PATH": str(folder / "cache"),
                             # midnight may pass between the two builds
                             "BUILD_DATE": build_today(settings).isoformat()}}
    try:
        built = subprocess.run([sys.executable, "-m", "sitetool.verify", json.dumps(request)],
                               capture_output=True, text=True, check=False)
        if built.returncode != 0:
            said = [line for line in built.stderr.splitlines() if line.strip()]
            return [Problem(str(output), 1, "", "the clean build made to verify this one "
                            "failed where this one did not: {reason}", FIX,
                            params={"reason": said[-1] if said else built.returncode})]
        return _problems(differences(staging, clean), output)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def differences(built: Path, clean: Path) -> list[tuple[str, str]]:
    """(path relative to the sites, how it differs) for each file that is not the same
    in both, in path order."""
    ours, theirs = _files(built), _files(clean)
    found = []
    for relative in sorted(ours.keys() | theirs.keys()):
        if relative not in theirs:
            found.append((relative, "this build wrote it, the clean build did not"))
        elif relative not in ours:
            found.append((relative, "the clean build wrote it, this build did not"))
        elif ours[relative] is None:
            continue  # one of Pagefind's unstable files: there in both is all that counts
        elif ours[relative] != theirs[relative] or _read(built / relative) != _read(
                clean / relative):
            found.append((relative, "its bytes differ"))
    return found


def _files(folder: Path) -> dict[str, int | None]:
    """Each file's path relative to `folder` → its size; Pagefind's unstable files with
    the hash in their names masked and numbered → None (not compared)."""
    files, unstable = {}, {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            relative = Path(os.path.relpath(path, folder)).as_posix()
            if PAGEFIND_UNSTABLE.search(relative):
                kind = re.sub(r"_[0-9a-f]+\.", "_(hash).", relative)
                unstable[kind] = unstable.get(kind, 0) + 1
                files[f"{kind} #{unstable[kind]}"] = None
            else:
                files[relative] = os.path.getsize(path)
    return files


def _read(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b""


def _problems(found: list[tuple[str, str]], output: Path) -> list[Problem]:
    problems = [Problem(str(output / relative), 1, "", "differs from a clean build of the "
                        "same content: {how}", FIX, params={"how": how})
                for relative, how in found[:SHOWN]]
    if len(found) > SHOWN:
        problems.append(Problem(str(output), 1, "", "{count} more files differ from the "
                                "clean build", FIX, params={"count": len(found) - SHOWN}))
    return problems


def _clean_build(request: dict) -> int:
    """The clean build, in the process `verify` starts (`python -m sitetool.verify`)."""
    from .build import build

    result = build(Path(request["settings_file"]), Path(request["output"]),
                   strict=request["strict"], overrides=request["overrides"])
    for entry in result.problems if not result.ok else ():
        print(entry.render("en"), file=sys.stderr)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(_clean_build(json.loads(sys.argv[1])))
