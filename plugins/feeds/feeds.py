"""Atom and RSS feeds of the news, per language, kind, service and target group.

Pelican's own feeds are off (pelicanconf.py); this plugin writes them with feedgen.

Signals:
- `get_generators`: `FeedsGenerator`;
- `all_generators_finalized` (every story, page and service is known by then): the
  generator plans the feeds (`catalogue.plan`), gives each its title and description in
  its language from the theme's `feed_wording.html` (so feed words live in messages.po
  with every other word of the site), assigns each story its stable id
  (`entry_ids`) and puts `news_feeds` ({lang: [Feed]}, the `all` feed first) in the
  context;
- `generate_output` (writing phase): stores new ids beside the stories, writes every
  feed in both formats (`documents`) and each language's Subscribe page;
- `generator_init`: the Jinja global `page_feeds(lang)` — the feeds a page advertises
  for autodiscovery: its language's feed of all news, plus the feed of the list or
  page it is (a kind's list, a service page …).
"""

import os
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from content_schema import build_today

from . import entry_ids
from .absolute_urls import absolute_html
from .catalogue import FORMATS, Feed, plan
from .documents import Cover, Entry, Publisher, cover_type, feed_document

WORDING_TEMPLATE = "feed_wording.html"


def plain_text(macro_output) -> str:
    """The words a wording macro wrote, as text for feedgen (which escapes them itself)
    and for templates (which do): the theme autoescapes, so the macro's `Markup` holds a
    service's name as `&amp;`…"""
    return macro_output.strip().unescape()


def story_updated(story) -> datetime:
    return max(story.date, getattr(story, "modified", None) or story.date)


