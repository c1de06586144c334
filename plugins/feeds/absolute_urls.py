"""HTML with every link and image address absolute, as feed readers need.

A feed reader shows an entry away from the site, so an address relative to the page
(`photos/a.jpg`), to the site (`/jaunumi/`) or a bare fragment (`#apraksts`) would lead
nowhere. Each is resolved as a browser on the story's page would resolve it.
"""

from urllib.parse import urljoin

import lxml.etree
import lxml.html

# Attributes holding one address (lxml's own list leaves out srcset, which holds several).
URL_ATTRIBUTES = ("href", "src", "poster", "cite")


def _absolute_srcset(srcset: str, base_url: str) -> str:
    candidates = []
    for candidate in srcset.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        if url:
            candidates.append(" ".join(filter(None, (urljoin(base_url, url),
                                                     descriptor.strip()))))
    return ", ".join(candidates)


def absolute_html(html: str, base_url: str) -> str:
    """`html` (a fragment) with its addresses resolved against `base_url`."""
    if not html or not html.strip():
        return html
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in wrapper.iter(lxml.etree.Element):
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, urljoin(base_url, value.strip()))
        if element.get("srcset"):
            element.set("srcset", _absolute_srcset(element.get("srcset"), base_url))
    serialised = lxml.html.tostring(wrapper, encoding="unicode")
    return serialised.removeprefix("<div>").removesuffix("</div>")
