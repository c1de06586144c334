"""Which file of the content folder an address in a rendered body names.

Editors link to files beside the text (`[plāns](plans.pdf)`, `![Zāle](photos/zale.jpg)`),
or with Pelican's prefixes (`{static}plans.pdf`; after the prefix, `/news/…` starts at
the content folder). Used by the gallery (images in the text become renditions) and by
published_files (the files content names are the ones published).
"""

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The tags of a body that name files: links and images.
ADDRESS_TAG = re.compile(r"<(?P<name>img|a)\b[^>]*>", re.IGNORECASE)
ADDRESS_ATTRIBUTE = {"img": "src", "a": "href"}
PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")


def local_file(address: str, folder: Path, content_root: Path) -> Path | None:
    """The file `address` names, from the content in `folder`; None for an address
    elsewhere (another site, a page of this one such as /jaunumi/, a fragment)."""
    address = address.strip()
    prefix = next((p for p in PREFIXES if address.startswith(p)), "")
    parts = urlsplit(address[len(prefix):])
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return Path(os.path.normpath(content_root / path[1:])) if prefix else None
    return Path(os.path.normpath(folder / path))


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
