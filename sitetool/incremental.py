"""Incremental production builds: after an edit to the text of stories, only the pages
that showed those texts are rendered again; every other page is hard-linked from the
site being served into the staging folder (issue 20).

What a page is made from is recorded while it is rendered: the Jinja environments look
up every attribute and item through `getattr()` / `getitem()` (`pelican_contract.
template_environments`), and each content object a page's templates look into — the
story itself, the stories of a list page, a service's recent changes, a translation's
address — is noted for that page. The record (`CACHE_PATH/builds/<output>.pages.json`)
keeps, besides each page's sources, what the build was made from:

- the program: settings, day, strict or not, theme, plugins, sitetool, the project's
  Python files and the packages (`build_record.program_digest`);
- each story's Markdown file (`ARTICLE_PATHS`): the hash of its front matter and of the
  whole file; every other content file (pages, services, offices, notices, photos and
  their sidecars): its size and modification time;
- the served site (`build_record.output_digest`).

A build may render only some pages when the program, the list of content files, every
front matter and every other content file are as recorded, and the served site is the
one the record describes: then only the text below the front matter of some stories
changed. That text reaches the pages only through their content objects (`content`,
`summary`, the gallery's renditions of its images), so a page whose recorded sources
include none of those stories is the page the last build made. Everything a front
matter decides — which pages exist, the lists, their order and pages, tags, years,
translations, titles — is then unchanged too. Any other change renders every page, and
the build says why (`Plan.reason`). Whole-site outputs made from front matter alone
(`FRONT_MATTER_OUTPUT`: the meeting calendars) are then linked from the served site too,
and so is each feed that shows no edited story (`keep_made_from`: a feed is recorded with
its stories as a page is). The sitemap keeps the heads of pages it read
(plugins/sitemap), and the search index follows the published pages (`search_after`).
"""

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pelican.contents import Content

import pelican_contract

from . import build_record

# Why every page is rendered again: English text (translated in sitetool's catalogue)
NO_RECORD = "there is no record of the last build"
PROGRAM_CHANGED = "the settings, the day, the theme or the site's program changed"
OUTPUT_CHANGED = "the published site was changed since the last build"
FILES_CHANGED = "a content file was added or removed: {path}"
MORE_THAN_TEXT = "more than the text of a story changed: {path}"

# The content objects the page being rendered in this process looked into; None while
# no page is rendered (a process renders one page at a time).
_shown: set[Content] | None = None


@dataclass
class Plan:
    """What this build may keep: `edited` (absolute paths of the stories whose text
    alone changed), or None and the `reason` every page is rendered."""

    edited: frozenset[str] | None
    reason: str = ""
    params: dict = field(default_factory=dict)
    pages: dict[str, frozenset[str]] = field(default_factory=dict)  # last build's
    served: list[str] = field(default_factory=list)  # the served site's files


class PagesRecord:
    """The record of the last successful build into `output`: its sources, and what
    each of its pages was made from. The sources are noted when it is made, before the
    build reads anything."""

    def __init__(self, settings: dict, record: build_record.BuildRecord):
        """`record`: this build's build record, whose program digest and content files
        this record shares."""
        output = record.output
        name = hashlib.sha256(str(output).encode("utf-8")).hexdigest()[:16]
        self.file = Path(settings["CACHE_PATH"]).resolve() / "builds" / f"{name}.pages.json"
        self.output, self.content = output, settings["PATH"]  # as source_path has it
        self.program = record.program
        try:
            self.recorded = json.loads(self.file.read_text("utf-8"))
        except (OSError, ValueError):
            self.recorded = None
        self.sources = _sources(settings, record.content_files,
                                (self.recorded or {}).get("sources", {}))

    def plan(self) -> Plan:
        recorded = self.recorded
        if recorded is None:
            return Plan(None, NO_RECORD)
        if recorded.get("program") != self.program:
            return Plan(None, PROGRAM_CHANGED)
        before = recorded.get("sources", {})
        if before.keys() != self.sources.keys():
            path = min(before.keys() ^ self.sources.keys())
            return Plan(None, FILES_CHANGED, {"path": self._shown_path(path)})
        edited = set()
        for path, now in self.sources.items():
            then = before[path]
            if then[0] != now[0]:
                return Plan(None, MORE_THAN_TEXT, {"path": self._shown_path(path)})
            if then[1] != now[1]:
                edited.add(os.path.join(self.content, path))
        if not self.output.is_dir():
            return Plan(None, OUTPUT_CHANGED)
        digest, served = build_record.output_listing(self.output)
        if recorded.get("output") != digest:
            return Plan(None, OUTPUT_CHANGED)
        paths = [os.path.join(self.content, path) for path in recorded.get("paths", [])]
        pages = {page: frozenset(paths[i] for i in sources)
                 for page, sources in recorded.get("pages", {}).items()}
        return Plan(frozenset(edited), pages=pages, served=served)

    def _shown_path(self, path: str) -> str:  # as the editor knows it: content/news/…
        return os.path.join(os.path.basename(self.content), path)

    def _relative(self, path: str) -> str:
        prefix = os.path.join(self.content, "")
        return path[len(prefix):] if path.startswith(prefix) else os.path.relpath(
            path, self.content)

    def save(self, pages: dict[str, frozenset[str]], output: str) -> None:
        """Written under a name of this process's and renamed (as `BuildRecord.save`).
        `output`: the output's `build_record.output_digest()`."""
        paths = sorted({p for used in pages.values() for p in used})
        number = {path: index for index, path in enumerate(paths)}
        record = {"program": self.program, "sources": self.sources,
                  "output": output,
                  "paths": [self._relative(path) for path in paths],
                  "pages": {page: sorted(number[p] for p in used)
                            for page, used in sorted(pages.items())}}
        build_record.save_record(self.file, record)


