"""Live preview: build, serve the output at http://localhost:8000, rebuild on save and
reload the open browser tab.

- Watching: `watchfiles` (inotify) on the content, theme, plugins and settings; a save is
  seen within ~50 ms.
- Rebuilding: the first build, and any change that adds or removes a file or touches the
  theme, plugins, settings or a data file no page shows as its content (an office), is a
  full atomic build (`build.build`), after which the site is read once more for the
  preview itself. An edit to existing content files is quick: when it changed the text
  of stories or pages only, the new text goes into the site read before
  (`preview_text`); otherwise the whole site is read again (Pelican's content cache
  makes that cheap, and every rule runs). Either way only the pages that show an edited
  folder — its own page, its translation, the list pages it is on, the pages of content
  that refers to it — or link to it are rendered again, in place (`preview_writer`).
  Whole-site outputs wait for the next full build: the
  `finalized` handlers (search index, sitemap) and the generators of the plugins in
  `WHOLE_SITE_OUTPUT_PLUGINS` (feeds, calendars). When an edit changes which pages
  exist (a new tag, a story turned into a draft…), a full build follows at once.
- Reloading (the server is `preview_http`): HTML pages are served with one extra
  `<script src="/_sitetool/reload.js">` which listens to `/_sitetool/events`
  (server-sent events): `reload` after a build, `problems` when a change did not build —
  the preview then keeps showing the last good version.
- The problem panel (at the foot of every page, `/_sitetool/panel.css`): what the last
  build said is wrong — a change that did not build, or the warnings of a build that did
  (a photo without alt text, an English title that would move a published address): what
  `check` says and the published site's build refuses. The build reads the whole site,
  so the panel lists the whole site's warnings, the story just saved among them, until
  they are fixed; notices (nothing has to change) stay in the terminal.
- Photos: new photos are shown by their thumbnails first (`GALLERY_THUMBNAILS_FIRST`):
  the build makes only those, the pages list only the renditions that exist, and the
  gallery hands the rest to `Previewer` (plugins/gallery's `gallery_renditions_deferred`
  signal), which makes them on a thread and then builds again, so the open tab reloads
  with every size.
- Headers (`preview_http`): every response carries the security headers production sends
  (`security_headers`, the Content-Security-Policy among them); the reload script is a
  file of this origin, so it works under that policy.
"""

import dataclasses
import hashlib
import http.server
import json
import logging
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import blinker

from . import ROOT, security_headers, web_editor
from .build import build
from .build_log import Entry, collecting_logs, stopped_entry
from .check import publishing_problems
from .i18n import Messages
from .pipeline import Site, content_objects, load_settings, read_site, write_site
from .preview_http import NO_PROBLEMS, Broadcast, request_handler
from .preview_text import put_edited_texts
from .preview_writer import PreviewWriter

WATCHED_CODE = ("theme", "plugins", "pelicanconf.py")
# Sent by plugins/gallery with a function making the renditions it left for later.
RENDITIONS_DEFERRED = blinker.signal("gallery_renditions_deferred")


# --- The rebuild loop -------------------------------------------------------------------

@dataclass
class Outcome:
    ok: bool
    full: bool
    seconds: float
    pages: int  # rendered
    problems: list = field(default_factory=list)


