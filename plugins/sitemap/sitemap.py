"""`sitemap.xml` with hreflang alternates, and `robots.txt` pointing to it.

Our own because the PyPI sitemap plugin writes its alternates with `ref=` instead of
`href=`, leaves out the page itself and `x-default`, and gives undated pages the build
time as `lastmod` (docs/plugin-choices.md).

Signal: `finalized` — read the head of every HTML page in the output, as a search engine
would, and list each page whose canonical address is its own and that does not ask not to
be indexed (the search pages and the 404 page do), with the alternates its own hreflang
links name and, as `lastmod`, its `og:updated_time` (`partials/seo_head.html`: when the
content last changed; for a list, its newest story). A page that says no date gets no
`lastmod` rather than a made-up one. Reading the written pages, not the writer's calls,
keeps the sitemap whole when the preview re-renders only the pages an edit touched.

The heads read are kept for the next build (`CACHE_PATH/sitemap-heads.json`, not with
`--no-cache`), each with the identity of the file it was read from (device, inode, size,
modification time) and a hash of its bytes. A page the next build kept — hard-linked
from the served site (sitetool/incremental.py), the same file — is not read at all; a
page written again has a new modification time, and is read and hashed: the same bytes
say the same head, and only a page whose bytes changed is parsed. After a one-story edit
at 500 stories per language that is a `stat` instead of parsing for ~1,600 pages (0.01
against 0.18 s CPU, under load). The sitemap made is kept too (`CACHE_PATH/sitemap.xml`,
after a hash of the pages and heads it lists): a build listing the same ones — any
build after an edit to story texts alone — writes it as it is instead of making the XML
again (0.05-0.09 s CPU at 500 stories per language).
"""

import contextlib
import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pelican import signals

from atomic_files import write_atomically

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass
class PageHead:
    """What a page's head tells search engines."""

    canonical: str | None = None
    noindex: bool = False
    updated: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # {hreflang: href}


# Where the head ends (its end tag may be left out): the body says nothing to the sitemap.
HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)


def read_head(file: Path) -> PageHead:
    """The few tags of a page's head that matter here, found by lxml in the bytes up to
    `</head>`. lxml (a dependency already) rather than the regular expressions used
    before: as fast on our pages (173 pages: 0.013 s CPU either way,
    benchmarks/sitemap_heads.py; both about three times faster than Python's own HTML
    parser), and it reads comments, scripts and a `>` in a quoted value as a browser
    does, with no expressions of our own to get right."""
    return head_of(file.read_bytes())


def head_of(html: bytes) -> PageHead:
    end = HEAD_END.search(html)
    tree = etree.fromstring(html[:end.start()] if end else html, etree.HTMLParser())
    head = PageHead()
    for tag in tree.iter("link", "meta") if tree is not None else ():
        if tag.tag == "link" and tag.get("rel") == "canonical":
            head.canonical = tag.get("href")
        elif tag.tag == "link" and tag.get("rel") == "alternate" and tag.get("hreflang"):
            head.alternates[tag.get("hreflang")] = tag.get("href")
        elif tag.get("name") == "robots":
            head.noindex = "noindex" in (tag.get("content") or "")
        elif tag.get("property") == "og:updated_time":
            head.updated = tag.get("content")
    return head


def page_url(site_url: str, relative: str) -> str:
    """The address of the page at `relative` (a POSIX path) in the output."""
    return f"{site_url}/{relative.removesuffix('index.html')}"


def html_files(output: str) -> list[str]:
    """The HTML files under `output`, relative to it, in the order of their paths' parts
    (as `sorted(Path(output).rglob("*.html"))`; `os.walk` and strings take a third of
    its time: ~1,650 pages at 500 stories per language, in every build)."""
    top = len(os.path.join(output, ""))
    found = []
    for folder, _, names in os.walk(output):
        relative = folder[top:].replace(os.sep, "/")
        found += [f"{relative}/{name}" if relative else name
                  for name in names if name.endswith(".html")]
    return sorted(found, key=lambda path: path.split("/"))


def listed_pages(settings) -> list[tuple[str, PageHead]]:
    """(address, head) of every page that belongs in the sitemap, in address order."""
    output = settings["OUTPUT_PATH"]
    # the settings of a build have these; a caller's few (a test's) may not
    kept = Path(settings["CACHE_PATH"]) / HEADS if "CACHE_PATH" in settings else None
    known = _known_heads(kept) if kept and settings.get("LOAD_CONTENT_CACHE") else {}
    heads, listed = {}, []
    for relative in html_files(output):
        path = os.path.join(output, relative)
        status = os.stat(path)
        identity = [status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns]
        identity_then, digest, head = known.get(relative, (None, None, None))
        if identity_then != identity:  # written again (or new): the same bytes?
            with open(path, "rb") as file:
                html = file.read()
            digest_now = hashlib.blake2b(html).hexdigest()
            if digest_now != digest:
                digest, head = digest_now, vars(head_of(html))
        heads[relative] = [identity, digest, head]
        head = PageHead(**head)
        url = page_url(settings["SITEURL"], relative)
        if head.canonical == url and not head.noindex:
            listed.append((url, head))
    if kept and settings.get("CACHE_CONTENT"):
        _keep_heads(kept, heads)
    return listed


HEADS = "sitemap-heads.json"  # under CACHE_PATH: {page: [file identity, hash, head]}


def _known_heads(file: Path) -> dict:
    try:
        return json.loads(file.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _keep_heads(file: Path, heads: dict) -> None:
    """Whole or not at all (plugins/atomic_files.py). Best effort, as every cache (a
    read-only one fails no build)."""
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, json.dumps(heads))


def sitemap_xml(pages) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for url, head in pages:
        entry = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = url
        if head.updated:
            ET.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = head.updated
        for hreflang, href in head.alternates.items():
            ET.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang,
                          href=href)
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


MADE = "sitemap.xml"  # under CACHE_PATH: the hash of the pages listed, a line, the XML


def sitemap_of(settings, pages) -> bytes:
    """`sitemap_xml(pages)`, kept from the last build when it listed the same `pages`."""
    key = hashlib.blake2b(json.dumps([(url, vars(head)) for url, head in pages])
                          .encode("utf-8")).hexdigest().encode("ascii")
    kept = Path(settings["CACHE_PATH"]) / MADE if "CACHE_PATH" in settings else None
    if kept and settings.get("LOAD_CONTENT_CACHE"):
        with contextlib.suppress(OSError):
            made_for, _, xml = kept.read_bytes().partition(b"\n")
            if made_for == key:
                return xml
    xml = sitemap_xml(pages)
    if kept and settings.get("CACHE_CONTENT"):
        with contextlib.suppress(OSError):
            write_atomically(kept, key + b"\n" + xml)
    return xml


def write_files(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    (output / "sitemap.xml").write_bytes(sitemap_of(settings, listed_pages(settings)))
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {settings['SITEURL']}/sitemap.xml\n",
        encoding="utf-8")


def register():
    signals.finalized.connect(write_files)
