"""An atomic, checked build.

Pelican writes into a staging folder beside the output, which replaces the output only
when the build logged no error (in strict mode: no warning either). A failed build leaves
the previous site exactly as it was and says why.

The same content gives byte-identical files, and files that did not change keep the time
stamps they had in the previous output: `rsync` (and web servers' ETag/Last-Modified)
then see only what really changed. The site replaced is kept as the next build's staging
folder (`spare_output`).
"""

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT, faults, search_after, spare_output, web_editor
from .build_log import Entry, collecting_logs, stopped_entry
from .build_record import BuildRecord, output_digest
from .check import publishing_problems
from .exchange import exchange
from .incremental import KeepingWriter, PagesRecord, note_what_pages_show
from .parallel import processes_for
from .pipeline import load_settings, read_site, write_site
from .progress import Progress
from .verify import verify as verified

__all__ = ["ROOT", "BuildResult", "Counts", "build", "count_output"]

FEED_SUFFIXES = ("atom.xml", "rss.xml")  # jaunumi/atom.xml, …/visits/rss.xml
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")


@dataclass
class Counts:
    """What a built site holds, for the summary line."""

    pages: int = 0
    photos: int = 0  # image files outside the theme: photos and their sizes and formats
    feeds: int = 0
    calendars: int = 0


@dataclass
class Changes:
    """How the new output differs from the one it replaced."""

    added: int = 0
    changed: int = 0
    removed: int = 0


@dataclass
class BuildResult:
    ok: bool
    output: Path
    problems: list[Entry] = field(default_factory=list)
    seconds: float = 0.0
    counts: Counts = field(default_factory=Counts)
    changes: Changes = field(default_factory=Changes)
    up_to_date: bool = False  # nothing changed since the last build: nothing was done
    # Pages rendered when the others were kept from the last build (`incremental`);
    # None when every page was rendered, and `full_because` (text, params) says why
    rendered: int | None = None
    full_because: tuple[str, dict] | None = None
    # seconds after the pages were published (`seconds`) when the search index followed
    # them (`search_after`); None when it was made before publishing
    search_followed: float | None = None
    debug: list[Entry] = field(default_factory=list)  # Pelican's lines for --debug


def build(settings_file: Path, output: Path, *, strict: bool = False,
          overrides: dict | None = None, progress: Progress | None = None,
          writer_factory=None, skip_if_unchanged: bool = False,
          verify: bool = False) -> BuildResult:
    """Build into a staging folder and swap it in on success. `writer_factory(settings)`
    may supply Pelican's writer (the preview's records what each page shows). With
    `skip_if_unchanged` and the content cache on, the build keeps a record of what it was
    made from, and one whose inputs and output are as the last successful build left
    them does nothing (`build_record`), and one after edits to story texts alone renders
    only the pages that show those texts (`incremental`). With `verify`, a build always
    builds, and its staging folder is swapped in only if a clean build of the same
    content makes the same files (`verify`)."""
    output = output.resolve()
    staging = output.with_name(f".{output.name}.staging-{os.getpid()}")
    spare = spare_output.spare_of(output)
    shutil.rmtree(staging, ignore_errors=True)
    faults.remove_leftovers(output)  # of builds that were killed
    started = time.perf_counter()
    search_follows = False
    with collecting_logs() as log:
        try:
            settings = load_settings(settings_file, {**(overrides or {}),
                                                     "OUTPUT_PATH": str(staging)})
            log.content_path = settings["PATH"]
            # `--no-cache` keeps no cache, this record included; nor does the preview,
            # whose settings differ from any build's
            record = (BuildRecord(settings, output, settings_file, strict)
                      if skip_if_unchanged and settings["LOAD_CONTENT_CACHE"]
                      and settings["CACHE_CONTENT"] else None)
            if record and not verify and record.matches():
                return BuildResult(True, output, seconds=time.perf_counter() - started,
                                   up_to_date=True)
            # a caller's writer (the preview's) renders every page itself
            pages = PagesRecord(settings, record) if record and not writer_factory else None
            plan = pages.plan() if pages else None
            reused = spare_output.claim(spare, staging)
            writer = (writer_factory(settings) if writer_factory
                      else KeepingWriter(str(staging), settings, output, plan) if plan
                      else None)
            search_follows = search_after.may_follow(settings, plan, output, verify)
            if search_follows:  # the served index, until the new one is in its place
                writer.served_as_is = (f"{search_after.INDEX}/*",)
            # the previous site's files this build did not write go before anything
            # reads the pages (Pagefind, the sitemap)
            tidy = (lambda: spare_output.sweep(staging)) if reused else None
            processes = 1 if writer_factory else processes_for(settings)
            if progress:
                with progress.running():
                    _read_and_write(settings, log, strict, writer, tidy, processes,
                                    search_follows)
            else:
                _read_and_write(settings, log, strict, writer, tidy, processes,
                                    search_follows)
            if verify and not log.failed(strict):
                for problem in verified(settings, settings_file, overrides or {}, strict,
                                        staging, output):
                    log.add(Entry(problem.severity, problem))
        except Exception as error:
            log.add(stopped_entry(error, log.content_path))
    seconds = time.perf_counter() - started
    problems, debug = log.sorted(), log.sorted(("debug",))
    if log.failed(strict):
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, output, problems, seconds, debug=debug)
    written = list(_files_in(staging))  # one walk for the summary and the comparison
    counts = _count(written)
    changes = _swap_in(staging, output, spare, written)
    result = BuildResult(True, output, problems, seconds, counts, changes, debug=debug)
    if search_follows:
        indexed = _index_published(settings, output, result)
        if not indexed:  # no record: the next build renders and indexes everything
            return result
    if record:
        digest = output_digest(output)
        record.save(digest)
    if pages:
        pages.save(writer.pages, digest)
        if plan.edited is None:
            result.full_because = (plan.reason, plan.params)
        else:
            result.rendered = writer.rendered
    return result


