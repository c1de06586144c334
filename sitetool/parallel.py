"""Reading and rendering on every CPU core the build may use (`RENDER_PROCESSES`).

Pelican reads its sources and renders its pages one after the other on one core; the two
are most of a cold build. `fork()`ed processes share the work and start with everything
the build's process had in memory (settings, plugins, the read site, compiled templates),
so nothing is done twice, and each file is read or written by exactly one process. The
site is the same, byte for byte, as one process builds (tests/test_parallel.py).

- Reading (`read_on_every_core`): before the generators read, the sources whose reading
  is not in Pelican's content cache (new or changed files; all of them in a cold build)
  are read by every process, each its share, through Pelican's own readers, and put in
  the cache. The generators then read as usual and find every file there — exactly what
  a warm build does. A file a process could not read is simply read again, as usual.
- Rendering (`DeferringWriter`): the page generators run as usual in the build's process
  — everything they do besides asking the writer for a page (photos, for one) happens
  once, there — but each `writer.write_file(…)` call is noted instead of carried out.
  Then forked processes and this one take the noted calls one at a time, in order, from
  a shared counter and carry them out with Pelican's writer. The generators that write
  whole-site files of their own (`WHOLE_SITE_OUTPUT_PLUGINS`: feeds, calendars) run
  after that, in this process, while Pagefind indexes the pages (`pipeline.write_site`).

What the other processes log (a template's warning, an error) is sent back and logged
here, so a page that fails fails the build as it would in one process.

The processes are forked, not spawned (why: plugins/worker_processes.py). Not a
`concurrent.futures` pool with a `logging.handlers.QueueHandler`, which would not be
shorter: `QueueHandler` turns a record's arguments into text, and the build's log reads
the content `Problem` among them, so it would need a handler of its own all the same; a
pool's worker leaves by flushing stdout, whose lock a thread of the preview server may
have held at the fork; and the queue's listener is one more thread in the build.
"""

import logging
import multiprocessing
import os
import pickle
import sys

import pelican_contract
from worker_processes import die_with_this_process, usable_cores

# Below this many files per process, forking costs more than it saves: forking and
# collecting a process with a 500-story site in memory took 4–6 ms, reading one story
# 0.6 ms (7–11 stories' worth). The preview's rebuilds read one or two.
FILES_WORTH_A_PROCESS = 10


def processes_for(settings: dict) -> int:
    """`RENDER_PROCESSES`: 0 = one per CPU core this process may use."""
    return settings.get("RENDER_PROCESSES", 0) or usable_cores()


# --- Reading -----------------------------------------------------------------------------

