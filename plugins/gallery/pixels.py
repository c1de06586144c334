"""The pixels of a photo's renditions: what each image worker process runs.

Only Pillow and the standard library: a worker is spawned (plugins/worker_processes.py)
and imports this module to run `render`; anything more it imported (Pelican, through
the plugin's other modules) would cost it ~0.4 s of CPU before its first photo. The
cache, the plan and the pool are in processing.py.

- Decoding: JPEG draft mode decodes at the smallest DCT scale still at least as large as
  the widest rendition (a 4000×3000 photo for 1920 px decodes at 2000×1500, ~3× faster),
  which is resized to that rendition as stored; the EXIF orientation read when planning
  is applied to the result, and every narrower width made from the next wider one.
- Colour: converted to sRGB through the embedded ICC profile (CMYK, Adobe RGB …);
  16-bit, greyscale and palette images become 8-bit RGB; transparency is flattened onto
  white. Every output is saved without EXIF, GPS, XMP, ICC or comments.
"""

import contextlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms

from atomic_files import replaced

PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
# Options that change how fast a file is made, not what is in it (kept out of the key).
WORKER_OPTIONS = {"avif": {"max_threads": 1}}
SIXTEEN_BIT_MODES = {"I", "I;16", "I;16L", "I;16B", "I;16N"}
# What turns a photo upright for each EXIF orientation (the table of the EXIF standard).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class Target:
    width: int
    height: int
    format: str
    options: dict
    cache_file: str


@dataclass(frozen=True)
class Job:
    source: str
    orientation: int  # EXIF orientation, as planned from the header
    decode_size: tuple[int, int]  # the widest target, in the file's stored orientation
    targets: tuple[Target, ...]


def _srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def to_srgb(image: Image.Image) -> Image.Image:
    """8-bit sRGB pixels, whatever the camera or editor saved."""
    if image.mode in SIXTEEN_BIT_MODES:
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in ("P", "PA"):
        has_alpha = image.mode == "PA" or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    if image.mode in ("LA", "La", "RGBa", "1"):
        image = image.convert("RGBA" if "A" in image.mode or "a" in image.mode else "L")
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        # An unreadable profile: the numbers are taken as sRGB, as browsers do.
        with contextlib.suppress(ImageCms.PyCMSError):
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _srgb_profile(),
                outputMode="RGBA" if image.mode == "RGBA" else "RGB")
    if image.mode == "RGBA":
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    return image if image.mode == "RGB" else image.convert("RGB")  # no copy for nothing


def _save_atomically(image: Image.Image, target: Target) -> None:
    destination = Path(target.cache_file)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with replaced(destination) as temporary:  # plugins/atomic_files.py
        image.save(temporary, PILLOW_FORMATS[target.format],
                   **target.options, **WORKER_OPTIONS.get(target.format, {}))


def render(job: Job) -> str | None:
    """Make a photo's missing renditions; the reason when the photo cannot be decoded."""
    sizes = sorted({(t.width, t.height) for t in job.targets}, reverse=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # size checked
            with Image.open(job.source) as image:
                image.draft(image.mode, job.decode_size)
                # the widest rendition first, as stored (`decode_size`), turned upright
                # after: fewer pixels to move (a portrait's are decoded at full size)
                pixels = _resized(to_srgb(image), job.decode_size)
        if job.orientation in UPRIGHT:  # as planned, so the pixels match the markup
            pixels = pixels.transpose(UPRIGHT[job.orientation])
        for width, height in sizes:
            if pixels.size != (width, height):
                # each width from the next larger one: resampling a 1920 px image to
                # 1200, not the decoded 2000 px one, and so on down to the thumbnail
                pixels = _resized(pixels, (width, height))
            for target in job.targets:
                if (target.width, target.height) == (width, height):
                    _save_atomically(pixels, target)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            ImageCms.PyCMSError) as error:
        return str(error) or type(error).__name__
    return None


def _resized(pixels: Image.Image, size: tuple[int, int]) -> Image.Image:
    resized = pixels.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    resized.info = {}  # nothing of the source's metadata travels on
    return resized
