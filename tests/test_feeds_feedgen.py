"""feedgen's traps (../shared/notes/pelican-ecosystem.md §3, plus one found here): each
test shows the trap in plain feedgen, then that our writer (`feeds.documents`) avoids it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import lxml.etree
import pytest
from feedgen.feed import FeedGenerator

from feeds.catalogue import Feed
from feeds.documents import Cover, Entry, Publisher, feed_document
from site_helpers import ROOT

RIGA = ZoneInfo("Europe/Riga")
SITE = "https://socialais-dienests.example.lv"
ATOM = "http://www.w3.org/2005/Atom"
ATOM_SCHEMA = lxml.etree.RelaxNG(lxml.etree.parse(str(ROOT / "tests/fixtures/feeds/atom.rng")))


def _entry(number, published, *, cover=None, modified=None):
    return Entry(
        id=f"tag:socialais-dienests.example.lv,2026:news/{published:%Y-%m-%d}/{number:010d}/lv",
        title=f"Ziņa {number}", link=f"{SITE}/jaunumi/2025/zina-{number}/",
        summary=f"<p>Īsumā {number}.</p>",
        content=f'<p>Pilns teksts {number}. <a href="{SITE}/kontakti/">Kontakti</a></p>',
        author="Anita Gāga", categories=(("visit", "Pieredzes vizīte"),),
        published=published, updated=modified or published, cover=cover)


# newest first, as the site lists them: a summer story (+03:00) and two winter ones (+02:00)
ENTRIES = [
    _entry(3, datetime(2025, 7, 14, 10, 30, tzinfo=RIGA), modified=datetime(
        2025, 8, 1, 9, 0, tzinfo=RIGA)),
    _entry(2, datetime(2025, 2, 3, tzinfo=RIGA)),
    _entry(1, datetime(2024, 12, 20, tzinfo=RIGA)),
]
FEED = Feed("lv", "all", "", [], {"atom": "jaunumi/atom.xml", "rss": "jaunumi/rss.xml"},
            "jaunumi/", title="Novada Sociālais dienests — Visas ziņas",
            subtitle="Visas sociālā dienesta ziņas, jaunākās vispirms.")
PUBLISHER = Publisher("Novada Sociālais dienests", "socialais.dienests@example.lv", f"{SITE}/")
NEWEST_CHANGE = datetime(2025, 8, 1, 9, 0, tzinfo=RIGA)


def _ours(fmt, entries=ENTRIES):
    return feed_document(FEED, fmt, entries, NEWEST_CHANGE, PUBLISHER, SITE)


def _plain_generator():
    """feedgen as its README shows it."""
    generator = FeedGenerator()
    generator.id(f"{SITE}/jaunumi/atom.xml")
    generator.title("Ziņas")
    generator.description("Visas ziņas")
    generator.link(href=f"{SITE}/jaunumi/", rel="alternate")
    generator.link(href=f"{SITE}/jaunumi/atom.xml", rel="self")
    return generator


def _add_plainly(generator, entries=ENTRIES):
    for entry in entries:
        item = generator.add_entry()
        item.id(entry.id)
        item.title(entry.title)
        item.link(href=entry.link)
        item.content(entry.content, type="html")
        item.updated(entry.updated)


def test_1_entries_stay_newest_first():
    plain = _plain_generator()
    _add_plainly(plain)
    plain_titles = [e.title for e in feedparser.parse(plain.atom_str()).entries]
    assert plain_titles == ["Ziņa 1", "Ziņa 2", "Ziņa 3"]  # the trap: add_entry prepends
    for fmt in ("atom", "rss"):
        assert [e.title for e in feedparser.parse(_ours(fmt)).entries] == [
            "Ziņa 3", "Ziņa 2", "Ziņa 1"]


def test_2_rss_channel_link_is_the_page_not_the_feed():
    plain = _plain_generator()
    _add_plainly(plain)
    channel = lxml.etree.fromstring(plain.rss_str()).find("channel")
    assert channel.findtext("link") == f"{SITE}/jaunumi/atom.xml"  # the trap: last link()
    ours = lxml.etree.fromstring(_ours("rss")).find("channel")
    assert ours.findtext("link") == f"{SITE}/jaunumi/"


def _self_link(document: bytes) -> str:
    root = lxml.etree.fromstring(document)
    links = root.findall(f"channel/{{{ATOM}}}link") if root.tag == "rss" else root.findall(
        f"{{{ATOM}}}link")
    return next(link.get("href") for link in links if link.get("rel") == "self")


def test_3_each_format_names_itself_as_self():
    plain = _plain_generator()
    plain.link(href=f"{SITE}/jaunumi/rss.xml", rel="self")  # one generator for both formats
    _add_plainly(plain)
    assert _self_link(plain.rss_str()) == f"{SITE}/jaunumi/atom.xml"  # the trap
    assert _self_link(_ours("atom")) == f"{SITE}/jaunumi/atom.xml"
    assert _self_link(_ours("rss")) == f"{SITE}/jaunumi/rss.xml"


def test_4_summary_does_not_replace_the_full_text():
    plain = _plain_generator()
    item = plain.add_entry()
    item.id(ENTRIES[0].id)
    item.title("Ziņa")
    item.content(ENTRIES[0].content, type="html")
    item.description(ENTRIES[0].summary)  # the trap: overwrites Atom content, drops type
    content = lxml.etree.fromstring(plain.atom_str()).find(f"{{{ATOM}}}entry/{{{ATOM}}}content")
    assert content.text == ENTRIES[0].summary and content.get("type") is None
    entry = lxml.etree.fromstring(_ours("atom")).find(f"{{{ATOM}}}entry")
    assert entry.find(f"{{{ATOM}}}content").get("type") == "html"
    assert entry.find(f"{{{ATOM}}}content").text == ENTRIES[0].content
    assert entry.find(f"{{{ATOM}}}summary").text == ENTRIES[0].summary
    item = lxml.etree.fromstring(_ours("rss")).find("channel/item")
    assert item.findtext("description") == ENTRIES[0].summary
    assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") == ENTRIES[
        0].content


def test_5_content_is_html_not_cdata():
    plain = _plain_generator()
    item = plain.add_entry()
    item.id(ENTRIES[0].id)
    item.title("Ziņa")
    item.updated(ENTRIES[0].updated)
    item.content(ENTRIES[0].content, type="CDATA")
    assert b'<content type="CDATA">' in plain.atom_str()  # the trap
    assert not ATOM_SCHEMA.validate(lxml.etree.fromstring(plain.atom_str()))
    assert ATOM_SCHEMA.validate(lxml.etree.fromstring(_ours("atom"))), ATOM_SCHEMA.error_log
    assert b"CDATA" not in _ours("atom") + _ours("rss")


def test_6_dates_are_the_stories_with_the_riga_offset():
    plain = _plain_generator()
    _add_plainly(plain)
    build_time = feedparser.parse(plain.rss_str()).feed.updated_parsed  # the trap: now
    assert datetime(*build_time[:6]) > NEWEST_CHANGE.replace(tzinfo=None)
    naive = _plain_generator()
    item = naive.add_entry()
    with pytest.raises(ValueError, match="no timezone"):
        item.published(datetime(2025, 7, 14, 10, 30))
    atom = lxml.etree.fromstring(_ours("atom"))
    assert atom.findtext(f"{{{ATOM}}}updated") == "2025-08-01T09:00:00+03:00"
    entries = atom.findall(f"{{{ATOM}}}entry")
    assert [e.findtext(f"{{{ATOM}}}published") for e in entries] == [
        "2025-07-14T10:30:00+03:00", "2025-02-03T00:00:00+02:00", "2024-12-20T00:00:00+02:00"]
    assert entries[0].findtext(f"{{{ATOM}}}updated") == "2025-08-01T09:00:00+03:00"
    channel = lxml.etree.fromstring(_ours("rss")).find("channel")
    assert channel.findtext("lastBuildDate") == "Fri, 01 Aug 2025 09:00:00 +0300"
    assert channel.find("item").findtext("pubDate") == "Mon, 14 Jul 2025 10:30:00 +0300"
    assert _ours("atom") == _ours("atom") and _ours("rss") == _ours("rss")


def test_7_the_cover_photo_is_an_enclosure_not_a_second_page_link():
    cover = Cover(f"{SITE}/news/2025/zina-3/photos/vizite.jpg", 1200, 800,
                  "Sociālie darbinieki pie dienas centra", 182311, "image/jpeg")
    plain = _plain_generator()
    item = plain.add_entry()
    item.id(ENTRIES[0].id)
    item.title("Ziņa")
    item.updated(ENTRIES[0].updated)
    item.link(href=ENTRIES[0].link, rel="alternate")
    item.enclosure(cover.url, str(cover.length), cover.type)
    links = lxml.etree.fromstring(plain.atom_str()).findall(f"{{{ATOM}}}entry/{{{ATOM}}}link")
    assert [link.get("rel") for link in links] == [None, None]  # the trap: both "alternate"

    with_cover = [_entry(3, ENTRIES[0].published, cover=cover)]
    entry = lxml.etree.fromstring(_ours("atom", with_cover)).find(f"{{{ATOM}}}entry")
    enclosure = next(link for link in entry.findall(f"{{{ATOM}}}link")
                     if link.get("rel") == "enclosure")
    assert dict(enclosure.attrib) == {"rel": "enclosure", "href": cover.url,
                                      "type": "image/jpeg", "length": "182311",
                                      "title": cover.alt}
    thumbnail = entry.find("{http://search.yahoo.com/mrss/}thumbnail")
    assert thumbnail.get("url") == cover.url and thumbnail.get("width") == "1200"
    rss_item = lxml.etree.fromstring(_ours("rss", with_cover)).find("channel/item")
    assert dict(rss_item.find("enclosure").attrib) == {
        "url": cover.url, "length": "182311", "type": "image/jpeg"}
    parsed = feedparser.parse(_ours("atom", with_cover)).entries[0]
    assert parsed.link == ENTRIES[0].link
    assert [e.href for e in parsed.enclosures] == [cover.url]
