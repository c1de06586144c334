"""What the last successful build was made from, so that a build with nothing changed
says so and stops instead of reading and rendering the whole site again (issue 10: an
unchanged rebuild must cost less than Hugo rebuilding everything; reading a site of 500
stories per language alone takes Pelican about 2 s).

A build is up to date when all of these are as they were for the last successful build
into the same output folder:
- every file the build reads — the content folder, the theme, the plugins, `sitetool`
  itself, the settings file and the project's Python files — by path, size and
  modification time in nanoseconds (what `make` and rsync trust: a save changes them);
- the installed packages (pip adding, removing or upgrading one changes the listing,
  and so the modification time, of the site-packages folder);
- the settings after the command line's overrides, and the day the build publishes for
  (a new day can publish a scheduled story or close a consultation);
- strict or not (a strict build must see the warnings a lenient one let through);
- the output folder, file by file: a page deleted or edited there, or a preview server
  that wrote into the same folder, makes the next build a real one.

The inputs are noted before the build reads them, so an edit saved while a build runs
makes the next build a real one. Files Pelican ignores (`IGNORE_FILES`: dot files — an
editor's swap files, and the `.feed-id` a first build writes beside a new story, which
holds the id every build derives for it) are left out.
"""

import contextlib
import fnmatch
import functools
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from atomic_files import write_atomically
from content_schema.dates import build_today

from . import ROOT

SKIPPED_FOLDERS = {"__pycache__"}


def _files(folder: Path, ignore: list[str]) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every file under `folder`, in a stable order."""
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS
                            and not _ignored(name, ignore))
        for name in sorted(names):
            if _ignored(name, ignore):
                continue
            yield _stamp(os.path.join(parent, name))


def _stamp(path: str) -> tuple[str, int, int]:
    stat = os.stat(path)
    return path, stat.st_size, stat.st_mtime_ns


def _ignored(name: str, patterns: list[str]) -> bool:
    return bool(patterns) and matcher(tuple(patterns))(name) is not None


@functools.lru_cache(maxsize=16)
def matcher(patterns: tuple[str, ...]):
    """`fnmatch` of any of `patterns`, as one regular expression: a build matches the
    name of every file of the content, the theme, the plugins and the output (27,000
    calls of `fnmatch.fnmatch()` in a one-story edit's build at 500 stories)."""
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns)).match


def _digest(parts: Iterable) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(repr(part).encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def _settings_text(settings: dict) -> str:
    """The settings as text; values JSON cannot write (functions, objects) count by
    their type — their code is among the files that are compared."""
    def readable(value):
        if isinstance(value, (set, frozenset)):
            return sorted(map(str, value))
        return f"<{type(value).__module__}.{type(value).__qualname__}>"

    kept = {key: value for key, value in settings.items() if key != "OUTPUT_PATH"}
    return json.dumps(kept, sort_keys=True, default=readable)


def _package_folders() -> list[tuple[str, int]]:
    return [(entry, os.stat(entry).st_mtime_ns) for entry in sys.path
            if entry.endswith("-packages") and os.path.isdir(entry)]


def program_digest(settings: dict, settings_file: Path, strict: bool) -> str:
    """All the inputs but the content folder: the settings, the day, strict or not, the
    theme, the plugins, `sitetool`, the project's Python files and the packages."""
    ignore = settings.get("IGNORE_FILES", [])
    folders = [Path(settings["THEME"]), Path(__file__).parent,
               *map(Path, settings.get("PLUGIN_PATHS", []))]
    project_files = sorted({settings_file.resolve(), *ROOT.glob("*.py")})
    return _digest([
        _settings_text(settings), build_today(settings).isoformat(), strict,
        sys.version, _package_folders(),
        *(file for folder in folders for file in _files(folder, ignore)),
        *(_stamp(str(path)) for path in project_files),
    ])


def content_files(settings: dict) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every content file a build reads, in a stable order."""
    return _files(Path(settings["PATH"]), settings.get("IGNORE_FILES", []))


def inputs_digest(settings: dict, settings_file: Path, strict: bool) -> str:
    return _digest([program_digest(settings, settings_file, strict),
                    *content_files(settings)])


def output_digest(output: Path) -> str:
    return _digest(_files(output, []))


def output_listing(output: Path) -> tuple[str, list[str]]:
    """The output's `output_digest()` and the paths of its files relative to it, from
    one walk."""
    files = list(_files(output, []))
    prefix = os.path.join(str(output), "")
    return _digest(files), [path[len(prefix):] for path, _, _ in files]


class BuildRecord:
    """The record of the last successful build into `output`, kept in the cache folder.
    The inputs are noted when it is made, before the build reads anything."""

    def __init__(self, settings: dict, output: Path, settings_file: Path, strict: bool):
        name = hashlib.sha256(str(output).encode("utf-8")).hexdigest()[:16]
        self.file = Path(settings["CACHE_PATH"]).resolve() / "builds" / f"{name}.json"
        self.output = output
        # walked once a build: the pages record (`incremental`) reads them too
        self.program = program_digest(settings, settings_file, strict)
        self.content_files = list(content_files(settings))
        self.inputs = _digest([self.program, *self.content_files])

    def matches(self) -> bool:
        try:
            recorded = json.loads(self.file.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return (recorded.get("inputs") == self.inputs and self.output.is_dir()
                and recorded.get("output") == output_digest(self.output))

    def save(self, output: str | None = None) -> None:
        """Written under a name of this process's and renamed: a build killed meanwhile,
        or another build saving at once, leaves no half-written record. A record that
        cannot be written (a read-only cache) only makes the next build a real one.
        `output`: the output's `output_digest()`, when the caller has it."""
        save_record(self.file, {"inputs": self.inputs,
                                "output": output or output_digest(self.output)})


def save_record(file: Path, record: dict) -> None:
    """`record` as JSON in `file`, whole or not at all (plugins/atomic_files.py); a file
    that cannot be written (a read-only cache) is left as it was."""
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, json.dumps(record))
