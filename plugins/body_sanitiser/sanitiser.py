"""Rendered Markdown cut down to what an editor's text needs, by an allow-list.

Markdown lets raw HTML through: `<script>`, `on…=` handlers, `<iframe>`, `javascript:`
links, `<meta http-equiv="refresh">` (which sends residents to another site even under the
site's CSP) would reach readers as written. The templates mark a body safe (autoescape is
on for everything else), so the HTML this module returns is what the site trusts.

The cleaning is nh3's (the Python binding of the Rust `ammonia` sanitiser, which parses
as browsers do); this module only says what is allowed and reports what was dropped: the
elements and attributes of the rendered HTML that are missing from the cleaned one, each
as a warning `Problem` on the line of the text it came from (strict builds stop there).
"""

import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from content_schema import Problem
from content_schema.addresses import on_this_computer

# What Markdown (with `extra`, `toc`, `sane_lists`) writes, and what editors may add.
TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure",
    "figcaption", "abbr", "blockquote", "code", "pre", "em", "strong", "sup", "sub", "div",
    "span", "del", "ins", "s", "mark", "small", "kbd", "q", "cite",
}
ANCHORED = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}  # ids: `toc`'s, footnotes'
ATTRIBUTES = {
    "*": {"title"},  # abbreviations', links', images'
    **{tag: {"id"} for tag in ANCHORED},
    "a": {"href", "class"},
    "img": {"src", "alt", "width", "height"},
    "th": {"align", "colspan", "rowspan", "scope"},  # tables' `use_align_attribute`
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "div": {"class"},
    "code": {"class"},
}
# The classes Markdown itself gives (footnotes, fenced code): the theme's own classes
# would let a text dress up as an urgent notice or hide itself.
CLASSES = {
    "a": re.compile(r"footnote-ref|footnote-backref"),
    "div": re.compile(r"footnote"),
    "code": re.compile(r"language-[\w+-]+"),
}
EMBED_ATTRIBUTES = {"src", "title", "width", "height", "allowfullscreen"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}  # and relative addresses
URL_ATTRIBUTES = {"href", "src"}
# Removed with what is inside them: their content is code or a form, never text to read.
CONTENT_REMOVED = {"script", "style", "noscript", "template", "textarea", "select", "title"}
# Ammonia escapes `"` and `>` inside attribute values, so in its output a tag ends at `>`.
EXTERNAL_LINK = re.compile(r'<a((?:\s[^>]*)?\shref="(?:https?:)?//[^>]*)>')
EMBED_WITHOUT_SOURCE = re.compile(r'<iframe(?![^>]*\ssrc=")[^>]*>.*?</iframe>', re.DOTALL)
IMAGE_WITHOUT_SOURCE = re.compile(r'<img(?![^>]*\ssrc=")[^>]*>')
ID_OR_FRAGMENT = re.compile(r'(\s(?:id="|href="#))')
SHOWN_VALUE_LENGTH = 40


# Elements without an end tag: nothing is inside them.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


