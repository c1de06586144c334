"""What every feed of a built site must be, checked the way the feed tests share:
parsed by feedparser (as readers do), validated against Atom 1.0 (RELAX NG, plus the
RFC 4287 rules a grammar cannot state) or RSS 2.0's required elements, with lxml."""

from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html

from site_helpers import ROOT, BuiltSite

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_SCHEMA = lxml.etree.RelaxNG(lxml.etree.parse(str(ROOT / "tests/fixtures/feeds/atom.rng")))
FEED_TYPES = {"atom.xml": "application/atom+xml", "rss.xml": "application/rss+xml"}
ABSOLUTE = ("http://", "https://", "mailto:", "tel:")


@dataclass
class BuiltFeed:
    file: Path
    url: str
    lang: str
    format: str  # atom | rss
    parsed: feedparser.FeedParserDict
    tree: lxml.etree._Element


def built_feeds(site: BuiltSite) -> list[BuiltFeed]:
    feeds = []
    for name in FEED_TYPES:
        for file in sorted(site.root.rglob(name)):
            data = file.read_bytes()
            relative = file.relative_to(site.root).as_posix()
            feeds.append(BuiltFeed(
                file, f"{site.url}/{relative}", "en" if relative.startswith("en/") else "lv",
                name.removesuffix(".xml"), feedparser.parse(data), lxml.etree.fromstring(data)))
    return feeds


def addresses_in(html: str) -> list[str]:
    """Every link and image address in an HTML fragment (srcset candidates included)."""
    if not html.strip():
        return []
    found = []
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter():
        for attribute in ("href", "src", "poster", "cite"):
            if element.get(attribute) is not None:
                found.append(element.get(attribute))
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
    return found


def relative_addresses(feed: BuiltFeed) -> list[str]:
    """Addresses in entry summaries and contents that are not absolute."""
    bad = []
    for entry in feed.parsed.entries:
        texts = [entry.get("summary", "")] + [c.value for c in entry.get("content", [])]
        bad += [url for text in texts for url in addresses_in(text)
                if not url.startswith(ABSOLUTE)]
    return bad


def atom_problems(tree) -> list[str]:
    problems = []
    if not ATOM_SCHEMA.validate(tree):
        problems += [str(error) for error in ATOM_SCHEMA.error_log]
    atom = f"{{{ATOM_NS}}}"
    feed_has_author = tree.find(f"{atom}author") is not None
    for entry in tree.findall(f"{atom}entry"):
        ident = entry.findtext(f"{atom}id")
        if not feed_has_author and entry.find(f"{atom}author") is None:
            problems.append(f"{ident}: no author in the entry or the feed (RFC 4287 4.1.1)")
        links = entry.findall(f"{atom}link")
        alternates = [(link.get("type"), link.get("hreflang")) for link in links
                      if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != len(set(alternates)):
            problems.append(f"{ident}: two alternate links of one type (RFC 4287 4.1.1)")
        if entry.find(f"{atom}content") is None and not alternates:
            problems.append(f"{ident}: neither content nor an alternate link")
    if not any(link.get("rel") == "self" for link in tree.findall(f"{atom}link")):
        problems.append("the feed has no self link")
    return problems


def rss_problems(tree) -> list[str]:
    problems = []
    if tree.tag != "rss" or tree.get("version") != "2.0":
        return [f"the root is <{tree.tag} version={tree.get('version')}>, not RSS 2.0"]
    channels = tree.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} channels, RSS 2.0 has one"]
    channel = channels[0]
    for required in ("title", "link", "description"):
        if not (channel.findtext(required) or "").strip():
            problems.append(f"channel: no {required}")
    if not channel.findtext("link", "").startswith(("http://", "https://")):
        problems.append("channel: link is not an absolute address")
    for date_field in ("lastBuildDate", "pubDate"):
        if channel.find(date_field) is not None:
            parsedate_to_datetime(channel.findtext(date_field))  # raises when not RFC 822
    if not any(link.get("rel") == "self" for link in channel.findall(f"{{{ATOM_NS}}}link")):
        problems.append("channel: no atom:link rel=self")
    for item in channel.findall("item"):
        name = item.findtext("guid") or item.findtext("title")
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"{name}: an item needs a title or a description")
        if item.find("pubDate") is not None:
            parsedate_to_datetime(item.findtext("pubDate"))
        enclosure = item.find("enclosure")
        if enclosure is not None and not (
                enclosure.get("url") and (enclosure.get("length") or "").isdigit()
                and enclosure.get("type")):
            problems.append(f"{name}: an enclosure needs url, length and type")
    return problems


def feed_links(tree) -> dict[str, str]:
    """{href: type} of a page's feed autodiscovery links."""
    return {link.get("href"): link.get("type")
            for link in tree.xpath('//head/link[@rel="alternate"]')
            if link.get("type") in FEED_TYPES.values()}
