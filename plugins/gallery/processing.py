"""The image work: decode each photo once, make its renditions, keep them in a cache and
place them in the output.

- Pixels: decoded once per photo, at the size needed, in an sRGB without metadata
  (pixels.py, which the image workers run).
- Cache: a rendition's file in the cache is named by a hash of the source's *content*
  and everything that shapes the output (width, height, format, save options, PIPELINE),
  so an unchanged rebuild does no image work and a settings change redoes exactly the
  renditions it affects. `manifest.json` remembers each source's size, mtime and hash, so
  unchanged photos are not even re-read to be hashed. Files are written under a temporary
  name and renamed, so builds sharing the cache never see half a file.
- Parallel: one task per photo with missing renditions, on a process pool with a worker
  per core (AVIF's own threads are set to 1 so processes don't fight over cores); a
  worker imports pixels.py and Pillow only.
- Output: renditions are hard-linked from the cache into the output (copied with their
  mtime where links are impossible), so a rebuild rewrites nothing.
- Thumbnails first (the preview, `GALLERY_THUMBNAILS_FIRST`): a photo's renditions
  that are neither cached nor its thumbnail move to `photo.later` when it is planned, so
  pages list only what exists; they are made after the pages are written, by whoever
  receives the `DEFERRED` signal (sitetool's preview, which then builds again). With no
  receiver everything is made at once, as the production build always does.
"""

import contextlib
import dataclasses
import functools
import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import time
import types
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import blinker

from atomic_files import write_atomically
from worker_processes import die_with_parent, usable_cores

from .photos import EXTENSIONS, QUARTER_TURNS, Photo, Rendition
from .pixels import Job, Target, render

# Bump when the pixels pixels.py makes change, to redo every cached rendition.
PIPELINE = 3
# Sent with a function that makes the renditions left for later and returns how many
# photos it completed (the preview connects to it; a named signal, so it needs no import).
DEFERRED = blinker.signal("gallery_renditions_deferred")


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest_file = folder / "manifest.json"
        try:
            self.sources = json.loads(self.manifest_file.read_text("utf-8"))["sources"]
        except (OSError, ValueError, KeyError):
            self.sources = {}
        self.seen: dict[str, dict] = {}

    def digest(self, source: Path) -> str:
        """SHA-256 of the file's content; re-read only when its size or mtime changed."""
        stat = source.stat()
        key = str(source)
        known = self.sources.get(key)
        if known and known["size"] == stat.st_size and known["mtime_ns"] == stat.st_mtime_ns:
            self.seen[key] = known
            return known["sha256"]
        with source.open("rb") as file:
            sha256 = hashlib.file_digest(file, "sha256").hexdigest()
        self.seen[key] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                          "sha256": sha256}
        return sha256

    def file_for(self, source_sha256: str, width: int, height: int, format_: str,
                 options: dict) -> Path:
        spec = json.dumps([PIPELINE, source_sha256, width, height, format_, options],
                          sort_keys=True)
        key = hashlib.sha256(spec.encode()).hexdigest()[:20]
        return (self.folder / source_sha256[:2] / source_sha256
                / f"{width}x{height}-{key}.{EXTENSIONS[format_]}")

    def save(self) -> None:
        """Merge this build's sources into the manifest (another build may share it)."""
        try:
            current = json.loads(self.manifest_file.read_text("utf-8"))["sources"]
        except (OSError, ValueError, KeyError):
            current = {}
        merged = {path: entry for path, entry in current.items() if Path(path).exists()}
        merged.update(self.seen)
        if merged == current:
            return  # nothing new: a read-only cache is enough for a build like this
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(self.manifest_file, json.dumps({"sources": merged}, indent=0))


class Progress:
    """A line now and then while photos are processed (nothing for short runs). On a
    terminal each line first clears the line sitetool keeps refreshing, which then
    continues below it."""

    def __init__(self, total: int, stream=sys.stderr, after: float = 2.0, every: float = 10.0):
        self.total, self.stream, self.after, self.every = total, stream, after, every
        self.started = time.monotonic()
        self.next_line = self.started + after
        self.done = 0
        self.shown = False

    def _print(self, text: str) -> None:
        clear = "\r\033[K" if hasattr(self.stream, "isatty") and self.stream.isatty() else ""
        print(clear + text, file=self.stream, flush=True)
        self.shown = True

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now >= self.next_line and self.done < self.total:
            self.next_line = now + self.every
            self._print(f"Photos: {self.done} of {self.total} processed "
                        f"({self.done / (now - self.started):.1f} per second)…")

    def finish(self) -> None:
        if self.shown:
            self._print(f"Photos: {self.total} processed in "
                        f"{time.monotonic() - self.started:.0f} s.")


def worker_count(setting: int) -> int:
    return setting or usable_cores()