class _Inventory(HTMLParser):
    """The start tags of a fragment, in order, the attributes of each and the position
    of the element it is in (None at the top)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []
        self.parents: list[int | None] = []
        self._open: list[int] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.handle_startendtag(tag, attrs)
        if tag not in VOID:
            self._open.append(len(self.tags) - 1)

    def handle_startendtag(self, tag, attrs):
        self.parents.append(self._open[-1] if self._open else None)
        self.tags.append((tag, [(name, value or "") for name, value in attrs]))

    def handle_endtag(self, tag):
        opened = [index for index in self._open if self.tags[index][0] == tag]
        if opened:  # an end tag without its start (typed HTML) closes nothing
            del self._open[self._open.index(opened[-1]):]


class BodySanitiser:
    """One per build: the allow-list with the settings' embed hosts (`BODY_EMBED_HOSTS`),
    the `rel` of links to other sites (`BODY_EXTERNAL_LINK_REL`) and the prefix of ids
    (`BODY_ID_PREFIX`: a heading "How to apply" must not take the id of the service
    page's own section, nor any text an id the theme or its scripts look up)."""

    def __init__(self, settings):
        self.embed_hosts = {host.lower() for host in settings["BODY_EMBED_HOSTS"]}
        self.external_rel = settings["BODY_EXTERNAL_LINK_REL"]
        self.id_prefix = settings["BODY_ID_PREFIX"]
        tags, attributes = set(TAGS), dict(ATTRIBUTES)
        if self.embed_hosts:
            tags.add("iframe")
            attributes["iframe"] = EMBED_ATTRIBUTES
        self._cleaner = nh3.Cleaner(
            tags=tags, attributes=attributes, url_schemes=URL_SCHEMES, link_rel=None,
            clean_content_tags=CONTENT_REMOVED | ({"iframe"} - tags),
            attribute_filter=self._allowed_value, strip_comments=True)

    def _allowed_value(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute in URL_ATTRIBUTES and on_this_computer(value):
            return None
        if attribute == "class" and tag in CLASSES:
            kept = [name for name in value.split() if CLASSES[tag].fullmatch(name)]
            return " ".join(kept) or None
        if tag == "iframe" and attribute == "src":
            address = urlsplit(value.strip())
            allowed = address.scheme == "https" and address.hostname in self.embed_hosts
            return value if allowed else None
        return value

    def clean(self, html: str, source: str, first_line: int, path: str,
              ) -> tuple[str, list[Problem]]:
        """`html` (rendered from the Markdown `source`, whose first line is `first_line`
        of the file at `path`) without what the allow-list refuses, and a warning for
        each element or attribute removed."""
        # An embed from another host goes whole (said as the element removed); an image
        # whose address was refused too, but said as the address removed.
        cleaned = EMBED_WITHOUT_SOURCE.sub("", self._cleaner.clean(html))
        problems = []
        if cleaned != html:
            lines = _SourceLines(source, first_line)
            problems = [self._problem(path, lines, *removed)
                        for removed in _removed(_Inventory(html), _Inventory(cleaned))]
        cleaned = IMAGE_WITHOUT_SOURCE.sub("", cleaned)
        if self.id_prefix:  # and the links to them within the text
            cleaned = ID_OR_FRAGMENT.sub(rf"\1{self.id_prefix}", cleaned)
        if self.external_rel:
            cleaned = EXTERNAL_LINK.sub(rf'<a\1 rel="{self.external_rel}">', cleaned)
        return cleaned, problems

    def _problem(self, path, lines, tag, ordinal, attribute, value) -> Problem:
        hosts = ", ".join(sorted(self.embed_hosts))
        if attribute is None:  # Markdown writes no element the list refuses: it was typed
            return Problem(
                path, lines.nth(ordinal, rf"<\s*{tag}\b"), "", "removed <{tag}>: the site does not "
                "publish it in a text",
                ("link to the video or page instead; embeds are published only from "
                 "{hosts}" if hosts else "link to the video or page instead: the site "
                 "publishes no embedded pages") if tag == "iframe"
                else "delete it: write headings, lists, links, pictures and tables in "
                "Markdown", severity="warning", params={"tag": tag, "hosts": hosts})
        shown = value if len(value) <= SHOWN_VALUE_LENGTH else value[:SHOWN_VALUE_LENGTH] + "…"
        if attribute in URL_ATTRIBUTES and on_this_computer(value):
            address = urlsplit(value.strip())
            return Problem(
                path, lines.find(re.escape(value), rf"\b{attribute}\s*="), "",
                "removed the address {value} from <{tag}>: it is the preview on this "
                "computer, which residents cannot open",
                "write the page's address on the site instead: {path}",
                severity="warning", params={"tag": tag, "value": shown, "path": "".join(
                    (address.path or "/", f"#{address.fragment}" if address.fragment
                     else ""))})
        if attribute in URL_ATTRIBUTES:
            return Problem(
                path, lines.find(re.escape(value), rf"\b{attribute}\s*="), "",
                "removed the address {value} from <{tag}>: only https:, http:, mailto: and "
                "tel: addresses and the site's own are published",
                "put the picture in the story's folder and write ![what it shows](name.jpg)"
                if tag == "img" else "write the address as https://…, mailto:… or tel:…",
                severity="warning", params={"tag": tag, "value": shown})
        return Problem(
            path, lines.find(rf"\b{re.escape(attribute)}\s*="), "",
            'removed {attribute}="{value}" from <{tag}>',
            "delete it: a text may not run scripts or set its own styles"
            if attribute.startswith("on") or attribute == "style"
            else "delete it: the site's design gives every text its look",
            severity="warning", params={"tag": tag, "attribute": attribute, "value": shown})


def _removed(raw: _Inventory, cleaned: _Inventory):
    """(tag, ordinal, None, None) for each element of `raw` missing from `cleaned` (the
    ordinal-th of its tag), and (tag, ordinal, attribute, value) for each attribute missing
    from an element that stayed. An element
    kept whole is matched first, so a removed one is not taken for a kept one of its kind
    that lost attributes (two embeds, one from an allowed host). What was inside a removed
    element went with it, said by that element's line alone (a pasted <svg> is one
    mistake, not one per shape in it)."""
    whole = Counter((tag, tuple(attributes)) for tag, attributes in cleaned.tags)
    unmatched, ordinals = [], Counter()
    for index, (tag, attributes) in enumerate(raw.tags):
        ordinals[tag] += 1
        if whole[tag, tuple(attributes)]:
            whole[tag, tuple(attributes)] -= 1
        else:
            unmatched.append((index, tag, ordinals[tag] - 1, attributes))
    changed = Counter(tag for (tag, _), count in whole.items() for _ in range(count))
    kept_attributes = Counter((tag, *attribute) for (tag, attributes), count in whole.items()
                              for attribute in attributes for _ in range(count))
    gone = set()
    for index, tag, ordinal, attributes in unmatched:
        if changed[tag] == 0:
            gone.add(index)
            if raw.parents[index] not in gone:
                yield tag, ordinal, None, None
            continue
        changed[tag] -= 1
        for attribute in attributes:
            if kept_attributes[tag, *attribute] == 0:
                yield tag, ordinal, *attribute
            else:
                kept_attributes[tag, *attribute] -= 1


class _SourceLines:
    """The file line of something in the Markdown source: the nth time the same thing is
    looked for, its nth occurrence (else its first, else the text's first line)."""

    def __init__(self, source: str, first_line: int):
        self.source, self.first_line = source, first_line
        self._asked = Counter()

    def nth(self, ordinal: int, pattern: str) -> int:
        """The line of the `ordinal`-th match of `pattern` (else the text's first)."""
        for index, match in enumerate(re.finditer(pattern, self.source, re.IGNORECASE)):
            if index == ordinal:
                return self.first_line + self.source.count("\n", 0, match.start())
        return self.first_line

    def find(self, *patterns: str) -> int:
        for pattern in patterns:
            matches = list(re.finditer(pattern, self.source, re.IGNORECASE))
            if matches:
                nth = min(self._asked[pattern], len(matches) - 1)
                self._asked[pattern] += 1
                return self.first_line + self.source.count("\n", 0, matches[nth].start())
        return self.first_line
