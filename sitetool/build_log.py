"""What a build's phases log, as editors and maintainers are told it: each logged line
becomes an `Entry` — one of our content `Problem`s (printed in the reader's language), a
line of our plugins or sitetool said as it is, or Pelican's own line, which an editor
sees only as "not in your text" (the line itself, and any traceback, with `--debug`).
`collecting_logs()` gathers them while `pipeline` reads and writes the site.
"""

import logging
import os
import sys
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pelican_contract
from content_schema import Problem

from . import faults


@dataclass(frozen=True)
class Entry:
    """One logged line: a content `Problem` (printed in the reader's language), or
    another log line (Pelican's own, in English) that an editor sees only as our
    "not in your text" line — the line itself with `--debug`. `detail` (Pelican's own
    line, a traceback) is shown with `--debug` only."""

    severity: str  # error | warning | notice | debug (shown with --debug only)
    problem: Problem | None = None
    text: str = ""
    detail: str = ""
    ours: bool = False  # logged by our plugins or sitetool, for whoever runs the build
    crashed: bool = False  # an exception nobody expected stopped the build

    @property
    def for_maintainer(self) -> bool:
        """Its line sends the editor to whoever looks after the site: a crash, or
        Pelican's own line ("not in your text")."""
        return self.crashed or (self.problem is None and not self.ours
                                and self.severity != "debug")

    def render(self, lang: str, debug: bool = False) -> str:
        if self.problem:
            line = self.problem.render(lang)
        elif debug or self.ours:  # e.g. "search index: Pagefind failed (exit status 1): …"
            line = self.text
        else:
            from .i18n import Messages

            line = Messages(lang)._(
                "The site's program reported a problem that is not in your text. Run the "
                "same command again with --debug and send what it prints to whoever looks "
                "after the site.")
        return f"{line}\n{self.detail}" if debug and self.detail else line

    def __str__(self) -> str:
        return self.render("en")

    @property
    def sort_key(self):
        if self.problem:
            return (0, self.problem.path, self.problem.line, self.problem.field)
        return (1, self.text, 0, "")


# Where the lines of our plugins and of sitetool are logged from: said as they are (a
# failed Pagefind), not as Pelican's own lines, which an editor sees only with --debug.
OUR_CODE = (str(Path(__file__).resolve().parent.parent / "plugins") + os.sep,
            str(Path(__file__).resolve().parent) + os.sep)


# Pelican's own lines about content, and the Problem an editor gets instead. The lines
# it logs for dead {filename} links are said by `check.broken_links`, with the line.
COVERED_BY_OUR_RULES = ("Unable to find '%s', skipping url replacement.",)


def _pelican_problem(record, content_path: str) -> Problem | None:
    """Our line for one of Pelican's lines about a content file, or None."""
    def shown(path):  # as the editor knows it: content/news/…
        return os.path.relpath(os.path.join(content_path, path),
                               os.path.dirname(content_path))
    if record.msg == "Could not process %s":
        return Problem(shown(record.args[0]), 1, "",
                       "this file could not be read: the site's program stopped on it",
                       "run the same command again with --debug and send what it prints "
                       "to whoever looks after the site")
    if record.msg == "Empty alt attribute for image %s in %s":
        image, path = record.args
        return Problem(shown(path), _line_naming(path, image), "",
                       "the picture {image} has no description (alt text)",
                       "describe what it shows between its square brackets: "
                       "![what the picture shows](…)", severity="warning",
                       params={"image": image})
    if record.msg == "Skipping %s: could not find information about '%s'":
        path, name = record.args
        return Problem(shown(str(path)), 1, str(name), "is missing",
                       "add a line such as  {field}: {example}",
                       params={"field": str(name), "example": "…"})
    return None


def _line_naming(path: str, image: str) -> int:
    """The first line of a source file with a Markdown image of the file `image` (Pelican
    names only the file), else the first naming it at all (an <img>), else 1."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, ValueError):
        return 1
    for wanted in (lambda line: "![" in line and image in line, lambda line: image in line):
        found = next((number for number, line in enumerate(lines, 1) if wanted(line)), None)
        if found:
            return found
    return 1


class LogCollector(logging.Handler):
    """Remembers problems logged while the site is read and written: every WARNING and
    ERROR line, and content `Problem`s logged at INFO (notices). Pelican's own lines
    about a content file become our Problems once `content_path` (the settings' PATH) is
    known."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.entries: list[Entry] = []
        self.content_path: str | None = None

    def emit(self, record):
        args = record.args if isinstance(record.args, tuple) else ()
        problem = next((a for a in args if isinstance(a, Problem)), None)
        if record.levelno >= logging.ERROR:
            severity = "error"
        elif record.levelno >= logging.WARNING:
            severity = "warning"
        elif problem is not None:
            severity = "notice"
        else:
            return  # Pelican's "Writing …" and other progress chatter
        detail = ""
        if problem is None:
            detail = record.getMessage() + _traceback(record)
            if record.msg in COVERED_BY_OUR_RULES:
                severity = "debug"
            elif self.content_path and args:
                problem = _pelican_problem(record, self.content_path)
            problem = problem or faults.logged_write_failure(args)
        if problem is not None and problem.severity in ("error", "warning", "notice"):
            severity = max(severity, problem.severity, key=_SEVERITY_RANK.index)
        self.entries.append(Entry(severity, problem, "" if problem else record.getMessage(),
                                  detail if problem else _traceback(record).strip("\n"),
                                  ours=record.pathname.startswith(OUR_CODE)))

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)

    def count(self, severity: str) -> int:
        return sum(1 for e in self.entries if e.severity == severity)

    def failed(self, strict: bool) -> bool:
        return bool(self.count("error") or (strict and self.count("warning")))

    def sorted(self, severities=("error", "warning", "notice")) -> list[Entry]:
        return sorted((e for e in self.entries if e.severity in severities),
                      key=lambda e: e.sort_key)


def _traceback(record) -> str:
    """The exception being handled when the line was logged: Pelican logs a file it could
    not read without it (unless its own DEBUG setting is on)."""
    exc_info = record.exc_info if record.exc_info else sys.exc_info()
    if not exc_info or exc_info[0] is None:
        return ""
    return "\n" + "".join(traceback.format_exception(*exc_info)).rstrip("\n")


_SEVERITY_RANK = ["notice", "warning", "error"]


@contextmanager
def collecting_logs():
    # Pelican says a warning once per process; a preview builds many times in one, and
    # each build must say its own problems (a photo still without alt text after the
    # next save, a problem still there after a full build).
    pelican_contract.forget_said_warnings()
    root = logging.getLogger()
    collector = LogCollector()
    previous_level = root.level
    root.setLevel(logging.INFO)  # notices are logged at INFO
    root.addHandler(collector)
    try:
        yield collector
    finally:
        root.removeHandler(collector)
        root.setLevel(previous_level)


def stopped_entry(error: BaseException, content_path: str | None = None) -> Entry:
    """A build that stopped on an exception: name it, so that a missing template
    (`TemplateNotFound: partials/x.html`) is not just a bare file name, and the file it
    was processing or could not write (`faults`; paths under `content_path` as the
    editor knows them)."""
    return Entry("error", faults.stopped_problem(error, content_path),
                 text=f"{type(error).__name__}: {error}",
                 detail="".join(traceback.format_exception(error)).rstrip("\n"),
                 crashed=faults.write_failure(error) is None)  # a full disk is no crash


