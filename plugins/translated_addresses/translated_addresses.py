"""The one place that decides the slug of a translation's address.

The default language's address is the folder's (or data file's) name. A translation in
`TRANSLATED_ADDRESS_LANGUAGES` gets a slug of its own language:

1. `slug:` in its file, when given (the editor's explicit choice always wins);
2. else the slug recorded when the address was first published (`ADDRESS_RECORD`, in the
   content folder: a new title must not move a page that others link to);
3. else the slug of its title (`slugify_title`, as `sitetool new` makes folder names).

Reading a file only *claims* an address (`address_slug()`: its rule-1-to-3 slug, for the
content to be usable on its own); once every file of a kind is read, `settle()` decides
them together, so the result does not depend on the order files are read in:

- two `slug:`s (or a `slug:` and a published page) at one address are an error naming both;
- a recorded page keeps its address (a new story never moves a published one);
- titles that make one address: the earliest (by date, then folder) takes it, each other
  one its folder's slug (unique where its Latvian twin lives) — a notice, not a stop:
  ten years of news repeat "Reception hours over the holidays";
- a new title of a recorded page keeps the page where it is (a notice: write `slug:` to
  move it); an explicit `slug:` that moves a recorded page is a notice too.

Signals:
- `initialized`: forget the previous build's claims (the preview server builds again in
  one process);
- `article_generator_finalized`, `page_generator_finalized` (before any plugin reads a
  URL: this plugin comes right after `bundle_reader` in PLUGINS): settle the stories',
  pages' and services' addresses (`offices` settles its own, with `settle()`);
- `sitetool_signals.pages_written` (a build by sitetool, never `check`): add the addresses
  settled in this build to the record, written only when it changes, when
  `ADDRESS_RECORD_WRITE` (the preview server does not record: titles change as they are
  typed there).
"""

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pelican import signals

from atomic_files import write_atomically
from content_schema import Problem, log_problems, slugify_title
from content_schema.front_matter import parse_data_file
from content_schema.source_text import SourceError
from sitetool_signals import pages_written

logger = logging.getLogger(__name__)

HEADER = """\
# The addresses of translated pages as first published, per language ({key}: slug, or
# [slug, former slugs…] once moved: the former addresses forward to the page). Written by
# the build: commit it with the content and do not edit it. A new English title keeps
# its page at the address below; to move a page, write `slug:` in its file.
"""


@dataclass
class Claim:
    """What one translation's file asks of its address, read from the file."""
    address: str  # its address with `{slug}` left to fill
    folder_slug: str  # its default-language twin's
    natural: str  # its title's
    explicit: str | None  # `slug:` as typed
    order: str  # the earlier one takes a contested title's address (a story's date)
    shown: str
    title_line: tuple[str, int]  # (field, line) for messages
    slug_line: tuple[str, int]
    title: str = ""

    def url(self, slug: str) -> str:
        return self.address.format(slug=slug)


@dataclass
class Record:
    """The record file's addresses, this build's claims and the slugs settled."""
    path: Path
    recorded: dict[str, dict[str, list[str]]]  # {lang: {key: [slug, former slugs…]}}
    claims: dict[tuple[str, str], Claim] = field(default_factory=dict)  # (lang, key)
    decided: dict[str, dict[str, str]] = field(default_factory=dict)


_records: dict[str, Record] = {}  # record path -> the record as this build uses it


def _record(settings) -> Record:
    path = Path(settings["PATH"]) / settings["ADDRESS_RECORD"]
    record = _records.get(str(path))
    if record is None:
        record = _records[str(path)] = Record(path, _read(path, settings))
    return record


def _read(path: Path, settings) -> dict[str, dict[str, list[str]]]:
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
            isinstance(slugs, dict) and all(_slugs(v) for v in slugs.values())
            for slugs in data.values()):
        logger.warning("%s", Problem(
            shown, 1, "", "this is not the record of published addresses the build writes",
            "take it back from git (git checkout {file}); else the build writes it anew "
            "and addresses follow the English titles", severity="warning",
            params={"file": shown}))
        return {}
    return {str(lang): {str(k): _slugs(v) for k, v in slugs.items()}
            for lang, slugs in data.items()}