def _sources(settings: dict, files: list[tuple[str, int, int]],
             recorded: dict[str, list]) -> dict[str, list]:
    """Each content file (relative to `PATH`) → [what the lists and every other page
    may show of it, the whole of it, its stamp]: for a story's Markdown file the hashes
    of its front matter and of the file; for any other file its size and modification
    time, twice. A story whose stamp (size, modification and change times, inode) is
    the `recorded` one keeps its recorded hashes: it is not read again (at 500 stories
    per language, 1,000 files read and hashed in every build)."""
    content = settings["PATH"]
    stories = tuple(os.path.join(content, folder, "") for folder in settings["ARTICLE_PATHS"])
    sources = {}
    for path, size, mtime in files:  # `build_record.content_files()`
        relative = os.path.relpath(path, content)
        if path.endswith(".md") and path.startswith(stories):
            status = os.stat(path)
            stamp = f"{status.st_size} {status.st_mtime_ns} {status.st_ctime_ns} {status.st_ino}"
            then = recorded.get(relative)
            if then and len(then) == 3 and then[2] == stamp:
                sources[relative] = then
                continue
            with open(path, "rb") as file:
                data = file.read()
            sources[relative] = [_digest(_front_matter(data)), _digest(data), stamp]
        else:
            sources[relative] = [f"{size} {mtime}"] * 2
    return sources


def _front_matter(data: bytes) -> bytes:
    """The front matter (from the opening `---` to the closing one); the whole file when
    it has none, so that any change to it counts as more than text."""
    if data.startswith(b"---"):
        end = data.find(b"\n---", 3)
        if end > 0:
            return data[:end]
    return data


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Rendering only what the edited text shows --------------------------------------------

def note_what_pages_show(generators) -> None:
    """Every content object a template looks into is noted for the page being rendered
    (the object itself: its source is looked up once a page, in `KeepingWriter.render`;
    a template reads hundreds of thousands of attributes in a cold build at 500 stories
    per language, so the hook does no more than it must)."""
    for environment in pelican_contract.template_environments(generators):
        environment.getattr = _noting(environment.getattr)
        environment.getitem = _noting(environment.getitem)


def _noting(look_up):
    def noted(obj, name):
        if isinstance(obj, Content) and _shown is not None:
            _shown.add(obj)  # identity-hashed: Content defines no __eq__
        return look_up(obj, name)
    return noted


def _sources_of(shown: set) -> frozenset[str]:
    return frozenset(obj.source_path for obj in shown if obj.source_path)


