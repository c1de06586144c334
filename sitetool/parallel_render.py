"""Rendering the pages on every CPU core the build may use.

Pelican renders its pages one after the other on one core; rendering is most of a cold
build. Here the page generators run as usual in the build's process — everything they
do besides asking the writer for a page (photos, for one) happens once, there — but each
`writer.write_file(…)` call is noted instead of carried out (`DeferringWriter`). Then
`fork()`ed processes and this one take the noted calls one at a time, in order, from a
shared counter, and carry them out with Pelican's own writer, while this process first
runs the generators that write whole-site files of their own (`WHOLE_SITE_OUTPUT_PLUGINS`:
feeds, calendars) — pages those ask for are written at once. A forked process starts
with the read site and the compiled templates in its memory, so nothing is read or
compiled twice, and each page is written by exactly one process: the output is the same,
byte for byte, as one process writes (tests/test_parallel_render.py).

What the other processes log (a template's warning, an error) is sent back and logged
here, so a page that fails fails the build as it would in one process.
"""

import logging
import multiprocessing
import os
import pickle
import sys


def processes_for(settings: dict) -> int:
    """`RENDER_PROCESSES`: 0 = one per CPU core this process may use."""
    wanted = settings.get("RENDER_PROCESSES", 0)
    return wanted or len(os.sched_getaffinity(0))


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
        context = multiprocessing.get_context("fork")
        self._taken = context.Value("l", 0)  # how many noted calls processes have taken
        sys.stdout.flush()  # or a forked process would print what is buffered once more
        sys.stderr.flush()
        self._workers = []
        for _ in range(self.processes - 1):
            receiving, sending = context.Pipe(duplex=False)
            worker = context.Process(target=_render_in_fork, args=(self, sending))
            worker.start()
            sending.close()
            self._workers.append((worker, receiving))

    def finish(self) -> None:
        """Help with the noted pages until none are left; then collect what the other
        processes logged, and raise the first error that stopped one."""
        errors = [self._write_noted()]
        errors += [_collect(worker, receiving) for worker, receiving in self._workers]
        stopped = [error for error in errors if error is not None]
        if stopped:
            raise stopped[0]

    def _write_noted(self) -> Exception | None:
        """Take noted calls and carry them out until none are left; the error that
        stopped this process, if any."""
        try:
            while (index := self._take()) < len(self.calls):
                args, kwargs = self.calls[index]
                self.writer.write_file(*args, **kwargs)
        except Exception as error:
            return error
        return None

    def _take(self) -> int:
        with self._taken.get_lock():
            index = self._taken.value
            self._taken.value = index + 1
        return index


class _Keeper(logging.Handler):
    """In a forked process: keeps every log record, to be sent back."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _render_in_fork(writer: DeferringWriter, sending) -> None:
    """In a forked process: write noted pages, then send back what was logged and the
    error that stopped it, if any."""
    root = logging.getLogger()
    for handler in list(root.handlers):  # the build's process shows them, once
        root.removeHandler(handler)
    keeper = _Keeper()
    root.addHandler(keeper)
    error = writer._write_noted()
    if not _pickles(error):
        error = RuntimeError(f"{type(error).__name__}: {error}")
    for record in keeper.records:
        if not _pickles(record.args):  # a content Problem does; anything else as text
            record.msg, record.args = record.getMessage(), None
        record.exc_info = None
    sending.send((keeper.records, error))
    sending.close()


def _pickles(value) -> bool:
    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


def _collect(worker, receiving) -> Exception | None:
    """Log what a forked process logged, as if this process had; the error that
    stopped it, if any."""
    try:
        records, error = receiving.recv()
    except EOFError:  # the process died without a word (killed, out of memory)
        records, error = [], None
    worker.join()
    from pelican.log import FilteredMessage

    for record in records:
        try:
            logging.getLogger(record.name).handle(record)
        except FilteredMessage:  # Pelican's loggers drop a repeated warning this way
            pass
    if error is None and worker.exitcode:
        error = RuntimeError(f"a page-rendering process stopped (exit code {worker.exitcode})")
    return error