def _index_published(settings: dict, output: Path, result: BuildResult) -> bool:
    """The search index of the published site, made and put in place now; its problems
    added to `result`'s (a failed index leaves the served one, and fails the build)."""
    started = time.perf_counter()
    with collecting_logs() as log:
        log.content_path = settings["PATH"]
        try:
            indexed = search_after.follow(settings, output)
        except Exception as error:
            log.add(stopped_entry(error, log.content_path))
            indexed = False
    result.problems += log.sorted()
    result.debug += log.sorted(("debug",))
    result.search_followed = time.perf_counter() - started
    result.ok = indexed
    return indexed


def _read_and_write(settings, log, strict, writer, before_pages_written, processes,
                    search_follows):
    site = read_site(settings)
    if search_follows:  # once read: the content cache's key hashes the settings read with
        search_after.leave_out_of_build(site.settings)
    for problem in publishing_problems(site):
        log.add(Entry(problem.severity, problem))
    if not log.failed(strict):  # nothing will be published: spare the writing
        keeping = isinstance(writer, KeepingWriter)
        if keeping:
            note_what_pages_show(site.generators)
        write_site(site, writer, processes=processes,
                   before_pages_written=before_pages_written,
                   skip_plugins=writer.unchanged_plugins() if keeping else ())
        if keeping:
            writer.link_unchanged_outputs()
        if settings["WEB_EDITOR_BACKEND"]:  # a published editor needs its Git backend
            web_editor.assemble(settings, Path(settings["OUTPUT_PATH"]) / "admin",
                                settings["WEB_EDITOR_BACKEND"])


def count_output(folder: Path) -> Counts:
    return _count(_files_in(folder))


def _count(files) -> Counts:
    """What the files (paths relative to the output) are, for the summary."""
    counts = Counts()
    for relative in files:
        if relative.endswith(".html"):
            counts.pages += 1
        elif relative.endswith(FEED_SUFFIXES):
            counts.feeds += 1
        elif relative.endswith(".ics"):
            counts.calendars += 1
        elif relative.lower().endswith(IMAGE_SUFFIXES) and not relative.startswith("theme/"):
            counts.photos += 1
    return counts


def _swap_in(staging: Path, output: Path, spare: Path, written: list[str]) -> Changes:
    """Put the staging folder in the output's place and keep the previous site as the
    spare. On Linux the two folders trade places in one step (renameat2 with
    RENAME_EXCHANGE), so a web server serving `output` never finds it missing; elsewhere
    two renames in a row."""
    changes = _keep_unchanged_timestamps(written, staging, output)
    if output.exists() and exchange(staging, output):
        spare_output.keep(staging, spare)  # staging now holds the previous site
        return changes
    previous = output.with_name(f".{output.name}.previous-{os.getpid()}")
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    if previous.exists():
        spare_output.keep(previous, spare)
    return changes


def _keep_unchanged_timestamps(written: list[str], new: Path, old: Path) -> Changes:
    """Give each new file (`written`: their paths relative to `new`) that is
    byte-identical to the old one the old time stamps.
    (`os.walk` and one read of each file, not `pathlib.rglob` and `filecmp`: 0.29 →
    0.18 s for the 2,970 files of the 500-story site, on every rebuild.)"""
    changes = Changes()
    old_files = set(_files_in(old))
    for relative in written:
        if relative not in old_files:
            changes.added += 1
            continue
        old_files.discard(relative)
        path, previous = os.path.join(new, relative), os.path.join(old, relative)
        status, old_status = os.stat(path), os.stat(previous)
        if (status.st_dev, status.st_ino) == (old_status.st_dev, old_status.st_ino):
            # one file linked into both outputs (the gallery hard-links its renditions
            # from its cache): unchanged, and not worth reading twice — at ten years of
            # photos that is gigabytes per build
            continue
        if status.st_size == old_status.st_size and _read(path) == _read(previous):
            os.utime(path, ns=(old_status.st_atime_ns, old_status.st_mtime_ns))
        else:
            changes.changed += 1
    changes.removed = len(old_files)
    return changes


def _files_in(folder: Path):
    """The paths of the files under `folder`, relative to it (none if it is missing).
    (Each folder's path cut from the walk's, not `os.path.relpath()`, which makes both
    absolute first: the 1,700 folders of the 500-story site are walked twice a build.)"""
    top = len(os.path.join(folder, ""))
    for directory, _, files in os.walk(folder):
        relative = directory[top:]  # "" for `folder` itself
        for name in files:
            yield os.path.join(relative, name)


def _read(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()
