"""`sitetool new`: a new story, service or page folder, ready to fill in.

The front matter comes from the content schema (`content_schema.schema`), so a field a
plugin adds appears in new files without touching this module: required fields are
filled in (with the schema's example when there is no better value, marked so),
optional ones are commented-out examples. Each translation gets the fields that are
written per language; the others it takes from the default-language file.

New content is a draft (`status: draft`), so a half-written story is never published
by the daily build; the editor deletes that line when it is ready. A translation stays a
draft of its own until it is translated.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from content_schema import Field, schema, slugify_title

from .i18n import Messages


@dataclass(frozen=True)
class Kind:
    name: str  # as typed: visit, service, page …
    section: str  # content/<section>/
    news_kind: str | None = None  # the `kind:` of a story


# The photo file named in the examples of `photos:` and `cover:` (in photos/).
EXAMPLE_PHOTO = "foto-1.jpg"


class ScaffoldError(Exception):
    """Why nothing was created (already in the editor's language)."""


def kinds(settings) -> dict[str, Kind]:
    found = {name: Kind(name, "news", name) for name in settings["NEWS_KINDS"]}
    for name, section in (("service", "services"), ("page", "pages")):
        if section in schema(settings).sections:
            found[name] = Kind(name, section)
    return found


@dataclass
class Created:
    folder: Path
    files: list[Path]
    photos: Path | None


def create(kind: Kind, title: str, day: date, settings, messages: Messages) -> Created:
    _ = messages._
    slug = slugify_title(title)
    if not slug:
        raise ScaffoldError(_("The title has no letters or digits to make an address from."))
    content = Path(settings["PATH"])
    folder = content / kind.section / (str(day.year) if kind.section == "news" else "") / slug
    if folder.exists():
        raise ScaffoldError(_("{folder} already exists: nothing was changed. Choose another "
                              "title, or edit the files in that folder.",
                              folder=_shown(settings, folder)))
    fields = schema(settings).fields(kind.section, kind.news_kind)
    default = settings["DEFAULT_LANG"]
    texts = {lang: _front_matter(kind, fields, title, day, settings, lang, lang == default)
             for lang in settings["LANGUAGES"]}
    folder.mkdir(parents=True)
    files = []
    for lang, text in texts.items():
        path = folder / f"index.{lang}.md"
        path.write_text(text, "utf-8")
        files.append(path)
    photos = None
    if kind.section == "news" and "gallery" in settings["PLUGINS"]:
        # where the photos go; each is described in the `photos:` of index.lv.md
        photos = folder / settings["GALLERY_FOLDER"]
        photos.mkdir()
    return Created(folder, files, photos)


def _shown(settings, path: Path) -> str:
    return str(path.relative_to(Path(settings["PATH"]).parent))


def _front_matter(kind, fields, title, day, settings, lang, is_default) -> str:
    """The file's front matter; comments in the file's own language."""
    _ = Messages(lang)._
    author = settings.get("NEW_CONTENT_AUTHOR") or {}  # blank: the editor signs the story
    known = {"title": title, "kind": kind.news_kind, "date": day.isoformat(),
             "author": author.get("name") or None,
             "author_role": (author.get("role") or {}).get(lang) or None}
    if fields.get("modified", Field("date")).required:  # a service's "last updated"
        known["modified"] = day.isoformat()
    lines = ["---"]
    if is_default:
        lines += _comment(_("New {kind}: fill in the fields, then write the text below the "
                            "last '---' line.", kind=kind.name))
        lines += _comment(_("Lines starting with '#' are examples: to use one, delete the "
                            "'# ' in front of it. Check your work with: sitetool check"))
    else:
        lines += _comment(_("Translation of index.{default}.md. Translate the title and the "
                            "text below the last '---' line; fields that are the same in "
                            "every language (date, kind, author …) come from "
                            "index.{default}.md.", default=settings["DEFAULT_LANG"]))
    for name, field in fields.items():
        if name == "status" or field.replaced_by or not field.scaffolded or (
                not is_default and field.inherit):
            continue
        value = known.get(name)
        if value is not None:
            note = _("translate") if not is_default and name == "title" else ""
            lines.append(_line(name, _scalar(value), note))
        elif field.required:
            lines += _example(name, field, lang, commented=False,
                              note=_("example: replace it"))
        else:
            lines += _example(name, field, lang, commented=True)
    lines.append(_line("status", "draft", _("delete this line when it is ready to publish")
                       if is_default else _("delete this line when it is translated")))
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _comment(text: str, width: int = 88) -> list[str]:
    """`text` as YAML comment lines of at most `width` characters."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width - 2:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [f"# {line}" for line in [*lines, current]]


def _line(name: str, value: str, note: str = "") -> str:
    return f"{name}: {value}  # {note}" if note else f"{name}: {value}"


_NEEDS_QUOTES = re.compile(r"(: |\s#|^[\[\]{}*&!|>'\"%@`,?:-]|^\s|\s$)")


def _scalar(value: str) -> str:
    """A text as a YAML value: plain when that is unambiguous, else double-quoted."""
    return json.dumps(value, ensure_ascii=False) if _NEEDS_QUOTES.search(value) else value


def _example(name: str, field: Field, lang: str, commented: bool,
             note: str = "") -> list[str]:
    """Lines showing `field` with its example value in `lang`, commented out or not."""
    mark = "# " if commented else ""
    return [mark + line for line in _example_lines(name, field, lang, note)]


def _example_lines(name: str, field: Field, lang: str, note: str = "") -> list[str]:
    if field.type in ("record", "records") and field.fields:
        # an alternative (a document's link beside its file) stays commented when the
        # editor uncomments the record, so the example is valid as it stands
        children = [("# " if child.alternative else "") + line
                    for child_name, child in field.fields.items()
                    for line in _example_lines(child_name, child, lang)]
        if field.type == "records":  # one entry of the list
            children = ["- " + children[0]] + ["  " + line for line in children[1:]]
        return [f"{name}:" + (f"  # {note}" if note else "")] + ["  " + c for c in children]
    return [_line(name, field.example_in(lang) or "…", note)]  # examples are YAML as written
