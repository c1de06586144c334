"""One feed as an Atom 1.0 or RSS 2.0 document, with feedgen.

feedgen has traps (reproduced in ../shared/notes/pelican-ecosystem.md §3, each pinned by
tests/test_feeds_feedgen.py), avoided here:
1. `add_entry()` prepends: entries are added with `order="append"`, newest first;
2. the RSS channel `<link>` is the *last* `link()`: the self link goes first, the page
   link last;
3. the RSS self link is the *first* self link: one generator per format, never one
   generator serialised twice;
4. `description()` overwrites Atom content: `summary()` and `content()` are set apart;
5. `type="CDATA"` makes invalid Atom: content is `type="html"`;
6. dates default to now and must be aware: `updated`/`lastBuildDate` are the newest
   entry's date and every date carries the Europe/Riga offset, so an unchanged site
   gives byte-identical feeds;
7. Atom entry links lose every attribute but `href` (feedgen issues #135, #143), so an
   enclosure would become a second `alternate` link (invalid Atom): the Atom cover
   link is written by a small entry extension, `AtomEntryLinks`.
"""

import mimetypes
from dataclasses import dataclass
from datetime import datetime

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .catalogue import FORMATS, Feed


@dataclass(frozen=True)
class Cover:
    url: str
    width: int | None
    height: int | None
    alt: str
    length: int  # bytes; 0 when unknown, as the RSS Advisory Board advises
    type: str


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    summary: str                             # HTML, absolute addresses
    content: str                             # HTML, absolute addresses
    author: str | None
    categories: tuple[tuple[str, str], ...]  # (term, label)
    published: datetime
    updated: datetime
    cover: Cover | None


@dataclass(frozen=True)
class Publisher:
    """Who publishes every feed of one language."""
    name: str
    email: str
    home: str  # absolute URL of the language's home page


class AtomEntryLinks(BaseEntryExtension):
    """Atom entry links with all their attributes (see trap 7 above)."""

    def __init__(self):
        self.links: list[dict[str, str]] = []

    def add(self, **attributes: str) -> None:
        self.links.append(attributes)

    def extend_atom(self, entry):
        for attributes in self.links:
            xml_elem("link", entry, **attributes)
        return entry


def cover_type(url: str) -> str:
    return mimetypes.guess_type(url)[0] or "application/octet-stream"


def _add_entry(generator: FeedGenerator, fmt: str, entry: Entry) -> None:
    item = generator.add_entry(order="append")
    item.id(entry.id)
    item.title(entry.title)
    item.link(href=entry.link, rel="alternate", type="text/html")
    item.summary(entry.summary, type="html")
    item.content(entry.content, type="html")
    item.published(entry.published)
    item.updated(entry.updated)
    if entry.author:
        item.author(name=entry.author)
        if fmt == "rss":
            item.dc.dc_creator(entry.author)
    for term, label in entry.categories:
        item.category(term=term, label=label)
    if entry.cover:
        cover = entry.cover
        if fmt == "atom":
            described = {"title": cover.alt} if cover.alt else {}
            item.atom_links.add(rel="enclosure", href=cover.url, type=cover.type,
                                length=str(cover.length), **described)
        else:
            item.enclosure(cover.url, str(cover.length), cover.type)
        thumbnail = {"url": cover.url}
        if cover.width and cover.height:
            thumbnail.update(width=str(cover.width), height=str(cover.height))
        item.media.thumbnail(thumbnail, group=None)  # no media:group around it


def feed_document(feed: Feed, fmt: str, entries: list[Entry], updated: datetime,
                  publisher: Publisher, site_url: str) -> bytes:
    """The `fmt` ("atom" or "rss") document of `feed` with `entries` (newest first)."""
    generator = FeedGenerator()
    # Extensions before the first entry: entries get them when they are created.
    generator.load_extension("media")
    if fmt == "atom":
        generator.register_extension("atom_links", BaseExtension, AtomEntryLinks, rss=False)
    else:
        generator.load_extension("dc", atom=False, rss=True)  # dc:creator: a name, no e-mail
    generator.id(f"{site_url}/{feed.urls['atom']}")
    generator.title(feed.title)
    generator.subtitle(feed.subtitle)
    generator.language(feed.lang)
    generator.author(name=publisher.name, email=publisher.email, uri=publisher.home)
    generator.managingEditor(f"{publisher.email} ({publisher.name})")
    generator.link(href=f"{site_url}/{feed.urls[fmt]}", rel="self", type=FORMATS[fmt])
    page = publisher.home if feed.page_url is None else f"{site_url}/{feed.page_url}"
    generator.link(href=page, rel="alternate", type="text/html")
    generator.updated(updated)
    generator.lastBuildDate(updated)
    for entry in entries:
        _add_entry(generator, fmt, entry)
    if fmt == "atom":
        return generator.atom_str(pretty=True, encoding="UTF-8")
    return generator.rss_str(pretty=True, encoding="UTF-8")