@contextlib.contextmanager
def _main_script_hidden():
    """While the pool's workers start: a spawned process runs the parent's main script
    (`__main__`) before its first job, for the functions it might define — a build's
    `pelican`, pytest or a benchmark importing Pelican, ~0.6 s of CPU a worker. Its jobs
    need only pixels.py, so it is shown a main module with no file to run. The workers
    start in the thread that submits the jobs (a pool with spawn starts them on demand)."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def run_jobs(jobs: list[Job], workers: int) -> dict[str, str]:
    """Run the jobs, in parallel when there is more than one; {source: reason} failures."""
    failures: dict[str, str] = {}
    progress = Progress(len(jobs))
    if workers == 1 or len(jobs) <= 1:
        for job in jobs:
            if reason := render(job):
                failures[job.source] = reason
            progress.advance()
        progress.finish()
        return failures
    # "spawn": a job needs nothing the build holds, and a worker that inherits no lock
    # cannot hang on one held by a thread of the preview server (plugins/worker_processes.py)
    # Each worker dies with this process: killed, a build would leave them waiting forever.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        with _main_script_hidden():
            futures = {pool.submit(render, job): job for job in jobs}
        for future in as_completed(futures):
            try:
                reason = future.result()
            except BrokenProcessPool:
                reason = "the image worker stopped (out of memory?)"
            if reason:
                failures[futures[future].source] = reason
            progress.advance()
    progress.finish()
    return failures


def _place(cached: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(cached, target)


def thumbnails_first(photo: Photo, cache: "Cache", settings) -> None:
    """Leave for later the photo's renditions that are neither its thumbnail (its
    narrowest width) nor cached, when something will make them (see DEFERRED)."""
    if not (settings["GALLERY_THUMBNAILS_FIRST"] and DEFERRED.receivers):
        return
    try:
        sha256 = cache.digest(photo.source)
    except OSError:
        return  # said when the photo is processed
    formats, narrowest = settings["GALLERY_FORMATS"], min(r.width for r in photo.renditions)
    now = [r for r in photo.renditions if r.width == narrowest or cache.file_for(
        sha256, r.width, r.height, r.format, formats[r.format]).exists()]
    photo.later = [r for r in photo.renditions if r not in now]
    photo.renditions = now


def _jobs(photo: Photo, renditions: list[Rendition], sha256: str, cache: "Cache",
          formats: dict) -> tuple[list[tuple[Path, str]], Job | None]:
    """Where each rendition is cached and published, and the job making those missing."""
    targets = [Target(r.width, r.height, r.format, formats[r.format],
                      str(cache.file_for(sha256, r.width, r.height, r.format,
                                         formats[r.format])))
               for r in renditions]
    files = [(Path(t.cache_file), r.url) for t, r in zip(targets, renditions, strict=True)]
    missing = tuple(t for t in targets if not Path(t.cache_file).exists())
    if not missing:
        return files, None
    widest = max(missing, key=lambda t: t.width)
    size = (widest.width, widest.height)
    if photo.header.orientation in QUARTER_TURNS:
        size = size[::-1]
    return files, Job(str(photo.source), photo.header.orientation, size, missing)


def make_later(jobs: list[Job], workers: int) -> int:
    """Make what is still missing of `jobs`; the number of photos completed."""
    still = [dataclasses.replace(job, targets=missing) for job in jobs
             if (missing := tuple(t for t in job.targets if not Path(t.cache_file).exists()))]
    return len(still) - len(run_jobs(still, workers))


def publish_renditions(photos: list[Photo], settings, output_path: str,
                       cache: "Cache | None" = None) -> dict[Photo, str]:
    """Make what is missing, place every rendition in the output; {photo: reason} for
    photos that could not be processed (their files are not placed). A photo's `later`
    renditions are made after, by the receiver of DEFERRED."""
    cache = cache or Cache(Path(settings["GALLERY_CACHE_PATH"]))
    formats = settings["GALLERY_FORMATS"]
    planned: dict[Photo, list[tuple[Path, str]]] = {}
    jobs: list[Job] = []
    later: dict[Photo, Job] = {}
    failures: dict[Photo, str] = {}
    for photo in photos:
        try:
            sha256 = cache.digest(photo.source)
        except OSError as error:
            failures[photo] = str(error)
            continue
        planned[photo], job = _jobs(photo, photo.renditions, sha256, cache, formats)
        if job:
            jobs.append(job)
        if photo.later and (job := _jobs(photo, photo.later, sha256, cache, formats)[1]):
            later[photo] = job
    workers = worker_count(settings["GALLERY_WORKERS"])
    reasons = run_jobs(jobs, workers)
    for photo, files in planned.items():
        if str(photo.source) in reasons:
            failures[photo] = reasons[str(photo.source)]
            continue
        for cached, url in files:
            _place(cached, Path(output_path) / url)
    cache.save()
    deferred = [job for photo, job in later.items() if photo not in failures]
    if deferred:
        DEFERRED.send(functools.partial(make_later, deferred, workers))
    return failures