class Previewer:
    """Builds the preview and keeps what a quick rebuild needs."""

    def __init__(self, settings_file: Path, output: Path, overrides: dict):
        self.settings_file, self.output = settings_file, output.resolve()
        base = load_settings(settings_file, overrides)
        self.overrides = {
            # a new gallery shows in seconds, its larger photos follow (_make_later)
            "GALLERY_THUMBNAILS_FIRST": True,
            # an English title being typed is not a published address (translated_addresses)
            "ADDRESS_RECORD_WRITE": False,
            **overrides,
            # static files (photos, attachments) are copied only when they changed
            "STATIC_CHECK_IF_MODIFIED": True,
            # the content cache is written after every rebuild: uncompressed is faster,
            # and kept apart from the builds' compressed one (and per content folder)
            "GZIP_CACHE": False,
            "CACHE_PATH": str(ROOT / ".cache" / "preview" / hashlib.sha256(
                str(base["PATH"]).encode()).hexdigest()[:12]),
        }
        self.content = Path(base["PATH"])
        self.last: PreviewWriter | None = None  # what the last good build wrote
        # The site as the last good build read it, kept for edits to one text
        # (`_text_edited`), and the problems that build said.
        self.site: Site | None = None
        self.standing: list[Entry] = []
        self._folders_of: tuple[Site | None, dict] = (None, {})  # PreviewWriter's, per site
        self.files = self._content_files()
        self.building = threading.RLock()  # the watcher's builds and the ones after photos
        self.on_later_build = None  # called with the Outcome of a build after photos
        self._later: list = []  # functions making renditions, from the gallery
        self._later_lock = threading.Lock()
        self._later_thread: threading.Thread | None = None
        RENDITIONS_DEFERRED.connect(self._make_later)  # weak: lives as long as self

    def _make_later(self, make) -> None:
        with self._later_lock:
            self._later.append(make)
            if not (self._later_thread and self._later_thread.is_alive()):
                self._later_thread = threading.Thread(target=self._work_later, daemon=True)
                self._later_thread.start()

    def _work_later(self) -> None:
        """Make the renditions left for later; build again when some photo got its
        sizes (a photo that fails there is not retried by that build's own deferral)."""
        while True:
            with self._later_lock:
                batch, self._later = self._later, []
                if not batch:
                    return
            if sum(make() for make in batch):
                outcome = self.full()
                if self.on_later_build:
                    self.on_later_build(outcome)

    def wait_for_later(self) -> None:
        """Until every rendition left for later is made and built (tests, benchmarks)."""
        while (thread := self._later_thread) and thread.is_alive():
            thread.join()

    def _content_files(self) -> set[Path]:
        return {Path(folder) / name for folder, _, names in os.walk(self.content)
                for name in names if not name.startswith(".")}

    def full(self) -> Outcome:
        with self.building:
            return self._full()

    def _full(self) -> Outcome:
        recorded = {}

        def writer(settings):
            made = PreviewWriter(settings["OUTPUT_PATH"], settings)
            recorded["writer"] = made
            return made

        result = build(self.settings_file, self.output, overrides=self.overrides,
                       writer_factory=writer)
        self.site = None
        if result.ok:
            self.last, self.standing = recorded["writer"], result.problems
            self.site = self._read_for_edits()
        self.files = self._content_files()
        return Outcome(result.ok, True, result.seconds, result.counts.pages, result.problems)

    def _settings(self) -> dict:
        return load_settings(self.settings_file, {**self.overrides,
                                                  "OUTPUT_PATH": str(self.output)})

    def _read_for_edits(self) -> Site | None:
        """The site read again as the preview's own (a full build reads it for its staging
        folder), so that the first edit of a text is quick too. What it says was said by
        the build."""
        with collecting_logs() as log:
            try:
                site = read_site(self._settings())
            except Exception:  # the next edit reads the site itself, and says why
                return None
        if log.failed(strict=False):
            return None
        self._folders_of = (site, {})
        PreviewWriter(str(self.output), site.settings, folders_of=self._folders_of[1]).folders(
            content_objects(site))  # what each shows, noted now rather than at the first save
        return site

    def changed(self, paths: set[Path]) -> Outcome:
        """Rebuild after `paths` changed: quickly when only existing content changed."""
        with self.building:
            return self._changed(paths)

    def _changed(self, paths: set[Path]) -> Outcome:
        # Files added or removed come as changes too: no need to walk the content again.
        files = ((self.files | {p for p in paths if p.is_file() and self.content in p.parents
                                and not p.name.startswith(".")})
                 - {p for p in paths if not p.exists()})
        # Quick only for edits inside content folders that pages show (not the theme,
        # not data files such as offices, which no page lists as its content).
        shown = set().union(*self.last.shows.values()) if self.last else set()
        if files != self.files or not all(
                any(str(folder) in shown for folder in p.parents) for p in paths):
            return self.full()
        started = time.perf_counter()
        touched = {str(folder) for p in paths for folder in p.parents
                   if self.content in folder.parents}
        if self.site and put_edited_texts(self.site, paths, self.standing):
            with collecting_logs() as log:
                try:
                    writer = self._render(self.site, touched)
                except Exception as error:
                    log.add(stopped_entry(error))
            if not log.entries:  # else the whole read below says it in its words
                return self._kept(writer, self.standing, started)
        self.site = None
        settings = self._settings()
        with collecting_logs() as log:
            log.content_path = settings["PATH"]
            try:
                site = read_site(settings)
                # links checked in the edited files only: the others' were checked by
                # the build that read them (reading every file again costs a tenth of
                # a second at 500 stories)
                edited = [c for c in content_objects(site) if (c.source_path or "").endswith(".md")
                          and os.path.dirname(c.source_path) in touched]
                for problem in publishing_problems(site, edited):
                    log.add(Entry(problem.severity, problem))
                if not log.failed(strict=False):
                    writer = self._render(site, touched)
            except Exception as error:
                log.add(stopped_entry(error))
        if log.failed(strict=False):
            return Outcome(False, False, time.perf_counter() - started, 0, log.sorted())
        outcome = self._kept(writer, log.sorted(), started)
        self.site = site if outcome.ok and not outcome.full else None
        return outcome

    def _render(self, site: Site, touched: set[str]) -> PreviewWriter:
        """Render the pages that show the content folders `touched` or link to them (the
        others stay on disk); whole-site outputs wait for the next full build."""
        if self._folders_of[0] is not site:
            self._folders_of = (site, {})
        writer = PreviewWriter(str(self.output), site.settings, self.last, self._folders_of[1])
        writer.only_for(touched, {c.url for c in content_objects(site)
                                  if os.path.dirname(c.source_path) in touched
                                  and getattr(c, "url", "")})
        # Pelican says "Writing …" for each page of a list, rendered or kept: lines the
        # preview drops (LogCollector), made and handled 5,000 times at 2,500 stories
        chatter = logging.getLogger("pelican.writers")
        level = chatter.level
        chatter.setLevel(logging.WARNING)
        try:
            write_site(site, writer, finalize=False,
                       skip_plugins=tuple(site.settings["WHOLE_SITE_OUTPUT_PLUGINS"]))
        finally:
            chatter.setLevel(level)
        return writer

    def _kept(self, writer: PreviewWriter, problems: list, started: float) -> Outcome:
        """The outcome of a quick rebuild that rendered with `writer`; a full build when
        pages appeared or went away."""
        skipped = tuple(writer.settings["WHOLE_SITE_OUTPUT_PLUGINS"])
        expected = {name for name, plugin in self.last.made_by.items() if plugin not in skipped}
        if set(writer.shows) != expected:
            return self.full()  # pages appeared or went away
        for name in self.last.shows.keys() - expected:  # the skipped generators' files
            writer.shows[name] = self.last.shows[name]
            writer.links[name] = self.last.links.get(name, frozenset())
            writer.made_by[name] = self.last.made_by[name]
        self.last, self.standing = writer, problems
        return Outcome(True, False, time.perf_counter() - started, writer.rendered, problems)


