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

import functools
import os
from pathlib import Path

from markupsafe import escape
from PIL import Image

import pelican_contract
from content_schema import Problem
from content_schema.addresses import (
    ADDRESS_TAG,
    PREFIXES,
    StartTag,
    address_in,
    line_naming,
    local_file,
)

from .photos import HEIF_SUFFIXES, PhotoView


@functools.cache
def image_suffixes() -> frozenset[str]:
    """Links to these are images too: what Pillow reads (not its PDF, which it only
    writes), and SVG and HEIC, which it cannot make renditions of: refused, not published
    as they are. Asked when a link is met, not at import: Pillow's list loads every
    format plugin it has (0.04-0.05 CPU s), which a build whose bodies link no local
    file (an edit's build: docs/incremental-build.md) need not pay for."""
    return frozenset({*(suffix for suffix, format_ in Image.registered_extensions().items()
                        if format_ in Image.OPEN), *HEIF_SUFFIXES, ".svg", ".svgz"})


# What the rendition markup sets itself.
REPLACED = {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"}


def _start_tag(name: str, attributes: list[tuple[str, str]]) -> str:
    return "<" + " ".join([name, *(f'{key}="{escape(value)}"'
                                   for key, value in attributes)]) + ">"


class BodyImages:
    """Routes the images of one build's bodies through the gallery `planner`."""

    def __init__(self, planner):
        self.planner, self.settings = planner, planner.settings
        self.content_root = os.path.normpath(self.settings["PATH"])

    def rewrite(self, content) -> None:
        body = pelican_contract.body_html(content)
        if body and ("<img" in body or "<a" in body):
            pelican_contract.replace_body_html(
                content, ADDRESS_TAG.sub(lambda tag: self._tag(content, tag), body))

    def _tag(self, content, match) -> str:
        name, address = match["name"].lower(), address_in(match)
        path = local_file(address, os.path.dirname(content.source_path), self.content_root)
        if path is None or (name == "a" and path.suffix.lower() not in image_suffixes()):
            return match[0]
        attributes = StartTag(match[0]).attributes
        written = next((address[len(p):] for p in PREFIXES if address.startswith(p)), address)
        view = self._view(content, path, written, line_naming(content.source_path, written))
        if view is None:
            return match[0]
        siteurl = self.settings["SITEURL"]
        if name == "a":
            return _start_tag("a", [(key, f"{siteurl}/{view.full.url}" if key == "href"
                                     else value) for key, value in attributes])
        # an empty alt text is Pelican's warning, when it reads the file
        return self._picture(view, dict(attributes).get("alt", ""),
                             [(key, value) for key, value in attributes if key not in REPLACED])

    def _view(self, content, path: Path, shown: str, line: int) -> PhotoView | None:
        self.planner.text_images.add(path.resolve())
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

        # every value escaped: a rendition's address holds the folder's name as typed
        sources = "".join(_start_tag("source", [("type", view.mime(format_)),
                                                ("srcset", srcset(format_)), ("sizes", sizes)])
                          for format_ in view.formats_reaching(view.full.width)[:-1])
        image = _start_tag("img", [
            ("src", f"{siteurl}/{view.share.url}"), ("srcset", srcset(view.formats[-1])),
            ("sizes", sizes), ("width", str(view.share.width)),
            ("height", str(view.share.height)), ("alt", alt), *kept,
            ("loading", "lazy"), ("decoding", "async")])
        return f"<picture>{sources}{image}</picture>"

