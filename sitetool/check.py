"""`sitetool check`: every rule of the build, without building.

The site is read exactly as the build reads it (`pipeline.read_site`: every plugin's
reader, context and finalized handlers run and log their problems), nothing is written.
On top of that, rules that only make sense across the whole site:

- translation pairs: a default-language file without its twin in another language is a
  notice (the story is simply shown in one language);
- `{filename}` / `{static}` / `{attach}` links: the file they point to must exist and be
  published (Pelican would leave a dead link, with a warning that names no line);
- two things written at the same address (a page folder named like a news list…);
- `review_by` dates that have come: the content is listed as due for review.
"""

import os
import re
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from babel import Locale

from content_schema import Problem, build_today

from .pipeline import (
    Entry,
    collecting_logs,
    content_objects,
    load_settings,
    read_site,
    stopped_entry,
)

LINK = re.compile(r"[{|](?P<what>filename|static|attach)[|}](?P<value>[^\s)\"'>\]]+)")


@dataclass
class CheckResult:
    entries: list[Entry] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

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
            site = read_site(settings)
            sources = [c for c in content_objects(site)
                       if c.source_path and c.source_path.endswith(".md")]
            files = len({c.source_path for c in sources})
            for rule in (missing_translations, broken_links, duplicate_addresses,
                         due_for_review):
                for problem in rule(site, sources):
                    log.add(Entry(problem.severity, problem))
        except Exception as error:
            log.add(stopped_entry(error))
    return CheckResult(log.sorted(), files, time.perf_counter() - started)


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


def duplicate_addresses(site, sources):
    """Two outputs at one address: the second would overwrite the first (Pelican stops
    the build with 'Failed to overwrite … as Pelican has already written to it', naming
    neither source)."""
    writers = defaultdict(list)  # output file -> the sources that would write it
    for content in content_objects(site):
        if getattr(content, "save_as", "") and content.status == "published":
            writers[content.save_as].append(_shown(site.settings, content.source_path))
    lists = {listing.url + "index.html"  # bilingual_listings' news lists
             for generator in site.generators for listing in getattr(generator, "listings", [])}
    for address, owners in sorted(writers.items()):
        url = address.removesuffix("index.html")
        for owner in owners:
            others = [o for o in owners if o != owner]
            if others:
                yield Problem(owner, 1, "", "its address /{address} is also the address of "
                              "{others}",
                              "rename this file's folder: the folder name makes the address",
                              params={"address": url, "others": ", ".join(others)})
            if address in lists:
                yield Problem(owner, 1, "", "its address /{address} is the address of a list "
                              "of news",
                              "rename this file's folder: the folder name makes the address",
                              params={"address": url})


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
                           severity="notice", params={"date": review_by.date().isoformat()})
