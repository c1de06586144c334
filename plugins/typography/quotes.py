"""Quotation marks as the language writes them, set at build time.

Editors type straight quotes ("…"), or the ones their word processor makes (“…”, often
English ones in Latvian text). Each double quote takes the reading language's mark by its
place: opening after a space, a bracket or a dash (or at the start), closing elsewhere —
so nested quotes „… „…”” come out right. A straight apostrophe becomes ’ (don't, O'Brien)
and single quotes ‘…’. In HTML only what is read is touched: text, and the text of the
`alt` and `title` attributes (read aloud, shown on hover) — never tags, other attributes
(addresses) or the text of <code>, <pre>, <kbd> and <samp>.
"""

import html as html_entities
import re

DOUBLE_QUOTES = frozenset('"“”„')
SINGLE_QUOTES = frozenset("'")
# Most texts have no quote at all: one search in C finds that out (a generator over every
# character was most of this plugin's share of a cold build).
ANY_QUOTE = re.compile("[\"“”„']")
# After one of these (or at the start) a quote opens.
OPENS_AFTER = frozenset(" \t\n\u00a0([{—–-/„“‘‚")
# html5ever (nh3's serialiser) quotes every attribute value with " and escapes " in it.
TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
LITERAL_ELEMENTS = frozenset({"code", "pre", "kbd", "samp"})
# Tags that do not break the run of text (a quote before <em> opens what follows it).
INLINE_ELEMENTS = frozenset({"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small",
                             "span", "strong", "sub", "sup", "u", *LITERAL_ELEMENTS})
TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
READ_ATTRIBUTE = re.compile(r'(\s(?:alt|title)=")([^"]*)(")')


def _marks(quotes: dict[str, str], quote: str, before: str, after: str) -> str:
    opening = before in OPENS_AFTER
    if quote in DOUBLE_QUOTES:
        return quotes["open"] if opening and not after.isspace() else quotes["close"]
    if before.isalnum() and after.isalnum():
        return "’"  # an apostrophe inside a word
    return "‘" if opening and not after.isspace() else "’"


TEXT, LITERAL, TAG_PIECE = "text", "literal", "tag"  # kinds of pieces of a run


def _set_quotes(pieces: list[tuple[str, str]], quotes: dict[str, str]) -> list[str]:
    """The pieces of one run of text with their quotes set: only TEXT pieces change; a
    LITERAL piece (code) still gives its neighbours their context, a tag gives none."""
    text = "".join(piece for piece, kind in pieces if kind != TAG_PIECE)
    result, start = [], 0
    for piece, kind in pieces:
        if kind == TAG_PIECE:
            result.append(piece)
            continue
        if kind == LITERAL or not ANY_QUOTE.search(piece):
            result.append(piece)
        else:
            result.append("".join(
                _marks(quotes, c, text[i - 1] if i else " ",
                       text[i + 1] if i + 1 < len(text) else " ")
                if c in DOUBLE_QUOTES or c in SINGLE_QUOTES else c
                for i, c in enumerate(piece, start)))
        start += len(piece)
    return result


def quote_text(text: str, quotes: dict[str, str] | None) -> str:
    """A plain text value (a title, a summary) with its quotes set; `quotes` is the
    language's {"open": …, "close": …} (QUOTATION_MARKS; None: a language without
    them, the text as typed)."""
    if not text or not quotes or not ANY_QUOTE.search(text):
        return text
    return _set_quotes([(text, TEXT)], quotes)[0]


def _quote_attributes(tag: str, quotes: dict[str, str]) -> str:
    """A tag with the quotes of its `alt` and `title` text set, escaped as nh3 escapes
    attributes (`&amp;`, `&lt;`, `&gt;`, `&quot;`: the gallery finds tags by their `>`)."""
    def quoted(match: re.Match) -> str:
        value = quote_text(html_entities.unescape(match.group(2)), quotes)
        return match.group(1) + html_entities.escape(value, quote=False).replace(
            '"', "&quot;") + match.group(3)
    return READ_ATTRIBUTE.sub(quoted, tag)


def quote_html(html: str, quotes: dict[str, str] | None) -> str:
    """Sanitised HTML (as nh3 writes it) with the quotes of its text set (`quotes` as
    for quote_text)."""
    if not quotes or not ANY_QUOTE.search(html_entities.unescape(html)):
        return html
    parts = TAG.split(html)
    tags = TAG.findall(html)
    # One run of text per block: texts joined across inline tags; a block tag ends it.
    pieces, out = [], []
    depth = 0  # inside <code> and the like
    for index, text in enumerate(parts):
        pieces.append((text, LITERAL if depth else TEXT))
        if index == len(tags):
            break
        tag = tags[index]
        name = TAG_NAME.match(tag)
        name = name.group(1).lower() if name else ""
        if name in LITERAL_ELEMENTS:
            depth += -1 if tag.startswith("</") else 1
        if name not in INLINE_ELEMENTS:
            out += _set_quotes(pieces, quotes)
            pieces = []
        pieces.append((_quote_attributes(tag, quotes), TAG_PIECE))
    out += _set_quotes(pieces, quotes)
    return "".join(out)
