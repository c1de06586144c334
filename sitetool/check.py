"""`sitetool check`: every rule of the build, without building.

The site is read exactly as the build reads it (`pipeline.read_site`: every plugin's
reader, context and finalized handlers run and log their problems), nothing is written.
On top of that, rules that only make sense across the whole site:

- translation pairs: a default-language file without its twin in another language is a
  notice (the story is simply shown in one language);
- `{filename}` / `{static}` / `{attach}` links: the file they point to must exist and be
  published (Pelican would leave a dead link, with a warning that names no line);
- content at an address the site's own pages use (a page folder named `jaunumi`…);
- `review_by` dates that have come: the content is listed as due for review;
- files beside the content that nothing names, so are not published (plugins/published_files).
"""

import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from babel import Locale

from content_schema import Problem, build_today

from .build_log import Entry, collecting_logs, stopped_entry
from .pipeline import content_objects, load_settings, read_site

LINK = re.compile(r"[{|](?P<what>filename|static|attach)[|}](?P<value>[^\s)\"'>\]]+)")
# A Markdown link to another text's file without `{filename}`: published as it is, it
# leads nowhere (the site has no .md files).
PLAIN_TEXT_LINK = re.compile(r"\]\((?P<value>(?![a-z][a-z0-9+.-]*:|[{|])[^\s)]+\.md)\)")


@dataclass
class CheckResult:
    entries: list[Entry] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0
    debug: list[Entry] = field(default_factory=list)  # Pelican's lines for --debug

    def count(self, severity: str) -> int:
        return sum(1 for e in self.entries if e.severity == severity)

    @property
    def ok(self) -> bool:
        """The production build is strict: a warning stops it as an error does."""
        return not (self.count("error") or self.count("warning"))


def check(settings_file: Path, overrides: dict | None = None) -> CheckResult:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sitetool-check-") as scratch, \
            collecting_logs() as log:
        # Pelican needs an output folder setting; nothing is ever written to it.
        never_written = Path(scratch) / "output"
        files = 0
        try:
            settings = load_settings(settings_file, {**(overrides or {}),
                                                     "OUTPUT_PATH": str(never_written)})
            log.content_path = settings["PATH"]
            site = read_site(settings)
            sources = _markdown_sources(site)
            files = len({c.source_path for c in sources})
            for problem in [*publishing_problems(site, sources),
                            *missing_translations(site, sources),
                            *due_for_review(site, sources),
                            *unreferenced_files(site)]:
                log.add(Entry(problem.severity, problem))
        except Exception as error:
            log.add(stopped_entry(error))
    return CheckResult(log.sorted(), files, time.perf_counter() - started,
                       log.sorted(("debug",)))


def publishing_problems(site, sources=None) -> list[Problem]:
    """The site-wide rules whose problems stop a (production) build: the build applies
    them too, so that it says what `check` says, with the same lines."""
    if sources is None:
        sources = _markdown_sources(site)
    return [*broken_links(site, sources), *addresses_taken(site, sources)]


def _markdown_sources(site):
    return [c for c in content_objects(site) if c.source_path and c.source_path.endswith(".md")]


def _shown(settings, path) -> str:
    """A path as the editor knows it: `content/news/…`."""
    return os.path.relpath(path, os.path.dirname(settings["PATH"]))


def missing_translations(site, sources):
    settings = site.settings
    default, others = settings["DEFAULT_LANG"], [
        lang for lang in settings["LANGUAGES"] if lang != settings["DEFAULT_LANG"]]
    for source in sorted(Path(settings["PATH"]).rglob(f"index.{default}.md")):
        for lang in others:
            if not source.with_name(f"index.{lang}.md").exists():
                yield Problem(
                    _shown(settings, source), 1, "",
                    "has no {language} translation",
                    "to add one, create index.{lang}.md beside it with the translated title "
                    "and text; until then it is shown in {default_language} only",
                    severity="notice",
                    params={"language": _english_name(lang), "lang": lang,
                            "default_language": _english_name(default)})


def _english_name(lang: str) -> str:
    """"Latvian", "English": msgids the problem catalogue translates ("latviešu")."""
    return Locale("en").languages[lang]


