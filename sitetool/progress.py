"""Progress of a long build: files read and written, on one refreshed line."""

import multiprocessing
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Progress:
    """Counts files read and written through Pelican's signals, and shows the counts on
    one refreshed line once a run has taken more than `after` seconds (on a terminal;
    elsewhere, e.g. in a scheduled job's log, a plain line every `every` seconds).
    Pages are written by forked processes too (`parallel`), which inherit the handlers:
    the count of pages written is in memory they share."""

    describe: object  # (read, written) -> str, in the user's language
    stream: object = sys.stderr
    after: float = 1.5
    every: float = 15.0
    read: int = 0
    _written: object = field(
        default_factory=lambda: multiprocessing.get_context("fork").Value("l", 0))
    _stop: threading.Event = field(default_factory=threading.Event)
    _shown: bool = False

    @property
    def written(self) -> int:
        return self._written.value

    def count_read(self, sender, **kwargs):
        self.read += 1

    def count_written(self, path, **kwargs):
        with self._written.get_lock():
            self._written.value += 1

    @contextmanager
    def running(self):
        from pelican import signals

        signals.content_object_init.connect(self.count_read)
        signals.content_written.connect(self.count_written)
        thread = threading.Thread(target=self._show, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()
            signals.content_object_init.disconnect(self.count_read)
            signals.content_written.disconnect(self.count_written)
            if self._shown and self._is_terminal():
                self.stream.write("\r\033[K")
                self.stream.flush()

    def _is_terminal(self) -> bool:
        return hasattr(self.stream, "isatty") and self.stream.isatty()

    def show(self) -> None:
        """One progress line: rewritten in place on a terminal, appended elsewhere."""
        line = self.describe(self.read, self.written)
        self.stream.write(f"\r\033[K{line}" if self._is_terminal() else f"{line}\n")
        self.stream.flush()
        self._shown = True

    def _show(self):
        interval = 0.25 if self._is_terminal() else self.every
        if self._stop.wait(self.after if self._is_terminal() else self.every):
            return
        while True:
            self.show()
            if self._stop.wait(interval):
                return


