"""`sitemap.xml` with hreflang alternates, and `robots.txt` pointing to it.

Our own because the PyPI sitemap plugin writes its alternates with `ref=` instead of
`href=`, leaves out the page itself and `x-default`, and gives undated pages the build
time as `lastmod` (see the research notes).

Signal: `finalized` — read the head of every HTML page in the output, as a search engine
would, and list each page whose canonical address is its own and that does not ask not to
be indexed (the search pages and the 404 page do), with the alternates its own hreflang
links name and, as `lastmod`, its `og:updated_time` (`partials/seo_head.html`: when the
content last changed; for a list, its newest story). A page that says no date gets no
`lastmod` rather than a made-up one. Reading the written pages, not the writer's calls,
keeps the sitemap whole when the preview re-renders only the pages an edit touched.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pelican import signals

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass
class PageHead:
    """What a page's head tells search engines."""

    canonical: str | None = None
    noindex: bool = False
    updated: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # {hreflang: href}


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.head = PageHead()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "canonical":
            self.head.canonical = attributes.get("href")
        elif tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            self.head.alternates[attributes["hreflang"]] = attributes.get("href")
        elif tag == "meta" and attributes.get("name") == "robots":
            self.head.noindex = "noindex" in (attributes.get("content") or "")
        elif tag == "meta" and attributes.get("property") == "og:updated_time":
            self.head.updated = attributes.get("content")


def read_head(file: Path) -> PageHead:
    reader = HeadReader()
    html = file.read_text(encoding="utf-8")
    end = html.find("</head>")
    reader.feed(html if end < 0 else html[:end])
    return reader.head


def page_url(site_url: str, output: Path, file: Path) -> str:
    relative = file.relative_to(output).as_posix()
    return f"{site_url}/{relative.removesuffix('index.html')}"


def listed_pages(settings) -> list[tuple[str, PageHead]]:
    """(address, head) of every page that belongs in the sitemap, in address order."""
    output = Path(settings["OUTPUT_PATH"])
    listed = []
    for file in sorted(output.rglob("*.html")):
        head = read_head(file)
        url = page_url(settings["SITEURL"], output, file)
        if head.canonical == url and not head.noindex:
            listed.append((url, head))
    return listed


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


def write_files(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    (output / "sitemap.xml").write_bytes(sitemap_xml(listed_pages(settings)))
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {settings['SITEURL']}/sitemap.xml\n",
        encoding="utf-8")


def register():
    signals.finalized.connect(write_files)
