"""What goes wrong around a build rather than in the content, said in one line.

- A build killed on its way (kill -9, a power cut) leaves its staging folder
  (`.NAME.staging-<pid>`, or `.NAME.previous-<pid>` where folders cannot trade places;
  `.NAME.verify-<pid>`, the clean build of `--verify`) beside the output; the output
  itself is untouched. The next build removes the ones whose process is gone. A folder
  whose process still runs is another build's, at work: it stays (a process id taken
  again by an unrelated program keeps the folder until that program ends — a later build
  removes it).
- A file that cannot be written (a full disk, no permission, a read-only disk) is one
  Problem naming that file and the reason, not the exception of whatever step wrote it.
- Any other exception names the file the build was processing when it stopped: the
  source of the innermost content object, else the innermost path, found among the
  local variables of the traceback's frames (Pelican's writer, the plugins' handlers).
"""

import contextlib
import errno
import io
import os
import re
import shutil
import sysconfig
from pathlib import Path

import atomic_files
from content_schema import Problem

WRITE_FAILURES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.EROFS: "the disk is read-only",
}
# Local variables that hold the path of the file a frame works on (Pelican's writer and
# readers, our plugins).
PATH_NAMES = ("path", "filename", "source_path", "source", "target", "destination",
              "cache_file")


def remove_leftovers(output: Path) -> None:
    """Remove the staging folders of builds into `output` that were killed."""
    leftover = re.compile(rf"\.{re.escape(output.name)}\."
                          r"(?:staging|previous|verify|search|search-old)-(\d+)")
    if not output.parent.is_dir():
        return
    for folder in output.parent.iterdir():
        found = leftover.fullmatch(folder.name)
        if found and not _running(int(found[1])):
            # renamed first: a build that takes the same process id meanwhile makes a new
            # folder of that name, which this removal must not touch
            doomed = folder.with_name(f"{folder.name}.removing-{os.getpid()}")
            try:
                folder.rename(doomed)
            except OSError:
                continue  # another build is removing it
            shutil.rmtree(doomed, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def stopped_problem(error: BaseException, content_path: str | None) -> Problem | None:
    """The line for an exception that stopped a build, naming the file, or None when no
    file can be named."""
    if unwritten := write_failure(error):
        return unwritten
    if isinstance(getattr(error, "problem", None), Problem):  # one that says it itself
        return error.problem  # (plugin_order: PLUGINS in the settings)
    source = _innermost_content(error) or _innermost_path(error)
    if not source:
        return None
    if content_path and source.startswith(str(content_path) + os.sep):
        source = os.path.relpath(source, os.path.dirname(content_path))  # content/news/…
    return Problem(source, 1, "",
                   "the build stopped while processing this file: {error}",
                   "run the same command again with --debug and send what it prints to "
                   "whoever looks after the site",
                   params={"error": " ".join(filter(None, (
                       f"{type(error).__name__}: {error}", _raised_in(error))))})


def write_failure(error: BaseException) -> Problem | None:
    """The line for a file that could not be written (the copy's destination, for a
    copy), or None for any other error."""
    if not isinstance(error, OSError) or error.errno not in WRITE_FAILURES:
        return None
    path = error.filename2 or error.filename or _innermost_path(error)
    if not path:
        return None
    return Problem(str(path), 1, "", "cannot write this file: {reason}",
                   "make room or give the build the right to write there, then build "
                   "again", params={"reason": WRITE_FAILURES[error.errno]})


def logged_write_failure(args: tuple) -> Problem | None:
    """The line for a log line about a file that could not be written (Pelican logs a
    failed copy of a theme or static file as a warning, and carries on without it)."""
    return next(filter(None, (write_failure(arg) for arg in args)), None)


def _frames_innermost_first(error: BaseException):
    frames, tb = [], error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return reversed(frames)


# Python's own modules and the installed packages (Pelican, Jinja, blinker…)
_NOT_OURS = tuple({sysconfig.get_paths()[key] for key in ("stdlib", "purelib", "platlib")})


def _raised_in(error: BaseException) -> str | None:
    """Where a plugin, sitetool or a template raised `error`, as `(<folder>/<file>:<line>)`
    (`(gallery/gallery.py:120)`): the innermost frame outside Python's and the installed
    packages' folders. None for an error a forked writer sent back (it has no frames)."""
    tb, found = error.__traceback__, None
    while tb is not None:
        path = tb.tb_frame.f_code.co_filename
        if os.path.isabs(path) and not path.startswith(_NOT_OURS):
            found = f"({Path(path).parent.name}/{Path(path).name}:{tb.tb_lineno})"
        tb = tb.tb_next
    return found


def _innermost_content(error: BaseException) -> str | None:
    from pelican.contents import Content

    for frame in _frames_innermost_first(error):
        for value in frame.f_locals.values():
            if isinstance(value, Content) and value.source_path:
                return value.source_path
    return None


def _innermost_path(error: BaseException) -> str | None:
    """The file the innermost frame that names one had open, or the path it held (in a
    variable of PATH_NAMES, or a `Path` method's own path: `write_bytes`)."""
    for frame in _frames_innermost_first(error):
        values = frame.f_locals
        candidates = [getattr(value, "name", None) for value in values.values()
                      if isinstance(value, io.IOBase)]
        candidates += [values.get(name) for name in PATH_NAMES]
        if isinstance(values.get("self"), Path):
            candidates.append(values["self"])
        for value in candidates:
            if isinstance(value, (str, Path)) and os.path.isabs(value):
                return str(value)
    return None


def save_caches_atomically(generators) -> None:
    """Pelican's content cache (`FileDataCacher.save_cache`) writes its pickle in place:
    a build killed meanwhile leaves half a file, which every later build then fails to
    load (`EOFError`, which Pelican does not catch). Here each cacher of the generators
    writes a file of this process's and renames it over the cache. A cache folder that
    cannot be written (read-only) is left as it is: without it the next build reads every
    file again, and no build fails for it."""
    import pelican_contract

    for cacher in pelican_contract.content_cachers(generators):
        pelican_contract.wrap_cache_opener(cacher, _replacing)


def _replacing(opener):
    def open_cache(path, mode="rb"):
        return _replacing_cache(opener, path, mode) if "w" in mode else opener(path, mode)
    return open_cache


@contextlib.contextmanager
def _replacing_cache(opener, path: str, mode: str):
    """The cache file opened for writing, replacing `path` once closed without error
    (plugins/atomic_files.py); where the cache cannot be written, a file writing nowhere."""
    opened = False
    try:
        with atomic_files.replacing(path, mode, opener=opener) as file:
            opened = True
            yield file
    except OSError as error:
        if opened or error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        with open(os.devnull, "wb") as nowhere:  # a read-only cache: the data goes nowhere
            yield nowhere
