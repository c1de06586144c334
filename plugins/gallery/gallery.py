"""Photo galleries from the photos in a story's folder.

A story (`content/news/<year>/<slug>/`) shows the photos its `photos:` front-matter list
names, in that order, each with its alt text and caption per language and its credit
(fields.py; the web editor writes this list). A story without one shows the files its
`gallery:` list names, or else those of its `photos/` folder, described and ordered by
the folder's sidecar `photos.yml` (the same entries, as stories were written before the
web editor; sidecar.py), else by file name. Its cover is the `cover:` file, else the
first photo.

Signals:
- `article_generator_finalized` (reading): plan every story's gallery from file headers
  only — nothing is decoded, so `sitetool check` stays fast — and log one `Problem` line
  per bad photo, sidecar entry or missing alt text. Stories get `gallery_photos` (list of
  `PhotoView`), `cover_photo` (a `PhotoView` or None) and `cover_image`
  ({url, width, height, alt} of the cover's JPEG for link previews, or None).
- `page_generator_finalized` (reading, once stories and pages are read): images in the
  text of stories, pages and services become renditions too (body_images.py). No
  original is ever published: plugins/published_files publishes only the files content
  names, and never an image.
- `article_generator_write_article`, `page_generator_write_page` (writing): before the
  first story or page is written,
  process every published photo in parallel (processing.py). A photo that fails is left
  out of every page and its story's cover falls back to the next photo, so no page
  shows a broken image.

Bad photos are *warnings*: the site still builds around them in a preview, and the
strict production build (warnings fail it) refuses to publish until they are fixed.
"""

import dataclasses
import fnmatch
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican import signals

from content_schema import Problem, log_problems, slugify_title

from .body_images import BodyImages
from .photos import (
    Photo,
    PhotoText,
    PhotoView,
    Unusable,
    damaged,
    natural_key,
    read_header,
)
from .processing import Cache, publish_renditions, thumbnails_first
from .sidecar import Sidecar, read_sidecar

logger = logging.getLogger(__name__)

FALLBACK_FORMAT = "jpeg"  # the <img> of every <picture>: all browsers and link previews


@dataclass
class Described:
    """Where a photo's texts are written: an entry of a story's `photos:` or of a
    sidecar."""

    shown: str  # the file, as editors know it
    line: int  # the entry's
    alt_line: int
    alt_field: str  # "photos[1].alt" in a story, "alt" in a sidecar
    text: PhotoText


class Story:
    """One story's planned photos, in order, and its preferred cover."""

    def __init__(self, content, photos: list[Photo], cover: Photo | None):
        self.content, self.photos, self.cover = content, photos, cover


