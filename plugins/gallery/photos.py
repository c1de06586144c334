"""What a photo becomes, decided from the file's header alone (no pixels are decoded):
its upright size after the EXIF orientation, the renditions (width × format) the site
publishes, and what templates need to show it in one language.

A file that cannot become a gallery photo raises `Unusable` with the `Problem` line to
log: what is wrong and what the editor can do.
"""

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from content_schema import Problem

MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
# EXIF orientations 5–8 turn the picture by 90°: its upright width is the stored height.
QUARTER_TURNS = {5, 6, 7, 8}
# ISO-BMFF brands of HEIF/HEIC files (iPhone photos); Pillow's wheels cannot read them.
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
HEIF_SUFFIXES = {".heic", ".heif", ".hif"}


class Unusable(Exception):
    """A file the gallery has to leave out, with the one line that tells the editor why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Header:
    width: int  # upright, after the EXIF orientation
    height: int
    orientation: int


def _is_heif(path: Path) -> bool:
    if path.suffix.lower() in HEIF_SUFFIXES:
        return True
    with path.open("rb") as file:
        start = file.read(12)
    return start[4:8] == b"ftyp" and start[8:12] in HEIF_BRANDS


def _orientation(image: Image.Image) -> int:
    """The EXIF (or XMP) orientation, from the header only: a PNG's EXIF may follow its
    pixels, and Pillow would decode the whole image to find it, so a PNG counts only
    when its EXIF comes first."""
    if image.format == "PNG" and "exif" not in image.info:
        return 1
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    return orientation if orientation in range(1, 9) else 1


def read_header(path: Path, shown: str, max_pixels: int) -> Header:
    """Size and orientation from the header; refuse what the build cannot decode safely
    (a panorama of any length is a photo like the others)."""
    if _is_heif(path):
        raise Unusable(Problem(
            shown, 1, "", "the photo is in HEIC format (the iPhone's own), which browsers "
            "and the build cannot read", "save it as JPEG and replace the file (on the "
            "iPhone: Settings → Camera → Formats → Most Compatible)", severity="warning"))
    too_large = Unusable(Problem(
        shown, 1, "", "the photo is too large to process safely (more than {limit} "
        "megapixels)", "save a smaller copy, e.g. 4000 pixels wide, and replace the file",
        severity="warning", params={"limit": max_pixels // 1_000_000}))
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; our own limit decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise too_large
                orientation = _orientation(image)
    except Image.DecompressionBombError as error:
        raise too_large from error
    except UnidentifiedImageError as error:
        raise Unusable(Problem(
            shown, 1, "", "this file is not a photo the build can read",
            "keep only JPEG, PNG or WebP photos here; move other files out of the folder",
            severity="warning")) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise Unusable(damaged(shown)) from error
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return Header(width, height, orientation)


def damaged(shown: str) -> Problem:
    """Pillow could not decode the file (its header, or later its pixels). Pillow's own
    reason ("image file is truncated") tells an editor nothing more."""
    return Problem(shown, 1, "", "the photo is damaged and cannot be read",
                   "copy it again from the camera or phone, or remove it", severity="warning")


def rendition_widths(upright_width: int, widths: list[int]) -> list[int]:
    """The widths to publish: never wider than the photo itself (no blurry upscaling);
    a photo narrower than the widest size is published at its own width as well."""
    wanted = sorted(set(widths))
    chosen = [width for width in wanted if width < upright_width]
    if len(chosen) < len(wanted):
        chosen.append(upright_width)
    return chosen


def _height(header: Header, width: int) -> int:
    return max(1, round(header.height * width / header.width))


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    format: str  # a key of GALLERY_FORMATS
    url: str  # site-relative, also the path in the output

    @property
    def mime(self) -> str:
        return MIME_TYPES[self.format]


@dataclass(eq=False)
class PhotoText:
    """What the sidecar says about one photo."""

    alt: dict[str, str] = field(default_factory=dict)  # {lang: text}
    caption: dict[str, str] = field(default_factory=dict)
    credit: str = ""


@dataclass(eq=False)
class Photo:
    """One source photo of a story, shared by the story's languages."""

    source: Path
    shown: str  # as editors know it: content/news/2022/<slug>/photos/zale.jpg
    header: Header
    renditions: list[Rendition]
    text: PhotoText
    languages: set[str] = field(default_factory=set)  # of the stories that show it
    published: bool = False  # shown by a story that is written
    failed: bool = False  # could not be processed: left out of every page
    panorama: bool = False  # more than GALLERY_PANORAMA_RATIO times as wide as high
    # made after the pages are shown (the preview's thumbnails first): not on any page yet
    later: list[Rendition] = field(default_factory=list)

    @classmethod
    def plan(cls, source: Path, shown: str, header: Header, url_stem: str, settings,
             text: PhotoText) -> "Photo":
        thumbnail = settings["GALLERY_THUMBNAIL_WIDTH"]
        max_height = settings["GALLERY_MAX_HEIGHT"]
        # a display width too high for GALLERY_MAX_HEIGHT (a portrait's) becomes the width
        # exactly that high (never narrower than the thumbnail, which it then is)
        capped = max(thumbnail, round(max_height * header.width / header.height))
        widths = [thumbnail, *(width if _height(header, width) <= max_height else capped
                               for width in settings["GALLERY_DISPLAY_WIDTHS"])]
        panorama = header.width > settings["GALLERY_PANORAMA_RATIO"] * header.height
        if panorama:
            # its whole length at a height one can look at, to zoom into and scroll along
            widths.append(round(header.width * settings["GALLERY_PANORAMA_HEIGHT"]
                                / header.height))
        widths = rendition_widths(header.width, widths)
        widest = settings["GALLERY_FORMAT_MAX_WIDTH"]
        # exactly GALLERY_MAX_HEIGHT, where rounding the width would make it a pixel off
        exact = {capped: max_height} if thumbnail < capped < header.width else {}
        renditions = [
            Rendition(width, exact.get(width) or _height(header, width), format_,
                      f"{url_stem}-{width}.{EXTENSIONS[format_]}")
            for width in widths for format_ in settings["GALLERY_FORMATS"]
            if width <= widest.get(format_, width)
        ]
        return cls(source, shown, header, renditions, text, panorama=panorama)


