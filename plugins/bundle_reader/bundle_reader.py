"""Read editors' bundles: `content/<section>/[<year>/]<slug>/index.<lang>.md`.

Signals:
- `readers_init`: our reader takes over `.md`; it parses YAML front matter and the body.
- `article_generator_context`, `page_generator_context`: the content schema is applied on
  every build (also to files served from Pelican's reader cache), so problems are always
  reported and the publish date is always compared with today.
- `static_generator_finalized`: attachments in a bundle with no published file (a draft,
  a future story, a file with errors) are withheld, so they cannot leak before it.
- `all_generators_finalized`: each file's checked front matter is kept for the next
  build (`checked`: the schema's rules run only on what it has not checked before).

Slug, language and the pairing of translations come from the path (`PATH_METADATA`);
URLs from `CONTENT_URLS`, a translation's with a slug of its own language
(`translated_addresses.address_slug`). A file with errors is skipped (status `skip`) after
one line per problem; drafts and future stories get no URL, and `DRAFT_*SAVE_AS = ""` keeps Pelican
from writing them anywhere.
"""

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from markdown import Markdown
from markupsafe import escape
from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Author, Category, Tag

import pelican_contract
from body_sanitiser import BodySanitiser
from content_schema import (
    build_today,
    read_front_matter,
    schema,
    title_length_problems,
)
from content_schema.front_matter import read_bundle_file
from content_schema.problems import Problem
from content_schema.source_text import SourceError
from translated_addresses import address_slug
from typography import quote_html

from .checked import checked, save_checked

logger = logging.getLogger(__name__)


def display_path(settings, path) -> str:
    """Paths as the editor knows them: relative to the project, `content/news/…`."""
    return os.path.relpath(path, os.path.dirname(settings["PATH"]))


class BundleReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        options = dict(settings["MARKDOWN"])
        # As Pelican's own Markdown reader does: the extensions configured are turned on.
        options["extensions"] = [
            e for e in dict.fromkeys([*options.get("extensions", []),
                                      *options.get("extension_configs", {})])
            if e != "markdown.extensions.meta"
        ]
        self._markdown = Markdown(**options)
        self._sanitiser = BodySanitiser(settings)

    def read(self, source_path):
        """The body's HTML, sanitised here so that Pelican's content cache keeps the
        clean one; the warnings (control characters, HTML removed) travel in the
        metadata and are logged on every build, from the cache too."""
        shown = display_path(self.settings, source_path)
        try:
            front_matter, warnings = read_bundle_file(source_path, shown, self.settings)
        except SourceError as error:
            return "", {"source_file": shown, "front_matter_problem": error.problem}
        self._markdown.reset()
        html, removed = self._sanitiser.clean(
            self._markdown.convert(front_matter.body), front_matter.body,
            front_matter.body_line, shown)
        # the language's quotation marks, in what is read only (never code or addresses)
        html = quote_html(html, self.settings["QUOTATION_MARKS"].get(_file_lang(source_path)))
        return html, {"source_file": shown, "front_matter": front_matter,
                      "reading_warnings": warnings + removed}


def _file_lang(source_path) -> str:
    """`index.lv.md` -> "lv" (a file named otherwise is refused later, with a reason)."""
    parts = Path(source_path).name.split(".")
    return parts[-2] if len(parts) > 2 else ""


def add_reader(readers):
    readers.reader_classes["md"] = BundleReader


def _report(problems) -> bool:
    """Log each problem on one line; True when any is an error."""
    for problem in problems:
        log = {"error": logger.error, "warning": logger.warning}.get(problem.severity,
                                                                       logger.info)
        log("%s", problem)
    return any(p.severity == "error" for p in problems)


@lru_cache(maxsize=4096)
def _front_matter_data(path: str, mtime_ns: int, max_bytes: int) -> dict | None:
    """A file's raw front matter, parsed once per version of the file: every rebuild
    (the preview's many) asks again for each translation's default-language twin."""
    try:
        return read_front_matter(path, max_bytes=max_bytes).data
    except SourceError:
        return None  # reported when the file itself is read


BROKEN_TWIN = object()  # the default-language twin exists but cannot be read


def _twin_front_matter(generator, source_file, lang):
    """Raw front matter of the default-language file beside a translation: None when
    there is none (a story only in English), `BROKEN_TWIN` when it cannot be read. From
    Pelican's content cache when it holds the twin's reading (a cached build, or the twin
    read already — at 2,500 stories per language this spares 0.9 s of parsing again),
    else parsed."""
    settings = generator.settings
    default = settings["DEFAULT_LANG"]
    if lang == default:
        return None
    twin = os.path.abspath(os.path.join(os.path.dirname(settings["PATH"]), str(
        Path(source_file).with_name(f"index.{default}.md"))))
    try:
        mtime_ns = os.stat(twin).st_mtime_ns
    except FileNotFoundError:
        return None  # asked for, Pelican's cache would log a missing file as a problem
    _, reading = generator.readers.get_cached_data(twin, (None, None))
    if reading is not None:
        front_matter = reading.get("front_matter")
        return front_matter.data if front_matter else BROKEN_TWIN
    data = _front_matter_data(twin, mtime_ns, settings["FRONT_MATTER_MAX_BYTES"])
    return BROKEN_TWIN if data is None else data


def _needs_broken_twin_values(values, section, settings) -> bool:
    """A required field the translation takes from its twin is wrong or missing there
    (and said there, once): the translation cannot be published either."""
    fields = schema(settings).fields(section, values.get("kind"))
    return any(field.required and field.inherit and name not in values
               for name, field in fields.items())