def _slugs(value) -> list[str]:
    """A recorded page's slugs, the current one first: `slug`, or `[slug, former, …]`
    once it has moved (its former addresses forward to it: redirects.py)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return []


def address_slug(settings, key: str, lang: str, folder_slug: str, title: str,
                 explicit: str | None, url: str, where: tuple[str, Callable[[str], int]],
                 title_field: str = "title", slug_field: str = "slug", order: str = "",
                 ) -> tuple[str, list[Problem]]:
    """(the slug `key`'s file claims in `lang`, problems). `key` names the content in every
    language (`pages/kontakti`, `offices/eglupe`); `url` is its address with `{slug}` left
    to fill; `where` is the file and the line of a field in it. `settle()` decides."""
    shown, line = where
    if lang not in settings["TRANSLATED_ADDRESS_LANGUAGES"]:
        return folder_slug, [] if not explicit else [Problem(
            shown, line(slug_field), slug_field,
            "is for translations: this file's address is its folder's name",
            "delete this line; to change the address, rename the folder (links to the old "
            "address will stop working)", severity="warning")]
    record = _record(settings)
    claim = Claim(url, folder_slug, slugify_title(title) or folder_slug, explicit, order,
                  shown, (title_field, line(title_field)), (slug_field, line(slug_field)),
                  title)
    record.claims[lang, key] = claim
    recorded = record.recorded.get(lang, {}).get(key) or [None]
    return explicit or recorded[0] or claim.natural, []


def settle(settings, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(lang, key): URL} of the claims of `keys` (one kind of content, every file read),
    decided together; logs the problems. Keys that claimed nothing are left out."""
    record = _record(settings)
    by_lang: dict[str, list[tuple[str, Claim]]] = {}
    for lang, key in keys:
        if (lang, key) in record.claims:
            by_lang.setdefault(lang, []).append((key, record.claims[lang, key]))
    urls = {}
    for lang, claims in sorted(by_lang.items()):
        slugs, problems = _settle(claims, {key: recorded[0] for key, recorded in
                                           record.recorded.get(lang, {}).items()})
        log_problems(logger, problems)
        record.decided.setdefault(lang, {}).update(slugs)
        urls.update({(lang, key): claim.url(slugs[key]) for key, claim in claims})
    return urls


def _settle(claims: list[tuple[str, Claim]], recorded: dict[str, str],
            ) -> tuple[dict[str, str], list[Problem]]:
    """({key: slug}, problems) of one language's claims: explicit slugs first, then
    recorded addresses, then titles, earliest first; an address taken goes to the next."""
    claims = sorted(claims, key=lambda item: (item[1].order, item[0]))
    taken: dict[str, Claim] = {}  # URL -> the claim settled there
    slugs, problems, contested = {}, [], []
    for key, claim in claims:
        if claim.explicit:
            slugs[key] = claim.explicit
            problems += _taken_by_another(claim, claim.explicit, taken)
    for key, claim in claims:
        old = recorded.get(key)
        if claim.explicit:
            if old and old != claim.explicit:
                problems.append(_moved(claim, old))
        elif old and claim.url(old) in taken and taken[claim.url(old)].explicit:
            slugs[key] = old  # a published page is not moved by another's `slug:`
            problems += _taken_by_another(taken[claim.url(old)], old, {claim.url(old): claim})
        elif old and claim.url(old) not in taken:
            slugs[key] = old
            taken[claim.url(old)] = claim
        else:
            contested.append((key, claim))
    for key, claim in contested:
        slugs[key] = next(slug for slug in _candidates(claim) if claim.url(slug) not in taken)
        taken[claim.url(slugs[key])] = claim
        if slugs[key] != claim.natural:
            problems.append(_title_taken(claim, slugs[key], taken[claim.url(claim.natural)]))
    for key, claim in claims:
        old = recorded.get(key)
        if not claim.explicit and slugs[key] == old != claim.natural and (
                claim.url(claim.natural) not in taken):
            problems.append(_title_changed(claim, old))
    return slugs, problems


def _candidates(claim: Claim):
    """The title's slug, else the folder's, else the folder's numbered."""
    yield claim.natural
    yield claim.folder_slug
    number = 2
    while True:
        yield f"{claim.folder_slug}-{number}"
        number += 1


def _taken_by_another(claim: Claim, slug: str, taken: dict[str, Claim]) -> list[Problem]:
    other = taken.setdefault(claim.url(slug), claim)
    if other is claim:
        return []
    name, line = claim.slug_line
    return [Problem(claim.shown, line, name, "its address /{address} is also that of {other}",
                    "give this page another address: write slug: and a name of your own "
                    "in this file", params={"address": claim.url(slug), "other": other.shown})]


def _moved(claim: Claim, old: str) -> Problem:
    name, line = claim.slug_line
    return Problem(claim.shown, line, name,
                   "moves the page from {old} to {new}: the old address forwards to the new",
                   "to keep the page where it was, write {keep}", severity="notice",
                   params={"old": "/" + claim.url(old), "new": "/" + claim.url(claim.explicit),
                           "keep": _written(name, old)})


def _title_taken(claim: Claim, slug: str, other: Claim) -> Problem:
    name, line = claim.title_line
    return Problem(claim.shown, line, name,
                   "makes the address {wanted}, which is {other}'s: this page is at {new}",
                   "to choose its address, write {slug_line}", severity="notice",
                   params={"wanted": "/" + claim.url(claim.natural), "other": other.shown,
                           "new": "/" + claim.url(slug),
                           "slug_line": _written(claim.slug_line[0], slug)})


def _title_changed(claim: Claim, old: str) -> Problem:
    name, line = claim.title_line
    return Problem(claim.shown, line, name,
                   "would make the address {new}: the page is kept at {old}, where it was "
                   "published",
                   "nothing to do; to move it, write {move} (the old address will forward "
                   "to the new)", severity="notice",
                   params={"old": "/" + claim.url(old), "new": "/" + claim.url(claim.natural),
                           "move": _written(claim.slug_line[0], claim.natural)})


def _written(slug_field: str, slug: str) -> str:
    """The line to type: `slug: about-us`, or in a data file `slug: {en: about-us}`."""
    name, _, lang = slug_field.partition(".")
    return f"{name}: {{{lang}: {slug}}}" if lang else f"{name}: {slug}"


def settle_contents(generator):
    """Settle the addresses of the stories (or pages and services) just read, and move
    any content whose claimed address went to another."""
    contents = [content for content in (
        *getattr(generator, "articles", getattr(generator, "pages", [])),
        *generator.translations) if getattr(content, "bundle", None)]
    urls = settle(generator.settings, [(content.lang, content.bundle) for content in contents])
    for content in contents:
        url = urls.get((content.lang, content.bundle))
        if url is not None and url != content.url:
            content.override_url, content.override_save_as = url, url + "index.html"


def recorded_with(record: Record) -> dict[str, dict[str, list[str]]]:
    """The record with this build's slugs: a moved page's former slugs follow its new one."""
    merged = {lang: dict(keys) for lang, keys in record.recorded.items()}
    for lang, slugs in record.decided.items():
        keys = merged.setdefault(lang, {})
        for key, slug in slugs.items():
            keys[key] = [slug, *(old for old in keys.get(key, ()) if old != slug)]
    return merged


def record_of(settings) -> Record | None:
    """This build's record, once a file has claimed an address."""
    return _records.get(str(Path(settings["PATH"]) / settings["ADDRESS_RECORD"]))


def forget_claims(pelican):
    _records.pop(str(Path(pelican.settings["PATH"]) / pelican.settings["ADDRESS_RECORD"]),
                 None)


def write_record(pelican):
    """Add this build's addresses to the record: a published address stays recorded
    (also when its page is gone: should it come back, it comes back there)."""
    settings = pelican.settings
    record = record_of(settings)
    if not settings["ADDRESS_RECORD_WRITE"] or record is None:
        return
    merged = recorded_with(record)
    if merged == record.recorded:
        return
    text = HEADER + yaml.safe_dump(
        {lang: {key: slugs[0] if len(slugs) == 1 else slugs
                for key, slugs in sorted(keys.items())}
         for lang, keys in sorted(merged.items())},
        allow_unicode=True, sort_keys=False, default_flow_style=False)
    try:
        write_atomically(record.path, text)
    except OSError as error:
        logger.warning("%s: could not record the published addresses (%s); a new English "
                       "title may move its page", record.path, error.strerror)
        return
    record.recorded = merged


def register():
    signals.initialized.connect(forget_claims)
    signals.article_generator_finalized.connect(settle_contents)
    signals.page_generator_finalized.connect(settle_contents)
    pages_written.connect(write_record)