class PhotoView:
    """A photo as one language's page shows it (templates use this). A panorama's
    thumbnail shows all of it, letterboxed, where other thumbnails fill their box."""

    def __init__(self, photo: Photo, lang: str, formats: list[str], share_width: int):
        self.photo, self.lang = photo, lang
        self.panorama = photo.panorama
        self.formats = formats  # preferred first; the last is the <img> every browser reads
        self.alt = photo.text.alt.get(lang, "")
        self.caption = photo.text.caption.get(lang, "")
        self.credit = photo.text.credit
        fallback = self.renditions_in(formats[-1])
        self.thumbnail = fallback[0]
        self.full = fallback[-1]
        self.share = max((r for r in fallback if r.width <= share_width), default=fallback[0],
                         key=lambda r: r.width)

    def formats_reaching(self, width: int) -> list[str]:
        """The formats with a rendition at least `width` wide, or of the photo's widest
        (GALLERY_FORMAT_MAX_WIDTH leaves a format out of the larger sizes): a <picture>
        offers only these, so no browser is handed a smaller image than it needs."""
        width = min(width, self.full.width)
        return [f for f in self.formats if any(r.width >= width for r in self.renditions_in(f))]

    def renditions_in(self, format_: str, max_width: int | None = None) -> list[Rendition]:
        return [r for r in self.photo.renditions
                if r.format == format_ and (max_width is None or r.width <= max_width)]

    @staticmethod
    def mime(format_: str) -> str:
        return MIME_TYPES[format_]


def natural_key(name: str):
    """IMG_2.jpg before IMG_10.jpg, as people count."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]
