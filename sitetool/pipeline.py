"""Pelican's `run()` split into the two phases sitetool needs.

- `read_site()`: every generator's `generate_context()`, then `all_generators_finalized`
  and the summary-link refresh. Every reader, `*_generator_context` and
  `*_generator_finalized` handler of every plugin runs, so all validation happens here —
  `sitetool check` stops after this phase and writes nothing.
- `write_site()`: every generator's `generate_output()` (optionally with our own writer,
  as the preview does), then `finalized`.

This is the order of `Pelican.run()` in Pelican 4.12 (pinned), minus its output-folder
cleaning (the build writes into a staging folder: `build`) and its console summary. One
thing comes later: the generators of `WHOLE_SITE_OUTPUT_PLUGINS` run after every page is
written (and `sitetool_signals.pages_written` sent).
"""

import copy
import gc
import logging
import multiprocessing
import os
import sys
import threading
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pelican_contract
from content_schema import Problem
from sitetool_signals import pages_written

from . import faults


@dataclass
class Site:
    pelican: object
    context: dict
    generators: list

    @property
    def settings(self) -> dict:
        return self.pelican.settings


def load_settings(settings_file: Path, overrides: dict) -> dict:
    """The settings, with `PLUGINS` in the order their declarations ask (each provider
    before its readers: plugins/plugin_order.py; a needed plugin left out raises)."""
    from pelican.settings import read_settings

    from plugin_order import load_order

    settings = read_settings(str(settings_file), override=overrides)
    # Pelican's Markdown reader adds its extensions to this dict. A settings file that
    # imports it from a module (publishconf.py, benchmarks/benchconf.py: `from pelicanconf
    # import *`) hands every load the module's one dict, so the next build of the process
    # had other settings, another content-cache key, and read every source again (the
    # preview's first rebuild after its first build: 1,030 files at 500 stories).
    settings["MARKDOWN"] = copy.deepcopy(settings["MARKDOWN"])
    settings["PLUGINS"] = load_order(settings["PLUGINS"], settings["PLUGIN_PATHS"],
                                     settings_file)
    return settings


def read_site(settings: dict) -> Site:
    from pelican import Pelican

    from .parallel import processes_for, read_on_every_core

    pelican = Pelican(settings)
    context, generators = pelican_contract.make_generators(pelican)
    _walk_and_hash_once(generators)
    faults.save_caches_atomically(generators)
    read_on_every_core(generators, processes_for(settings))
    pelican_contract.generate_contexts(generators)
    return Site(pelican, context, generators)


def _walk_and_hash_once(generators) -> None:
    """Within one read, each source folder walked and each source hashed once.

    Pelican walks a generator's folders for each use (`read_on_every_core()`, then
    `generate_context()`), and its content cache hashes a source when its reading is
    looked up, stored, and looked up again by the generator's own cache: 8 walks and
    4,636 hashes for the 1,045 sources of the 500-story site, in every preview rebuild.
    Here the first answer stands for the rest of the read. A source saved while the
    build reads keeps the hash it had when first seen, so the next build reads it again.
    """
    hashes = {}

    def remembered(hash_file):
        def stamp(path):
            if path not in hashes:
                hashes[path] = hash_file(path)
            return hashes[path]
        return stamp

    for generator in generators:
        walks = {}
        walk = generator.get_files

        def get_files(paths, exclude=None, extensions=None, walks=walks, walk=walk):
            key = (repr(paths), repr(exclude),
                   extensions if extensions in (None, False) else tuple(extensions))
            if key not in walks:
                walks[key] = frozenset(walk(paths, exclude=exclude, extensions=extensions))
            return walks[key]

        pelican_contract.replace_file_listing(generator, get_files)
    for cacher in pelican_contract.content_cachers(generators):
        pelican_contract.wrap_file_stamp(cacher, remembered)


def write_site(site: Site, writer=None, finalize: bool = True,
               skip_plugins: tuple[str, ...] = (), processes: int = 1,
               before_pages_written=None) -> None:
    """Pages first — by `processes` processes when more than one (`parallel`) —, then
    the generators of the plugins in `WHOLE_SITE_OUTPUT_PLUGINS` (feeds, calendars) and
    the `finalized` handlers (sitemap, search index), while what the receivers of
    `sitetool_signals.pages_written` started (Pagefind) works on the pages.
    `before_pages_written()` runs when the pages are written: what reads them must find
    only what this build wrote. `finalize=False` leaves out the `finalized` handlers, and
    `skip_plugins` the generators of those plugins: whole-site outputs (search index,
    sitemap, feeds…) that a preview's quick rebuild keeps from its last full build."""
    from pelican import signals

    # The read site lives until the build ends: the garbage collector need not walk it
    # again and again while pages are rendered (at 2,500 stories per language its time
    # fell from 1.4 s to 0.8 s), and forked processes then leave its memory unshared
    # less often (Python's gc.freeze() documentation advises it before fork()).
    gc.freeze()
    started = []
    try:
        writer, whole_site = _write_pages(site, writer, skip_plugins, processes)
        if finalize:
            if before_pages_written:
                before_pages_written()
            started = [work for _, work in pages_written.send(site.pelican)
                       if hasattr(work, "wait")]
        for generator in whole_site:
            _generate(generator, writer)
        if finalize:
            signals.finalized.send(site.pelican)
    finally:
        for work in started:  # a failed build must leave nothing writing into its folder
            work.wait()
        gc.unfreeze()  # a preview rebuilds many times in one process


def _write_pages(site: Site, writer, skip_plugins: tuple[str, ...], processes: int):
    """Run the page generators; the writer, and the generators of
    `WHOLE_SITE_OUTPUT_PLUGINS`, for later."""
    from .parallel import DeferringWriter

    writer = writer or pelican_contract.make_writer(site.pelican)
    whole_site = []
    if processes > 1:
        writer = DeferringWriter(writer, processes)
    for generator in site.generators:
        plugin = _plugin_of(generator)
        if plugin in skip_plugins or not hasattr(generator, "generate_output"):
            continue
        if plugin in site.settings["WHOLE_SITE_OUTPUT_PLUGINS"]:
            whole_site.append(generator)
        else:
            _generate(generator, writer)
    if processes > 1:
        writer.start()
        writer.finish()
    return writer, whole_site


def _plugin_of(generator) -> str:
    return type(generator).__module__.split(".")[0]  # "feeds", or "pelican" itself


def _generate(generator, writer) -> None:
    if hasattr(writer, "writing_for"):  # the preview's writer notes who wrote what
        writer.writing_for = _plugin_of(generator)
    generator.generate_output(writer)


def content_objects(site: Site):
    """Every content object the generators hold (stories, pages, their translations,
    drafts, static files, and whatever content plugins' generators keep in lists)."""
    from pelican.contents import Content

    seen = set()
    for generator in site.generators:
        for value in vars(generator).values():
            if not isinstance(value, list):
                continue
            for item in value:
                if isinstance(item, Content) and id(item) not in seen:
                    seen.add(id(item))
                    yield item


# --- What the phases log -------------------------------------------------------------

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


# --- Progress on long runs -------------------------------------------------------------

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