# --- Telling the editor ---------------------------------------------------------------

def _tell(outcome: Outcome, report, broadcast: Broadcast, lang: str, said: set[str]) -> None:
    """The editor's terminal and every preview tab learn how a build went: the tabs
    reload after a build (and show its warnings when they connect again), or show the
    problems of a change that did not build. The terminal is told a notice (nothing has
    to change) once a session, `said` holding those told: every rebuild reads the whole
    site and would say them all again after each save."""
    report(dataclasses.replace(outcome, problems=[
        e for e in outcome.problems if e.severity != "notice" or e.render(lang) not in said]))
    said.update(e.render(lang) for e in outcome.problems if e.severity == "notice")
    panel = problem_panel(outcome, Messages(lang))
    if outcome.ok:
        broadcast.send("reload", standing=panel)
    else:
        broadcast.send("problems", panel, standing=panel)


def problem_panel(outcome: Outcome, messages: Messages) -> str:
    """What the preview's problem panel shows after `outcome`, in the editor's language
    (JSON): a change that did not build and why, or the warnings of a build — what the
    published site's build refuses. One line per problem, as `check` says it."""
    _ = messages._
    if outcome.ok:
        shown = [e for e in outcome.problems if e.severity == "warning"]
        heading = _("Warnings (the published site's build refuses these too):")
    else:
        shown = outcome.problems
        heading = _("This change did not build; the preview shows the previous version:")
    if not shown:
        return NO_PROBLEMS
    return json.dumps({"lines": [e.render(messages.lang) for e in shown],
                       "heading": heading, "failed": not outcome.ok,
                       "hide": _("Hide these lines")}, ensure_ascii=False)


def serve(settings_file: Path, output: Path, host: str, port: int, overrides: dict,
          lang: str, report, announce) -> None:
    """Serve until interrupted; `report(outcome)` tells the editor about each build,
    `announce(url, editor_url)` where to look (the web editor's address, or None when it
    is not there)."""
    import watchfiles

    headers = security_headers.read(
        load_settings(settings_file, overrides)["SECURITY_HEADERS_FILE"])
    broadcast, stop = Broadcast(), threading.Event()
    # The port first: if it is taken, say so before spending time on a build.
    server = http.server.ThreadingHTTPServer((host, port),
                                             request_handler(output.resolve(), broadcast,
                                                             stop, headers))
    server.daemon_threads = True
    address = f"http://{host}:{server.server_address[1]}"
    # The pages' links and stylesheets at the preview's own address, whatever --host and
    # --port: the policy allows this origin only.
    previewer = Previewer(settings_file, output, {"SITEURL": address, **overrides})
    said: set[str] = set()  # the notices told in the terminal (`_tell`)
    previewer.on_later_build = lambda outcome: _tell(outcome, report, broadcast, lang, said)
    server.origin, server.editor = address, None
    admin_files = tempfile.TemporaryDirectory(prefix="sitetool-admin-")
    try:
        server.editor = web_editor.PreviewEditor(
            load_settings(settings_file, overrides), Path(admin_files.name))
    except web_editor.WebEditorMissing as error:
        print(error.says(Messages(lang)), file=sys.stderr, flush=True)
    _tell(previewer.full(), report, broadcast, lang, said)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    announce(address + "/", address + web_editor.PREFIX if server.editor else None)
    watched = [previewer.content, *(ROOT / name for name in WATCHED_CODE),
               Path(settings_file).resolve()]
    try:
        for changes in watchfiles.watch(*{str(p) for p in watched if p.exists()},
                                        debounce=50, step=25, stop_event=stop,
                                        raise_interrupt=False):
            paths = {Path(path) for _, path in changes if not Path(path).name.startswith(".")}
            if not paths:
                continue
            _tell(previewer.changed(paths), report, broadcast, lang, said)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        if server.editor:
            server.editor.stop()
        admin_files.cleanup()

