"""Rendering the pages on every CPU core the build may use.

Pelican renders its pages one after the other on one core; rendering is most of a cold
build. Here the generators run as usual in the build's process — everything they do
besides asking the writer for a page (feeds, calendars, photos, static files) happens
once, there — but each `writer.write_file(…)` call is noted instead of carried out
(`DeferringWriter`). Then the noted calls are shared out by their number of pages
(a paginated list is one call and many pages), and `fork()`ed processes carry out
their shares with Pelican's own writer while this process carries out its own. A forked
process starts with the read site and the compiled templates in its memory, so nothing
is read or compiled twice, and each page is written by exactly one process: the output
is the same, byte for byte, as one process would write (tests/test_parallel_render.py).

What the other processes log (a template's warning, an error) is sent back and joins
the build's own log, so a failed page fails the build as it would in one process.
"""

import heapq
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
    """Stands in for Pelican's writer while the generators run: notes each page (or
    paginated series of pages) they ask for."""

    def __init__(self, writer):
        self.writer = writer
        self.calls: list[tuple[int, tuple, dict]] = []  # (pages, args, kwargs)

    def write_file(self, *args, **kwargs):
        self.calls.append((self._pages(*args, **kwargs), args, kwargs))

    def _pages(self, name, template, context, relative_urls=False, paginated=None,
               template_name=None, override_output=False, url=None, **kwargs) -> int:
        """How many pages the call writes, as Pelican's writer would count them."""
        from pelican.paginator import Paginator

        settings = self.writer.settings
        lists = paginated if paginated is not None else {
            key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if not lists or template_name not in settings["PAGINATED_TEMPLATES"]:
            return 1
        per_page = (settings["PAGINATED_TEMPLATES"][template_name]
                    or settings["DEFAULT_PAGINATION"])
        return Paginator(name, url, next(iter(lists.values())), settings, per_page).num_pages

    def __getattr__(self, name):  # anything else (write_feed…) goes to Pelican's writer
        return getattr(self.writer, name)

    def render(self, processes: int) -> None:
        shares = _shares(self.calls, processes)
        self.calls = []
        context = multiprocessing.get_context("fork")
        sys.stdout.flush()  # or a forked process would print what is buffered once more
        sys.stderr.flush()
        workers = []
        for share in shares[1:]:
            receiving, sending = context.Pipe(duplex=False)
            worker = context.Process(target=_render_share, args=(self.writer, share, sending))
            worker.start()
            sending.close()
            workers.append((worker, receiving))
        errors = [_write(self.writer, shares[0])]
        errors += [_collect(worker, receiving) for worker, receiving in workers]
        stopped = [error for error in errors if error is not None]
        if stopped:
            raise stopped[0]


def _shares(calls, processes: int) -> list[list]:
    """The calls in `processes` shares of about as many pages each (largest first, each
    to the lightest share), each share in the order the generators made its calls."""
    heap = [(0, number, []) for number in range(processes)]
    order = sorted(range(len(calls)), key=lambda i: -calls[i][0])
    for index in order:
        pages, number, share = heapq.heappop(heap)
        share.append(index)
        heapq.heappush(heap, (pages + calls[index][0], number, share))
    return [[calls[i] for i in sorted(share)] for _, _, share in sorted(heap, key=lambda s: s[1])]


def _write(writer, share) -> Exception | None:
    """Write the share's pages; the error that stopped it, if any."""
    try:
        for _pages, args, kwargs in share:
            writer.write_file(*args, **kwargs)
    except Exception as error:
        return error
    return None


class _Keeper(logging.Handler):
    """In a forked process: keeps every log record, to be sent back."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _render_share(writer, share, sending) -> None:
    """In a forked process: write the share, then send back what was logged and the
    error that stopped it, if any."""
    root = logging.getLogger()
    for handler in list(root.handlers):  # the build's process shows them, once
        root.removeHandler(handler)
    keeper = _Keeper()
    root.addHandler(keeper)
    error = _write(writer, share)
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
    for record in records:
        logging.getLogger(record.name).handle(record)
    if error is None and worker.exitcode:
        error = RuntimeError(f"a page-rendering process stopped (exit code {worker.exitcode})")
    return error