class Planner:
    def __init__(self, settings):
        self.settings = settings
        formats = list(settings["GALLERY_FORMATS"])
        if not formats or formats[-1] != FALLBACK_FORMAT or not set(formats) <= {
                "avif", "webp", "jpeg"}:
            raise ValueError("GALLERY_FORMATS: list avif and/or webp first, and jpeg last "
                             "(the image every browser shows)")
        self.formats = formats
        self.project = Path(os.path.dirname(settings["PATH"]))
        self.sidecars: dict[Path, Sidecar] = {}
        self.photos: dict[Path, Photo | None] = {}  # None: unusable (already reported)
        self.described: dict[Path, Described | None] = {}  # None: no texts written
        self.paths_in_story: dict[Path, str] = {}  # photos/zale.jpg, as `photos:` names it
        self.url_stems: dict[str, set[str]] = {}  # gallery folder URL -> stems taken
        self.stories: list[Story] = []
        self.processed = False
        self.text_images: set[Path] = set()  # files texts show or link to, done or refused
        self.cache = Cache(Path(settings["GALLERY_CACHE_PATH"]))

    def shown(self, path: Path) -> str:
        return os.path.relpath(path, self.project)

    def report(self, problem: Problem) -> None:
        log_problems(logger, [problem])

    def sidecar(self, folder: Path) -> Sidecar:
        if folder not in self.sidecars:
            path = folder / self.settings["GALLERY_SIDECAR"]
            sidecar = read_sidecar(path, self.shown(path), self.settings)
            for problem in sidecar.problems:
                self.report(problem)
            self.sidecars[folder] = sidecar
        return self.sidecars[folder]

    def photo(self, source: Path, content, severity: str = "warning",
              described: Described | None = None) -> Photo | None:
        """The planned photo at `source` (planned and checked once per build), with its
        texts from `described` (a story's `photos:` entry), else from its folder's
        sidecar; a file that cannot be one is reported at `severity`."""
        if source in self.photos:
            return self.photos[source]
        try:
            header = read_header(source, self.shown(source),
                                 self.settings["GALLERY_MAX_PIXELS"])
        except Unusable as unusable:
            self.report(dataclasses.replace(unusable.problem, severity=severity))
            self.photos[source] = None
            return None
        # pages and services have no year: their photos go under GALLERY_PAGE_URL
        folder_url = self.settings["GALLERY_URL" if "year" in content.metadata
                                   else "GALLERY_PAGE_URL"].format(**content.metadata)
        taken = self.url_stems.setdefault(folder_url, set())
        stem = base = slugify_title(source.stem) or "photo"
        number = 1
        while stem in taken:  # zale.jpg and zale.png in one story
            number += 1
            stem = f"{base}-{number}"
        taken.add(stem)
        if described is None:
            entry = self.sidecar(source.parent).entries.get(source.name)
            described = entry and Described(
                self.shown(self.sidecar(source.parent).path), entry.line,
                entry.lines.get("alt", entry.line), "alt", entry.text)
        self.described[source] = described
        self.paths_in_story[source] = os.path.relpath(source, self.project / content.bundle_dir)
        photo = Photo.plan(source, self.shown(source), header, folder_url + stem,
                           self.settings, described.text if described else PhotoText())
        thumbnails_first(photo, self.cache, self.settings)
        self.photos[source] = photo
        return photo

    def _named_files(self, content, bundle: Path, named: list[tuple[str, str]]) -> list[Path]:
        """The files that front-matter values name ((key, path from the story's folder)),
        in order. A missing one is reported by the file that writes the field (not by a
        translation that inherits it)."""
        found = []
        for key, value in named:
            path = (bundle / value).resolve()
            if path.is_relative_to(bundle.resolve()) and path.is_file():
                found.append(path)
            elif key.partition("[")[0] in content.front_matter_lines:
                self.report(Problem(
                    content.source_file, content.front_matter_lines.get(key, 1), key,
                    "'{value}' is not a file in the story's folder",
                    "write the path from the story's folder, e.g. photos/vizite-1.jpg",
                    severity="warning", params={"value": value}))
        return found

    def _folder_photos(self, folder: Path) -> list[Path]:
        if not folder.is_dir():
            return []
        sidecar_name, ignored = self.settings["GALLERY_SIDECAR"], self.settings["IGNORE_FILES"]
        files = [child for child in folder.iterdir()  # not Windows' Thumbs.db, hidden files
                 if child.is_file() and child.name != sidecar_name
                 and not any(fnmatch.fnmatch(child.name, pattern) for pattern in ignored)]
        order = list(self.sidecar(folder).entries)
        return sorted(files, key=lambda f: (f.name not in order,
                                            order.index(f.name) if f.name in order else 0,
                                            natural_key(f.name)))

    def _described_photos(self, content, bundle: Path) -> list[Photo]:
        """The photos of the story's `photos:` list, with their texts."""
        lines = content.front_matter_lines
        if "gallery" in lines and "photos" in lines:
            self.report(Problem(
                content.source_file, lines["gallery"], "gallery",
                "'photos' already lists the story's photos", "delete 'gallery' and its "
                "list (the photos shown are those of 'photos')", severity="warning"))
        twin = content.source_file if "photos" in lines else _default_twin(content)
        photos = []
        for index, entry in enumerate(content.photos):
            key = f"photos[{index}]"
            found = self._named_files(content, bundle, [(f"{key}.file", entry["file"])])
            described = Described(
                twin, lines.get(key, 1), lines.get(f"{key}.alt", lines.get(key, 1)),
                f"{key}.alt", PhotoText(entry.get("alt", {}), entry.get("caption", {}),
                                        entry.get("credit", "")))
            if found and (photo := self.photo(found[0].resolve(), content,
                                              described=described)):
                photos.append(photo)
        return photos

    def add(self, content) -> None:
        bundle = self.project / content.bundle_dir
        listed = getattr(content, "gallery", None)
        if getattr(content, "photos", None):
            photos = self._described_photos(content, bundle)
        else:
            sources = (self._named_files(content, bundle,
                                         [(f"gallery[{index}]", value)
                                          for index, value in enumerate(listed)])
                       if listed else
                       self._folder_photos(bundle / self.settings["GALLERY_FOLDER"]))
            photos = [photo for source in sources
                      if (photo := self.photo(source.resolve(), content))]
        cover = None
        if getattr(content, "cover", None):
            chosen = self._named_files(content, bundle, [("cover", content.cover)])
            cover = self.photo(chosen[0], content) if chosen else None
        shows = [*photos, cover] if cover else photos
        for photo in shows:
            photo.languages.add(content.lang)
            photo.published |= content.status in ("published", "hidden")
        story = Story(content, photos, cover)
        self.stories.append(story)
        self.assign(story)

    def assign(self, story: Story) -> None:
        """Put the story's photos that are (still) usable on the content object."""
        content, share_width = story.content, self.settings["GALLERY_SHARE_WIDTH"]
        views = [PhotoView(p, content.lang, self.formats, share_width)
                 for p in story.photos if not p.failed]
        content.gallery_photos = views
        if story.cover and not story.cover.failed:
            content.cover_photo = PhotoView(story.cover, content.lang, self.formats,
                                            share_width)
        else:
            content.cover_photo = views[0] if views else None
        cover = content.cover_photo
        content.cover_image = cover and {"url": cover.share.url, "width": cover.share.width,
                                         "height": cover.share.height, "alt": cover.alt}

    def report_missing_alt(self) -> None:
        """Alt text in every language a photo is shown in (people who cannot see it
        depend on it); a warning, so the strict build refuses a story without it."""
        for source, photo in self.photos.items():
            if photo is None:
                continue
            described = self.described[source]
            sidecar = self.sidecar(source.parent)
            if described is None and sidecar.path.is_file():  # a story written before
                self.report(Problem(
                    photo.shown, 1, "", "the photo has no alt text",
                    "add it to {sidecar}: an entry '- file: {name}' with 'alt:' in each "
                    "language", severity="warning",
                    params={"sidecar": self.shown(sidecar.path), "name": photo.source.name}))
                continue
            if described is None:
                self.report(Problem(
                    photo.shown, 1, "", "the photo has no alt text",
                    "list it in the story's 'photos:' as '- file: {file}' with 'alt:' in "
                    "each language (in the web editor: the story's photos)",
                    severity="warning",
                    params={"file": self.paths_in_story[source]}))
                continue
            for lang in sorted(photo.languages - set(described.text.alt)):
                self.report(Problem(
                    described.shown, described.alt_line, f"{described.alt_field}.{lang}",
                    "{name} has no alt text in this language",
                    "describe what the photo shows, for people who cannot see it",
                    severity="warning", params={"name": photo.source.name}))

    def process(self, output_path: str) -> None:
        self.processed = True
        to_publish = [p for p in self.photos.values() if p and p.published]
        for photo, reason in publish_renditions(to_publish, self.settings, output_path,
                                                self.cache).items():
            photo.failed = True
            logger.debug("%s: %s", photo.shown, reason)
            self.report(damaged(photo.shown))
        if any(p.failed for p in to_publish):
            for story in self.stories:
                self.assign(story)