def broken_links(site, sources):
    context = site.context
    checked = set()
    for content in sources:
        if content.source_path in checked:
            continue
        checked.add(content.source_path)
        text = Path(content.source_path).read_text("utf-8")
        for match in LINK.finditer(text):
            what, value = match["what"], match["value"]
            line = text.count("\n", 0, match.start()) + 1
            key = "generated_content" if what == "filename" else "static_content"
            target = _linked(content, context, key, value)
            if target is None and what == "filename":
                target = _linked(content, context, "static_content", value)
            shown = _shown(site.settings, content.source_path)
            if target is None:
                yield Problem(shown, line, "", "the link {{{what}}}{value} points to no file",
                              "check the folder and file name; a link to another story "
                              "looks like {{filename}}/news/2024/<folder>/index.lv.md",
                              severity="warning", params={"what": what, "value": value})
            elif getattr(target, "status", "published") != "published":
                yield Problem(shown, line, "",
                               "the link {{{what}}}{value} points to a story that is not "
                               "published (a draft, or dated in the future)",
                               "publish that story first, or add the link once it is out",
                               severity="warning", params={"what": what, "value": value})
        for match in PLAIN_TEXT_LINK.finditer(text):
            yield Problem(_shown(site.settings, content.source_path),
                          text.count("\n", 0, match.start()) + 1, "",
                          "the link {value} names a text's file, which the site does not "
                          "publish", "to link to that page, write {{filename}}{value}",
                          severity="warning", params={"value": match["value"]})


def _linked(content, context, key, value):
    """The content `value` names, found the way Pelican's link replacer finds it."""
    path = urlparse(value).path
    for candidate in (path, unquote(path)):
        if candidate.startswith("/"):
            relative = candidate[1:]
        else:
            relative = content.get_relative_source_path(
                os.path.join(content.relative_dir, candidate))
        found = context[key].get(relative)
        if found is not None:
            return found
    return None


ADDRESS_TAKEN = "its address /{address} is taken by one of the site's own pages"


def addresses_taken(site, sources):
    """Content at an address the site's own pages use — known from their settings
    (`SEARCH_URLS`, `CONSULTATIONS_URLS` … any `*_URLS` address without placeholders) and
    from bilingual_listings' news lists. Pelican would stop the build with 'Failed to
    overwrite … as Pelican has already written to it', naming neither source. (Two
    translations whose titles make one address are settled by plugins/translated_addresses,
    two `slug:`s at one address are its error.)"""
    own_pages = {url + "index.html" for url in _fixed_urls(site.settings)}
    own_pages |= {listing.url + "index.html" for generator in site.generators
                  for listing in getattr(generator, "listings", [])}
    for content in content_objects(site):
        if (getattr(content, "save_as", "") in own_pages and content.status == "published"):
            yield _address_taken(site.settings, content)


def _address_taken(settings, content) -> Problem:
    """The fix depends on what makes the address: a translation's is its `slug:` or its
    title (plugins/translated_addresses), the default language's its folder's name."""
    shown, address = _shown(settings, content.source_path), content.save_as.removesuffix(
        "index.html")
    params = {"address": address, "example": address.strip("/").rsplit("/", 1)[-1] + "-page"}
    if content.lang not in settings.get("TRANSLATED_ADDRESS_LANGUAGES", ()):
        return Problem(shown, 1, "", ADDRESS_TAKEN,
                       "rename this file's folder: the folder name makes the address",
                       params=params)
    lines = getattr(content, "front_matter_lines", {})
    if "slug" in lines:
        return Problem(shown, lines["slug"], "slug", ADDRESS_TAKEN,
                       "write another address here, e.g. slug: {example}", params=params)
    return Problem(shown, lines.get("title", 1), "title", ADDRESS_TAKEN,
                   "the title makes this file's address: add a line with an address of its "
                   "own, e.g. slug: {example}", params=params)


def _fixed_urls(settings):
    """Every address ending in '/' without placeholders in a `*_URLS` setting."""
    def walk(value):
        if isinstance(value, dict):
            for inner in value.values():
                yield from walk(inner)
        elif isinstance(value, str) and value.endswith("/") and "{" not in value:
            yield value
    for name, value in settings.items():
        if name.endswith("_URLS"):
            yield from walk(value)


def due_for_review(site, sources):
    today = build_today(site.settings)
    for content in sources:
        review_by = getattr(content, "review_by", None)
        lines = getattr(content, "front_matter_lines", {})
        if review_by is None or "review_by" not in lines:
            continue  # no date, or one taken from the translated twin (listed there)
        if review_by.date() <= today:
            yield Problem(_shown(site.settings, content.source_path), lines["review_by"],
                           "review_by", "was due on {date}: check that this is still right",
                           "update what has changed, then set the next review date",
                           severity="notice",
                           params={"date": str(getattr(content, "front_matter_data", {}).get(
                               "review_by", review_by.date()))})  # as typed


def unreferenced_files(site):
    """Files in a story's, page's or service's folder that no content names: the build
    leaves them out (a backup, notes, a photo outside the gallery)."""
    for shown in site.context.get("unreferenced_files", []):
        yield Problem(shown, 1, "", "not published: nothing refers to it",
                      "to publish it, link to it from the text, e.g. [Plan (PDF)](plans.pdf), "
                      "or show a photo in the text or the gallery; otherwise move it out of "
                      "the content folder", severity="notice")
