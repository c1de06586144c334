"""The one place that decides the slug of a translation's address.

The default language's address is the folder's (or data file's) name. A translation in
`TRANSLATED_ADDRESS_LANGUAGES` gets a slug of its own language:

1. `slug:` in its file, when given (the editor's explicit choice always wins);
2. else the slug recorded when the address was first published (`ADDRESS_RECORD`, in the
   content folder: a new title must not move a page that others link to);
3. else the slug of its title (`slugify_title`, as `sitetool new` makes folder names).

A title whose slug differs from the recorded one is a warning (the page stays where it
is; the editor writes `slug:` to keep it there quietly, or to move it); an explicit
`slug:` that moves a recorded page is a notice (links to the old address stop working).

Signals:
- `initialized`: forget the previous build's decisions (the preview server builds again
  in one process);
- `sitetool_signals.pages_written` (a build by sitetool, never `check`): add the addresses
  decided in this build to the record, written only when it changes, when
  `ADDRESS_RECORD_WRITE` (the preview server does not record: titles change as they are
  typed there).
"""

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pelican import signals

from content_schema import Problem, slugify_title
from content_schema.front_matter import parse_data_file
from content_schema.source_text import SourceError
from sitetool_signals import pages_written

logger = logging.getLogger(__name__)

HEADER = """\
# The addresses of translated pages as first published, per language ({key}: slug).
# Written by the build: commit it with the content and do not edit it. A new English
# title keeps its page at the address below; to move a page, write `slug:` in its file.
"""


@dataclass
class Record:
    """The record file's addresses and this build's decisions."""
    path: Path
    recorded: dict[str, dict[str, str]]
    decided: dict[str, dict[str, str]] = field(default_factory=dict)


_records: dict[str, Record] = {}  # record path -> the record as this build uses it


def _record(settings) -> Record:
    path = Path(settings["PATH"]) / settings["ADDRESS_RECORD"]
    record = _records.get(str(path))
    if record is None:
        record = _records[str(path)] = Record(path, _read(path, settings))
    return record


def _read(path: Path, settings) -> dict[str, dict[str, str]]:
    """The record's addresses; a damaged record (edited, or with YAML anchors, refused
    as in every YAML the build reads) is one warning, and the build records anew."""
    shown = os.path.relpath(path, os.path.dirname(settings["PATH"]))
    try:
        data = parse_data_file(path.read_text("utf-8"), shown).data
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, SourceError):
        data = None
    if not isinstance(data, dict) or not all(
            isinstance(slugs, dict) and all(isinstance(v, str) for v in slugs.values())
            for slugs in data.values()):
        logger.warning("%s", Problem(
            shown, 1, "", "this is not the record of published addresses the build writes",
            "take it back from git (git checkout {file}); else the build writes it anew "
            "and addresses follow the English titles", severity="warning",
            params={"file": shown}))
        return {}
    return {str(lang): {str(k): v for k, v in slugs.items()} for lang, slugs in data.items()}


def address_slug(settings, key: str, lang: str, folder_slug: str, title: str,
                 explicit: str | None, url: str, where: tuple[str, Callable[[str], int]],
                 title_field: str = "title", slug_field: str = "slug",
                 ) -> tuple[str, list[Problem]]:
    """(the slug of `key`'s address in `lang`, problems). `key` names the content in every
    language (`pages/kontakti`, `offices/eglupe`); `url` is its address with `{slug}` left
    to fill (for messages); `where` is the file and the line of a field in it."""
    shown, line = where
    if lang not in settings["TRANSLATED_ADDRESS_LANGUAGES"]:
        return folder_slug, [] if not explicit else [Problem(
            shown, line(slug_field), slug_field,
            "is for translations: this file's address is its folder's name",
            "delete this line; to change the address, rename the folder (links to the old "
            "address will stop working)", severity="warning")]
    record = _record(settings)
    recorded = record.recorded.get(lang, {}).get(key)
    natural = slugify_title(title) or folder_slug
    slug, problems = explicit or recorded or natural, []
    if explicit and recorded and explicit != recorded:
        problems.append(Problem(
            shown, line(slug_field), slug_field, "moves the page from {old} to {new}",
            "links to the old address elsewhere stop working; to keep it, write {keep}",
            severity="notice",
            params={"old": _shown_url(url, recorded), "new": _shown_url(url, explicit),
                    "keep": _written(slug_field, recorded)}))
    elif not explicit and recorded and natural != recorded:
        problems.append(Problem(
            shown, line(title_field), title_field,
            "would change the address to {new}: the page stays at {old}, where it was "
            "published",
            "to keep the address, write {keep}; to move the page, write {move} (links to "
            "the old address will stop working)", severity="warning",
            params={"old": _shown_url(url, recorded), "new": _shown_url(url, natural),
                    "keep": _written(slug_field, recorded),
                    "move": _written(slug_field, natural)}))
    record.decided.setdefault(lang, {})[key] = slug
    return slug, problems


def _shown_url(url: str, slug: str) -> str:
    return "/" + url.format(slug=slug)


def _written(slug_field: str, slug: str) -> str:
    """The line to type: `slug: about-us`, or in a data file `slug: {en: about-us}`."""
    name, _, lang = slug_field.partition(".")
    return f"{name}: {{{lang}: {slug}}}" if lang else f"{name}: {slug}"


def forget_decisions(pelican):
    _records.pop(str(Path(pelican.settings["PATH"]) / pelican.settings["ADDRESS_RECORD"]),
                 None)


def write_record(pelican):
    """Add this build's addresses to the record: a published address stays recorded
    (also when its page is gone: should it come back, it comes back there)."""
    settings = pelican.settings
    record = _records.get(str(Path(settings["PATH"]) / settings["ADDRESS_RECORD"]))
    if not settings["ADDRESS_RECORD_WRITE"] or record is None:
        return
    merged = {lang: dict(slugs) for lang, slugs in record.recorded.items()}
    for lang, slugs in record.decided.items():
        merged.setdefault(lang, {}).update(slugs)
    if merged == record.recorded:
        return
    text = HEADER + yaml.safe_dump(
        {lang: dict(sorted(slugs.items())) for lang, slugs in sorted(merged.items())},
        allow_unicode=True, sort_keys=False, default_flow_style=False)
    temporary = record.path.with_name(f"{record.path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, "utf-8")
        os.replace(temporary, record.path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        logger.warning("%s: could not record the published addresses (%s); a new English "
                       "title may move its page", record.path, error.strerror)
        return
    record.recorded = merged


def register():
    signals.initialized.connect(forget_decisions)
    pages_written.connect(write_record)