def _default_twin(content) -> str:
    """The default-language file a translation takes its `photos:` from."""
    default = content.settings["DEFAULT_LANG"]
    return os.path.join(os.path.dirname(content.source_file), f"index.{default}.md")


def plan_galleries(generator):
    planner = Planner(generator.settings)
    stories = [*generator.articles, *generator.translations, *generator.drafts,
               *generator.drafts_translations, *generator.hidden_articles,
               *generator.hidden_translations]
    default = generator.settings["DEFAULT_LANG"]
    # the default-language file first: it writes the `photos:` its translation takes
    for content in sorted(stories, key=lambda c: (c.lang != default,
                                                  getattr(c, "source_file", ""))):
        if getattr(content, "bundle_dir", None):
            planner.add(content)
    planner.report_missing_alt()
    generator.context["gallery_plan"] = planner


def process_photos(generator, content):
    planner = generator.context.get("gallery_plan")
    if planner is not None and not planner.processed:
        planner.process(generator.output_path)


def route_body_images(generator):
    """Images in the text of every story and page (the articles are read before the
    pages) become renditions."""
    planner = generator.context.get("gallery_plan")
    if planner is None:
        return
    body_images = BodyImages(planner)
    pages = [*generator.pages, *generator.translations, *generator.hidden_pages,
             *generator.hidden_translations, *generator.draft_pages,
             *generator.draft_translations]
    for content in [*(story.content for story in planner.stories), *pages]:
        if getattr(content, "bundle_dir", None):
            body_images.rewrite(content)


def register():
    signals.article_generator_finalized.connect(plan_galleries)
    signals.page_generator_finalized.connect(route_body_images)
    signals.article_generator_write_article.connect(process_photos)
    signals.page_generator_write_page.connect(process_photos)
