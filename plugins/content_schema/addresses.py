"""Which file of the content folder an address in a rendered body names.

Editors link to files beside the text (`[plāns](plans.pdf)`, `![Zāle](photos/zale.jpg)`),
or with Pelican's prefixes (`{static}plans.pdf`; after the prefix, `/news/…` starts at
the content folder). Used by the gallery (images in the text become renditions) and by
published_files (the files content names are the ones published).
"""

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The tags of a body that name files: links and images.
ADDRESS_TAG = re.compile(r"<(?P<name>img|a)\b[^>]*>", re.IGNORECASE)
ADDRESS_ATTRIBUTE = {"img": "src", "a": "href"}
# The address as Markdown (and the sanitiser) write it, double-quoted: found without
# parsing the tag (a body at 2,500 stories a language has ~10,000 links, most to other
# sites).
QUOTED_ADDRESS = {name: re.compile(rf'\s{attribute}\s*=\s*"([^"]*)"', re.IGNORECASE)
                  for name, attribute in ADDRESS_ATTRIBUTE.items()}
PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")
# The hosts of the editor's own computer: an address copied from the preview's address
# bar (http://localhost:8000/…) is none that residents can open.
THIS_COMPUTER = {"localhost", "127.0.0.1", "0.0.0.0", "::1"}


def on_this_computer(address: str) -> bool:
    try:
        return urlsplit(address.strip()).hostname in THIS_COMPUTER
    except ValueError:  # a malformed address is another rule's business
        return False


def address_in(tag: re.Match) -> str:
    """The address of an `ADDRESS_TAG` match (its src or href), unescaped."""
    name = tag["name"].lower()
    quoted = QUOTED_ADDRESS[name].search(tag[0])
    if quoted:
        return html.unescape(quoted[1]).strip()
    return dict(StartTag(tag[0]).attributes).get(ADDRESS_ATTRIBUTE[name], "").strip()


def local_file(address: str, folder: str, content_root: str) -> Path | None:
    """The file `address` names, from the content in `folder`; None for an address
    elsewhere (another site, a page of this one such as /jaunumi/, a fragment). No file
    system call: most addresses of most bodies are not files."""
    address = address.strip()
    prefix = next(p for p in PREFIXES if address.startswith(p)) \
        if address.startswith(PREFIXES) else ""
    rest = address[len(prefix):]
    # a fragment, another site, mailto:, tel:, a page of this site (/kontakti/): most
    # addresses of most bodies, said without parsing
    if (not rest or rest[0] in "#?" or ":" in rest.partition("/")[0]
            or (rest[0] == "/" and (not prefix or rest.startswith("//")))):
        return None
    path = unquote(urlsplit(rest).path)
    if not path:
        return None
    if path.startswith("/"):
        return Path(os.path.normpath(os.path.join(content_root, path[1:])))
    return Path(os.path.normpath(os.path.join(folder, path)))


class StartTag(HTMLParser):
    """The attributes of one start tag, their values unescaped."""

    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str]] = []
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes = [(name, value or "") for name, value in attrs]


def line_naming(source: Path | str, text: str) -> int:
    """The line of the source file that first names `text` (1 when none does)."""
    source_text = Path(source).read_text("utf-8")
    at = source_text.find(text)
    return source_text.count("\n", 0, at) + 1 if at >= 0 else 1