def read_on_every_core(generators, processes: int) -> None:
    """Put the reading of every source missing from Pelican's content cache into it,
    read by `processes` processes."""
    unread = []  # (the generator's readers, absolute path)
    for generator in generators:
        names = pelican_contract.SOURCE_SETTINGS.get(type(generator).__name__)
        readers = getattr(generator, "readers", None)
        if names is None or readers is None or not pelican_contract.caches_readings(readers):
            continue  # with the cache off (`--no-cache`) the generators read everything
        paths, excludes = (generator.settings[name] for name in names)
        for relative in sorted(generator.get_files(paths, exclude=excludes)):
            path = os.path.abspath(os.path.join(generator.path, relative))
            if readers.get_cached_data(path, (None, None))[0] is None:
                unread.append((readers, path))
    processes = min(processes, len(unread) // FILES_WORTH_A_PROCESS)
    if processes < 2:
        return
    shares = [unread[number::processes] for number in range(processes)]
    workers = [_fork(_read_share, share) for share in shares[1:]]
    readings = [_read_share(shares[0])]
    readings += [_collect(*worker) for worker in workers]
    for share, read in zip(shares, readings, strict=True):
        for (readers, path), reading in zip(share, read, strict=True):
            if reading is not None:
                readers.cache_data(path, reading)


def _read_share(share) -> list:
    """(content, metadata) of each file as Pelican's `Readers.read_file()` caches it; None
    for a file that could not be read (the generator reads it again, and says why)."""
    readings = []
    for readers, path in share:
        try:
            readings.append(pelican_contract.reading_to_cache(readers, path))
        except Exception:
            readings.append(None)
    return readings


# --- Rendering ---------------------------------------------------------------------------

class DeferringWriter:
    """Stands in for Pelican's writer: notes the pages (or paginated series of pages)
    the generators ask for until `start()`, then writes them at once."""

    def __init__(self, writer, processes: int):
        self.writer, self.processes = writer, processes
        self.calls: list[tuple[tuple, dict]] = []
        self._workers = None
        self._taken = None

    def write_file(self, *args, **kwargs):
        if self._workers is None:
            self.calls.append((args, kwargs))
        else:
            self.writer.write_file(*args, **kwargs)

    def __getattr__(self, name):  # anything else (write_feed…) goes to Pelican's writer
        return getattr(self.writer, name)

    def start(self) -> None:
        """Fork the other processes; they start on the noted pages."""
        self._taken = multiprocessing.get_context("fork").Value("l", 0)  # calls taken
        self._workers = [_fork(self._write_noted_and_report)
                         for _ in range(self.processes - 1)]

    def finish(self) -> None:
        """Help with the noted pages until none are left; then log what the other
        processes logged, and raise the first error that stopped one."""
        errors = []
        try:
            self._write_noted()
        except Exception as error:
            errors.append(error)
        for worker in self._workers:  # all of them, even after an error: none left behind
            try:
                report = _collect(*worker)
            except Exception as error:
                errors.append(error)
            else:
                if report is not None:
                    self.writer.absorb(report)
        if errors:
            raise errors[0]

    def _write_noted(self) -> None:
        while (index := self._take()) < len(self.calls):
            args, kwargs = self.calls[index]
            self.writer.write_file(*args, **kwargs)

    def _write_noted_and_report(self):
        """In a forked process: what the writer has to tell of its pages (a writer with
        a `report()` — what each page showed: `incremental` — takes it in with
        `absorb()`), else None."""
        self._write_noted()
        report = getattr(self.writer, "report", None)
        return report() if report else None

    def _take(self) -> int:
        with self._taken.get_lock():
            index = self._taken.value
            self._taken.value = index + 1
        return index


# --- Forked processes ----------------------------------------------------------------------

class _Keeper(logging.Handler):
    """In a forked process: keeps every log record, to be sent back."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _fork(work, *args):
    """Run `work(*args)` in a forked process; (process, pipe) for `_collect`."""
    context = multiprocessing.get_context("fork")
    sys.stdout.flush()  # or the forked process would print what is buffered once more
    sys.stderr.flush()
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_run_forked,
                             args=(work, args, sending, die_with_this_process()))
    worker.start()
    sending.close()
    return worker, receiving


def _run_forked(work, args, sending, die_with_parent) -> None:
    """In a forked process: run the work, then send back what it returned, what was
    logged and the error that stopped it, if any."""
    die_with_parent()  # a killed build's writers would write on into its staging folder
    root = logging.getLogger()
    for handler in list(root.handlers):  # the build's process shows them, once
        root.removeHandler(handler)
    keeper = _Keeper()
    root.addHandler(keeper)
    result = error = None
    try:
        result = work(*args)
    except Exception as raised:
        error = raised if _pickles(raised) else RuntimeError(f"{type(raised).__name__}: {raised}")
    for record in keeper.records:
        if not _pickles(record.args):  # a content Problem does; anything else as text
            record.msg, record.args = record.getMessage(), None
        record.exc_info = None
    sending.send((keeper.records, result, error))
    sending.close()
    # Leave now, skipping the flush of stdout and stderr multiprocessing would do: their
    # locks may have been held by another thread of the forking process (the preview
    # server's), and the process would wait for them forever. Its log has been sent.
    os._exit(0)


def _pickles(value) -> bool:
    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


def _collect(worker, receiving):
    """Log what a forked process logged, as if this process had, and return what its
    work returned; raise the error that stopped it."""
    try:
        records, result, error = receiving.recv()
    except EOFError:  # the process died without a word (killed, out of memory)
        records, result, error = [], None, None
    worker.join()
    for record in records:
        pelican_contract.handle_as_logged(record)
    if error is None and worker.exitcode:
        error = RuntimeError(f"a build process stopped (exit code {worker.exitcode})")
    if error is not None:
        raise error
    return result
