"""Images in the text of a story, page or service, published as renditions only.

An editor's `![Zāle](zale.jpg)` names a camera file in the content's folder; published as
it is, it would carry its EXIF (a GPS position among it). Once every story and page has
been read (`page_generator_finalized`: the articles are read before the pages), each
body's `<img src>` — and each `<a href>` to an image file (`[foto](zale.jpg)`) — naming a
file in the content's folder is planned as a gallery photo (the same checks, cache and
renditions as the galleries'), and the body is rewritten: the `<img>` becomes a
`<picture>` of the renditions, the link points to the widest JPEG. This runs after the
reader has rendered (and sanitised) the body, so the markup made here is the build's own.

An image in the text that cannot go this way — not a file in the content's folder, or a
file the gallery cannot make renditions of — is an error naming the file and the line:
its original is never published (plugins/published_files publishes no image).
"""

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import escape
from PIL import Image

from content_schema import Problem

from .photos import HEIF_SUFFIXES, PhotoView

TAG = re.compile(r"<(?P<name>img|a)\b[^>]*>", re.IGNORECASE)
# Pelican's link prefixes: `{static}` and `{attach}` name a file from the content's folder
# (or, after a `/`, from the content root), as a plain relative address does.
PREFIX = re.compile(r"^[{|](?:static|attach|filename)[|}]")
# Links to these are images too (Pillow reads the rest of its formats; SVG and HEIC it
# cannot make renditions of, so they are refused rather than published as they are).
IMAGE_SUFFIXES = {*Image.registered_extensions(), *HEIF_SUFFIXES, ".svg", ".svgz"}
# What the rendition markup sets itself.
REPLACED = {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"}


class _Attributes(HTMLParser):
    """The attributes of one start tag, their values unescaped."""

    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str]] = []
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes = [(name, value or "") for name, value in attrs]


def _start_tag(name: str, attributes: list[tuple[str, str]]) -> str:
    return "<" + " ".join([name, *(f'{key}="{escape(value)}"'
                                   for key, value in attributes)]) + ">"


class BodyImages:
    """Routes the images of one build's bodies through the gallery `planner`."""

    def __init__(self, planner):
        self.planner, self.settings = planner, planner.settings
        self.content_root = Path(os.path.normpath(self.settings["PATH"]))

    def rewrite(self, content) -> None:
        body = content._content
        if not body or ("<img" not in body and "<a" not in body):
            return
        source_text = Path(content.source_path).read_text("utf-8")
        content._content = TAG.sub(lambda tag: self._tag(content, tag, source_text), body)

    def _tag(self, content, match, source_text: str) -> str:
        name = match["name"].lower()
        attributes = _Attributes(match[0]).attributes
        address_key = "src" if name == "img" else "href"
        address = dict(attributes).get(address_key)
        if address is None:
            return match[0]
        named = self._named_file(content, address.strip())
        if named is None:
            return match[0]
        path, raw = named
        if name == "a" and path.suffix.lower() not in IMAGE_SUFFIXES:
            return match[0]
        line = _line_of(source_text, raw)
        view = self._view(content, path, raw, line)
        if view is None:
            return match[0]
        siteurl = self.settings["SITEURL"]
        if name == "a":
            return _start_tag("a", [(key, f"{siteurl}/{view.full.url}" if key == "href"
                                     else value) for key, value in attributes])
        # an empty alt text is Pelican's warning, when it reads the file
        return self._picture(view, dict(attributes).get("alt", ""),
                             [(key, value) for key, value in attributes if key not in REPLACED])

    def _named_file(self, content, address: str) -> tuple[Path, str] | None:
        """The file an address in the body names, and the address as the editor wrote
        it; None for an address elsewhere (another site, a page of this one: /jaunumi/)."""
        value = PREFIX.sub("", address)
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            if not PREFIX.match(address):
                return None
            return Path(os.path.normpath(self.content_root / path[1:])), value
        folder = Path(content.source_path).parent
        return Path(os.path.normpath(folder / path)), value

    def _view(self, content, path: Path, shown: str, line: int) -> PhotoView | None:
        folder = Path(os.path.normpath(Path(content.source_path).parent))
        if not (path.is_relative_to(folder) and path.is_file() and not path.is_symlink()):
            self.planner.report(Problem(
                content.source_file, line, "", "the image {name} is not a file in this "
                "folder", "put the photo beside index.{lang}.md (or in its photos/ folder) "
                "and write its name, e.g. ![description](photos/zale.jpg)",
                params={"name": shown, "lang": content.lang}))
            return None
        photo = self.planner.photo(path.resolve(), content, severity="error")
        if photo is None:
            return None
        photo.published |= content.status in ("published", "hidden")
        return PhotoView(photo, content.lang, self.planner.formats,
                         self.settings["GALLERY_SHARE_WIDTH"])

    def _picture(self, view: PhotoView, alt: str, kept: list[tuple[str, str]]) -> str:
        siteurl, sizes = self.settings["SITEURL"], self.settings["GALLERY_TEXT_IMAGE_SIZES"]

        def srcset(format_):
            return ", ".join(f"{siteurl}/{r.url} {r.width}w"
                             for r in view.renditions_in(format_))

        sources = "".join(f'<source type="{view.mime(format_)}" srcset="{srcset(format_)}" '
                          f'sizes="{escape(sizes)}">' for format_ in view.formats[:-1])
        image = _start_tag("img", [
            ("src", f"{siteurl}/{view.share.url}"), ("srcset", srcset(view.formats[-1])),
            ("sizes", sizes), ("width", str(view.share.width)),
            ("height", str(view.share.height)), ("alt", alt), *kept,
            ("loading", "lazy"), ("decoding", "async")])
        return f"<picture>{sources}{image}</picture>"


def _line_of(source_text: str, value: str) -> int:
    """The line of the source file that names `value` (1 when it cannot be found)."""
    at = source_text.find(value)
    return source_text.count("\n", 0, at) + 1 if at >= 0 else 1