class FeedsGenerator(Generator):
    """Plans the feeds once everything is read (`plan`, from `all_generators_finalized`:
    the services plugin's context may come from any generator) and writes them."""

    def plan(self):
        self.catalogue = plan(self.context, self.settings)
        self.wording = {}
        for lang, feeds in self.catalogue.items():
            wording = self.env.get_template(WORDING_TEMPLATE).make_module(
                {**self.context, "lang": lang})
            for feed in feeds:
                feed.label = plain_text(wording.feed_label(feed))
                feed.title = plain_text(wording.feed_title(feed))
                feed.subtitle = plain_text(wording.feed_subtitle(feed))
            self.wording[lang] = wording
        self.context["news_feeds"] = self.catalogue
        self.ids, self.ids_to_store = entry_ids.assign(
            self._bundles(), self.settings["FEED_TAGGING_ENTITY"])

    def _bundles(self) -> list[entry_ids.Bundle]:
        project = Path(os.path.dirname(self.settings["PATH"]))
        bundles = {}
        for stories in self.context.get("articles_by_lang", {}).values():
            for story in stories:
                known = bundles.get(story.bundle)
                if known is None or story.date < known.published:
                    bundles[story.bundle] = entry_ids.Bundle(
                        story.bundle, project / story.bundle_dir, story.bundle_dir,
                        story.date)
        return list(bundles.values())

    def generate_output(self, writer):
        for bundle in self.ids_to_store:
            entry_ids.store(bundle, self.ids[bundle.name])
        site_updated = self._site_updated()
        for lang, feeds in self.catalogue.items():
            publisher = Publisher(self.settings["DEPARTMENT"][lang]["name"],
                                  self.settings["CONTACT_EMAIL"],
                                  f"{self.settings['SITEURL']}/"
                                  f"{self.settings['LISTING_URLS'][lang]['home']}")
            entries = {}
            for feed in feeds:
                shown = feed.stories[: self.settings["FEED_ENTRIES"]]
                made_from = frozenset(story.source_path for story in shown)
                formats = [fmt for fmt in FORMATS
                           if not kept(writer, feed.urls[fmt], made_from)]
                if not formats:
                    continue
                for story in shown:
                    if story.bundle not in entries:
                        entries[story.bundle] = self._entry(story, feeds)
                feed_entries = [entries[story.bundle] for story in shown]
                updated = max((e.updated for e in feed_entries), default=site_updated)
                for fmt in formats:
                    target = Path(self.output_path) / feed.urls[fmt]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(feed_document(feed, fmt, feed_entries, updated,
                                                     publisher, self.settings["SITEURL"]))
            self._write_subscribe_page(writer, lang, feeds)

    def _site_updated(self) -> datetime:
        """`updated` of a feed with no entries yet: the newest story of the site."""
        stories = [s for each in self.context.get("articles_by_lang", {}).values()
                   for s in each]
        if stories:
            return max(story_updated(s) for s in stories)
        zone = ZoneInfo(self.settings["TIMEZONE"])
        return datetime.combine(build_today(self.settings), time(), tzinfo=zone)

    def _entry(self, story, feeds: list[Feed]) -> Entry:
        site = self.settings["SITEURL"]
        link = f"{site}/{story.url}"
        service_names = {f.key: f.name for f in feeds if f.scope == "service"}
        categories = [(story.kind, plain_text(self.wording[story.lang].kind_name(story.kind)))]
        categories += [(tag.slug, tag.name) for tag in story.tags]
        categories += [(slug, service_names.get(slug, slug))
                       for slug in getattr(story, "services", ())]
        return Entry(
            id=entry_ids.entry_id(self.ids[story.bundle], story.lang),
            title=story.title,
            link=link,
            summary=absolute_html(str(story.summary or ""), link),
            content=absolute_html(story.get_content(site), link),
            author=str(story.author) if "author" in story.metadata else None,
            categories=tuple(categories),
            published=story.date,
            updated=story_updated(story),
            cover=self._cover(story),
        )

    def _cover(self, story) -> Cover | None:
        """The story's cover photo (`cover_image`, set by the gallery plugin). Its length
        is the published file's size: the gallery writes its photos with the first story,
        before the feeds; 0 ("unknown", as the RSS Advisory Board advises) otherwise."""
        image = getattr(story, "cover_image", None)
        if not image:
            return None
        url = image["url"]
        if not url.startswith(("http://", "https://")):
            published = Path(self.output_path) / url.lstrip("/")
            url = f"{self.settings['SITEURL']}/{url.lstrip('/')}"
            length = published.stat().st_size if published.is_file() else 0
        else:
            length = 0
        return Cover(url, image.get("width"), image.get("height"), image.get("alt", ""),
                     length, cover_type(url))

    def _write_subscribe_page(self, writer, lang, feeds):
        urls = self.settings["SUBSCRIBE_URLS"]
        writer.write_file(
            urls[lang] + "index.html", self.get_template("subscribe"), self.context,
            lang=lang, feeds=feeds, alternates_by_page={1: dict(urls)})


def kept(writer, name: str, stories: frozenset[str]) -> bool:
    """Whether the writer kept the served feed `name` (sitetool's `KeepingWriter`: when
    no story it shows was edited since it was made); the writer notes what it shows
    either way. A feed is made from its stories alone, but for what every build has the
    same when only story texts changed: the settings, the theme's words, the front
    matter of every story (which stories a feed shows, their dates, titles, tags)."""
    keep = getattr(writer, "keep_made_from", None)
    return keep is not None and keep(name, stories)


def plan_feeds(generators):
    for generator in generators:
        if isinstance(generator, FeedsGenerator):
            generator.plan()


@pass_context
def page_feeds(context, lang) -> list[Feed]:
    """The feeds a page links to (autodiscovery): its language's feed of all news, and
    the feed of the list or page it is (`Feed.page_url` is where it starts)."""
    feeds = context.get("news_feeds", {}).get(lang, [])
    here = context.get("output_file") or ""
    return [feed for number, feed in enumerate(feeds)
            if number == 0 or (feed.page_url and here.startswith(feed.page_url))]


def install_globals(generator):
    generator.env.globals["page_feeds"] = page_feeds


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(plan_feeds)
    signals.generator_init.connect(install_globals)