def apply_schema(generator, metadata):
    settings = generator.settings
    source_file = metadata.get("source_file")
    if source_file is None:
        return  # not read by our reader
    _report(metadata.pop("reading_warnings", ()))
    problem = metadata.pop("front_matter_problem", None)
    front_matter = metadata.pop("front_matter", None)
    section, lang = metadata.get("section"), metadata.get("lang")
    if problem is None and section is None:
        problem = Problem(source_file, 1, "", "this file is not in a content folder",
                          "put it in its own folder, e.g. content/news/2026/<slug>/index.lv.md")
    if problem is None and lang not in settings["LANGUAGES"]:
        problem = Problem(source_file, 1, "", "'{lang}' is not a language of the site",
                          "name the file index.<language>.md with one of: {languages}",
                          params={"lang": lang, "languages": ", ".join(settings["LANGUAGES"])})
    if problem:
        _report([problem])
        _skip(generator, metadata, source_file)
        return
    inherited = _twin_front_matter(generator, source_file, lang)
    if inherited is BROKEN_TWIN:  # its mistake is reported in the twin, once
        _skip(generator, metadata, source_file)
        return
    values, problems = checked(settings).validate(section, front_matter, source_file,
                                                  inherited, lang)
    problems += title_length_problems(values, front_matter, source_file, settings)
    if _report(problems) or (inherited is not None
                             and _needs_broken_twin_values(values, section, settings)):
        _skip(generator, metadata, source_file)
        return
    metadata["front_matter_lines"] = front_matter.lines
    metadata["front_matter_data"] = front_matter.data  # values as typed, for messages
    _set_metadata(metadata, values, settings, source_file)


def _skip(generator, metadata, source_file):
    """Leave the file out, and keep the static generator from publishing its source
    (Pelican only remembers sources of content it kept or failed to read)."""
    metadata["status"] = "skip"
    content_relative = os.path.relpath(
        os.path.join(os.path.dirname(generator.settings["PATH"]), source_file),
        generator.settings["PATH"])
    pelican_contract.leave_out_source(generator, content_relative)


# Pelican slugifies a Category, Tag or Author's name the first time the object is hashed;
# made anew for every story each build (from the content cache too), 1,030 stories gave
# 3,070 objects of a few dozen names and slugs — a tenth of a preview rebuild.
_named_objects = {}  # (class, name) -> the object of that name for the settings it has


def _named(cls, name, settings):
    """The one Category, Tag or Author of this name in the build that has `settings`."""
    known = _named_objects.get((cls, name))
    if known is None or known.settings is not settings:
        known = _named_objects[cls, name] = cls(name, settings)
    return known


def _set_metadata(metadata, values, settings, source_file):
    section = metadata["section"]
    # `slug` stays the folder's name (the bundle's, in every language); `slug:` typed in a
    # translation names only its address (plugins/translated_addresses)
    explicit_slug = values.pop("slug", None)
    metadata.update(values)
    metadata["bundle"] = "/".join(filter(None, (section, metadata.get("year"),
                                                metadata["slug"])))
    metadata["bundle_dir"] = os.path.dirname(source_file)
    if "summary" in values:
        metadata["summary"] = escape(values["summary"])
    if "kind" in values:
        metadata["category"] = _named(Category, values["kind"], settings)
    metadata["tags"] = [_named(Tag, tag, settings) for tag in values.get("tags", [])]
    if "author" in values:
        metadata["author"] = _named(Author, values["author"], settings)
        metadata["authors"] = [metadata["author"]]
    published_on = values.get("date")
    if values.get("status") == "draft" or (
        published_on and published_on.date() > build_today(settings)
    ):
        metadata["status"] = "draft"
        return
    metadata["status"] = "published"
    address = settings["CONTENT_URLS"][section][metadata["lang"]].format(
        **{**metadata, "slug": "{slug}"})
    lines = metadata["front_matter_lines"]
    slug, problems = address_slug(
        settings, metadata["bundle"], metadata["lang"], metadata["slug"], values["title"],
        explicit_slug, address, (source_file, lambda field: lines.get(field, 1)),
        order=published_on.isoformat() if published_on else "")
    _report(problems)
    url = address.format(slug=slug)
    metadata["url"] = url
    metadata["save_as"] = url + "index.html"


def _bundle_of(content_root: Path, relative: str) -> Path | None:
    """The bundle folder (one holding an index.<lang>.md) a content file sits in."""
    for folder in (content_root / relative).parents:
        if folder == content_root or content_root not in folder.parents:
            return None
        if any(folder.glob("index.*.md")):
            return folder
    return None


def withhold_unpublished_attachments(generator):
    """Files in the bundle of a draft, a future story or a file with errors are not
    published either: a consultation's PDF must not appear before its story does."""
    settings, context = generator.settings, generator.context
    project = Path(os.path.dirname(settings["PATH"]))
    published = {
        project / item.bundle_dir
        for key in ("articles_by_lang", "pages_by_lang")
        for items in context.get(key, {}).values()
        for item in items
    }
    content_root = Path(settings["PATH"])
    kept = []
    for static in generator.staticfiles:
        bundle = _bundle_of(content_root, static.relative_source_path)
        if bundle is None or bundle in published:
            kept.append(static)
        else:
            context["static_content"].pop(static.relative_source_path, None)
    generator.staticfiles[:] = kept  # the same list is the context's `staticfiles`


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(apply_schema)
    signals.page_generator_context.connect(apply_schema)
    signals.static_generator_finalized.connect(withhold_unpublished_attachments)
    signals.all_generators_finalized.connect(save_checked)
