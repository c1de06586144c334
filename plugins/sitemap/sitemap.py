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
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html import unescape
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


# Text that looks like a tag but is not one (a comment, a script's text).
NOT_MARKUP = re.compile(r"<!--.*?-->|<script\b.*?</script\s*>", re.DOTALL | re.IGNORECASE)
# Where the head ends (its end tag may be left out).
HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
# A <link> or <meta> tag and its attributes (a quoted value may hold ">").
HEAD_TAG = re.compile(r"""<(link|meta)\b([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""",
                      re.IGNORECASE)
# A tag that names none of these values says nothing the sitemap uses.
HEAD_TAG_VALUES = ("canonical", "alternate", "robots", "og:updated_time")
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]*)))?""")


def tag_attributes(text: str) -> dict[str, str | None]:
    """A tag's attributes as Python's HTML parser gives them: names in lower case,
    character references in values resolved, None for an attribute without a value."""
    attributes = {}
    for name, assigned, double, single, bare in ATTRIBUTE.findall(text):
        attributes[name.lower()] = unescape(double or single or bare) if assigned else None
    return attributes


def read_head(file: Path) -> PageHead:
    """The few tags of a page's head that matter here. The pages are our own templates'
    valid HTML, so regular expressions over the head find them: three times faster than
    Python's HTML parser (1,617 pages: 0.30 s -> 0.10 s CPU)."""
    html = file.read_bytes()
    end = HEAD_END.search(html)
    head_html = NOT_MARKUP.sub("", (html[:end.start()] if end else html).decode("utf-8"))
    head = PageHead()
    for tag, attribute_text in HEAD_TAG.findall(head_html):
        if not any(value in attribute_text for value in HEAD_TAG_VALUES):
            continue
        attributes = tag_attributes(attribute_text)
        if tag.lower() == "link":
            if attributes.get("rel") == "canonical":
                head.canonical = attributes.get("href")
            elif attributes.get("rel") == "alternate" and "hreflang" in attributes:
                head.alternates[attributes["hreflang"]] = attributes.get("href")
        elif attributes.get("name") == "robots":
            head.noindex = "noindex" in (attributes.get("content") or "")
        elif attributes.get("property") == "og:updated_time":
            head.updated = attributes.get("content")
    return head


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