class KeepingWriter(pelican_contract.SelectiveWriter):
    """Pelican's writer that notes what each page shows and, with a `Plan` that allows
    it, hard-links from `live` (the site being served) each page the last build made
    whose sources include no edited story, instead of rendering it."""

    def __init__(self, output_path, settings, live: Path, plan: Plan):
        super().__init__(output_path, settings=settings)
        self.live, self.plan = str(live), plan
        self.pages: dict[str, frozenset[str]] = {}  # output file → the sources it shows
        self.rendered = 0
        self._kept: set[str] = set()
        # served files linked as they are besides `unchanged_plugins()`' (the search
        # index, when the build makes the new one after publishing: search_after)
        self.served_as_is: tuple[str, ...] = ()

    def write_file(self, name, template, context, *args, **kwargs):
        # A page that may be kept is linked before Pelican copies the context for it,
        # opens, logs and signals: most pages of an edit's build (a list written page by
        # page is kept page by page, in `render`)
        # (binding write_file's arguments is spared in a build that keeps nothing: a
        # cold build at 500 stories per language writes 1,244 times)
        if self.plan.edited is not None:
            one = pelican_contract.one_file_written(self, name, template, context, *args,
                                                    **kwargs)
            if one is not None and self._keep(one):
                return
        super().write_file(name, _RenderedBy(self, template), context, *args, **kwargs)

    def render(self, template, localcontext) -> str:
        global _shown
        name = localcontext["output_file"]
        if self._keep(name):
            return ""
        _shown = set()
        try:
            html = template.render(localcontext)
        finally:
            shown, _shown = _shown, None
        self.pages[name] = _sources_of(shown)
        self.rendered += 1
        return html

    def _keep(self, name: str) -> bool:
        """Link the served site's page into the staging folder, if it may be kept."""
        shown = self.plan.pages.get(name)
        if self.plan.edited is None or shown is None or shown & self.plan.edited:
            return False
        target = os.path.join(self.output_path, name)
        try:
            _link(os.path.join(self.live, name), target)
        except OSError:
            return False  # missing, or a file system without hard links: rendered
        self.pages[name] = shown
        self._kept.add(target)
        return True

    def keep_made_from(self, name: str, sources: frozenset[str]) -> bool:
        """For a file a plugin makes from some content objects alone (`sources`: a feed
        from its stories) rather than through a template: link the served one if the
        last build made it from the same objects and none was edited (the plugin then
        leaves it alone); noted for the next build either way."""
        if self.plan.edited is not None and self.plan.pages.get(name) == sources and (
                self._keep(name)):
            return True
        self.pages[name] = sources
        return False

    def unchanged_plugins(self) -> tuple[str, ...]:
        """The plugins whose generators this build need not run (`FRONT_MATTER_OUTPUT`):
        only story texts changed."""
        if self.plan.edited is None:
            return ()
        return tuple(self.settings.get("FRONT_MATTER_OUTPUT", {}))

    def link_unchanged_outputs(self) -> None:
        """Link the served files of `unchanged_plugins()`, and `served_as_is`, into the
        staging folder."""
        patterns = [pattern for plugin in self.unchanged_plugins()
                    for pattern in self.settings["FRONT_MATTER_OUTPUT"][plugin]]
        patterns += self.served_as_is
        if not patterns:
            return
        matches = build_record.matcher(tuple(patterns))
        for path in self.plan.served:  # listed when the plan was made: no walk again
            if matches(path):
                with contextlib.suppress(FileNotFoundError):  # gone since: as a walk
                    _link(os.path.join(self.live, path), os.path.join(self.output_path, path))

    def kept(self, path: str) -> bool:
        return path in self._kept

    def report(self) -> tuple[dict, int]:
        """What this process rendered and kept, for the build's process (`parallel`)."""
        return self.pages, self.rendered

    def absorb(self, report: tuple[dict, int]) -> None:
        pages, rendered = report
        self.pages.update(pages)
        self.rendered += rendered


def _link(served: str, target: str) -> None:
    """Hard-link the served file `served` at `target` in the staging folder, in place of
    the spare site's copy there (two builds old), its folder made if missing. The link
    is tried first: most targets' folders exist and hold no file (`spare_output.claim`
    unlinked the copies of kept pages, which are linked twice), so one system call
    instead of four and an exception (2,800 files after a one-story edit at 500 stories
    per language)."""
    try:
        os.link(served, target)
    except FileExistsError:
        os.unlink(target)
        os.link(served, target)
    except FileNotFoundError:  # no folder yet (or no served file: raised again)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(served, target)


class _RenderedBy:
    """Stands in for a template: the writer decides whether a page is rendered."""

    def __init__(self, writer: KeepingWriter, template):
        self.writer, self.template = writer, template

    def render(self, localcontext):
        return self.writer.render(self.template, localcontext)
