"""Which formats and save settings the gallery should publish: for each format, quality
setting and width, the bytes of a rendition and its SSIM against the same-size reference
(scikit-image's `structural_similarity` on the luma, 1 = identical), averaged over
camera-like photos: the sample content's photos and generated 4000×3000 camera JPEGs
(benchmarks/generate_site.py `camera_photo`, seeded). Prints Markdown tables
(benchmarks/README.md, "Photo formats").

    .venv/bin/pip install -e ".[bench]"     # scikit-image: not in requirements.lock
    .venv/bin/python benchmarks/photo_formats.py              # 2 generated photos
    .venv/bin/python benchmarks/photo_formats.py --generated 8 --widths 400 1200
    .venv/bin/python benchmarks/photo_formats.py --avif-speeds 6 7 7+tune=iq --webp-methods 2

Reading the tables: compare formats at *equal quality* — for each WebP setting, the
bytes JPEG and AVIF (at each speed) need to reach the same SSIM (interpolated between their measured
settings); AVIF is worth publishing where it needs fewer bytes than WebP, the next
one in the `<picture>`. Encoding time is CPU time on this machine, one thread.
"""

import argparse
import functools
import io
import itertools
import multiprocessing
import random
import sys
import time
from pathlib import Path

import numpy
from PIL import Image
from skimage.metrics import structural_similarity

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gallery.pixels import UPRIGHT, to_srgb  # noqa: E402
from generate_site import camera_photo  # noqa: E402

AVIF_QUALITIES = (50, 60, 70)
WEBP_QUALITIES = (70, 78, 86)
SETTINGS = {  # format -> (Pillow format, {quality: save options}); AVIF's added per speed
    "webp": ("WEBP", {q: {"quality": q, "method": 4} for q in WEBP_QUALITIES}),
    "jpeg": ("JPEG", {q: {"quality": q, "optimize": True, "progressive": True}
                      for q in (75, 82, 88)}),
}


def upright(source) -> Image.Image:
    with Image.open(source) as image:
        orientation = image.getexif().get(0x0112, 1)
        image.load()
        turned = image.transpose(UPRIGHT[orientation]) if orientation in UPRIGHT else image
        turned.info = dict(image.info)
        return to_srgb(turned)


def luma(image: Image.Image) -> numpy.ndarray:
    return numpy.asarray(image.convert("L"), dtype=numpy.float64)


def measure_one(source, widths: list[int]) -> list[tuple[tuple, int, float, float]]:
    """[((format, quality, width), bytes, ssim, encode seconds)] of one photo (a path,
    or a camera JPEG's bytes)."""
    photo = upright(io.BytesIO(source) if isinstance(source, bytes) else source)
    rows = []
    for width in widths:
        if width >= photo.width:
            continue
        size = (width, round(photo.height * width / photo.width))
        reference = photo.resize(size, Image.Resampling.LANCZOS)
        reference_luma = luma(reference)
        for format_, (pillow_format, by_quality) in SETTINGS.items():
            for quality, options in by_quality.items():
                buffer = io.BytesIO()
                started = time.process_time()
                reference.save(buffer, pillow_format, **options)
                seconds = time.process_time() - started
                with Image.open(io.BytesIO(buffer.getvalue())) as decoded:
                    score = structural_similarity(reference_luma, luma(decoded.convert("RGB")),
                                                  data_range=255)
                rows.append(((format_, quality, width), len(buffer.getvalue()), score, seconds))
    return rows


def measure(sources: list, widths: list[int]) -> dict:
    """{(format, quality, width): [bytes, ssim, encode seconds, count]} summed, a
    process per core."""
    sums: dict = {}
    with multiprocessing.Pool() as pool:
        for done, rows in enumerate(pool.imap_unordered(
                functools.partial(measure_one, widths=widths), sources), 1):
            print(f"  {done} of {len(sources)} photos measured", file=sys.stderr)
            for key, size, score, seconds in rows:
                entry = sums.setdefault(key, [0, 0.0, 0.0, 0])
                entry[0] += size
                entry[1] += score
                entry[2] += seconds
                entry[3] += 1
    return sums


def bytes_at(points: list[tuple[float, float]], ssim: float) -> float | None:
    """Bytes needed for `ssim`, linear between the measured (ssim, bytes) points; None
    outside their range (no extrapolation)."""
    points = sorted(points)
    for (ssim_low, bytes_low), (ssim_high, bytes_high) in itertools.pairwise(points):
        if ssim_low <= ssim <= ssim_high:
            share = (ssim - ssim_low) / (ssim_high - ssim_low) if ssim_high > ssim_low else 0
            return bytes_low + share * (bytes_high - bytes_low)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=2, help="generated camera photos")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--widths", type=int, nargs="+", default=[400, 800, 1200, 1920])
    parser.add_argument("--avif-speeds", nargs="+", default=["6"], metavar="SPEED[+KEY=VALUE]",
                        help="libavif's speed settings to compare (0 slowest … 10), each "
                        "with the encoder's own options if any: 7+tune=iq")
    parser.add_argument("--avif-qualities", type=int, nargs="+", default=list(AVIF_QUALITIES))
    parser.add_argument("--webp-methods", type=int, nargs="*", default=[],
                        help="WebP methods (0 fastest … 6) compared with method 4")
    args = parser.parse_args()
    for variant in args.avif_speeds:
        speed, *advanced = variant.split("+")
        options = {"speed": int(speed), "max_threads": 1}
        if advanced:
            options["advanced"] = tuple(tuple(option.split("=", 1)) for option in advanced)
        SETTINGS[f"avif s{variant}"] = ("AVIF", {q: {"quality": q, **options}
                                                 for q in args.avif_qualities})
    for method in args.webp_methods:
        SETTINGS[f"webp m{method}"] = ("WEBP", {q: {"quality": q, "method": method}
                                                for q in WEBP_QUALITIES})

    sources = sorted((ROOT / "content").rglob("photos/*.jpg"))
    rng = random.Random(args.seed)
    generated = [camera_photo(rng) for _ in range(args.generated)]
    print(f"Measuring {len(sources)} sample photos and {len(generated)} generated ones…",
          file=sys.stderr)
    sums = measure([*sources, *generated], args.widths)
    table = {key: (total_bytes / count, ssim / count, seconds / count)
             for key, (total_bytes, ssim, seconds, count) in sums.items()}
    sizes = sorted({Image.open(source).size for source in sources})
    print(f"{len(sources)} photos of the sample content "
          f"({', '.join(f'{w}×{h}' for w, h in sizes)}) and {len(generated)} generated "
          "4000×3000 camera JPEGs; SSIM of the luma against the Lanczos-resized "
          "reference; means per rendition.\n")
    print("| format | setting | width | bytes | SSIM | encode ms |\n|---|---|---:|---:|---:|---:|")
    for (format_, quality, width), (size, ssim, seconds) in sorted(table.items()):
        print(f"| {format_} | q{quality} | {width} | {size:,.0f} | {ssim:.4f} | "
              f"{seconds * 1000:.0f} |")

    print("\nAt equal quality: the bytes each format needs for the SSIM of a WebP setting, "
          "interpolated between its measured settings (— : outside them).\n")
    others = [f for f in SETTINGS if f != "webp"]
    print(f"| width | WebP setting | SSIM | WebP bytes | {' | '.join(others)} |\n"
          f"|---:|---|---:|---:|{'---:|' * len(others)}")
    for width in args.widths:
        curves = {format_: [(ssim, size) for (f, _, w), (size, ssim, _) in table.items()
                            if f == format_ and w == width] for format_ in SETTINGS}
        for quality in SETTINGS["webp"][1]:
            if ("webp", quality, width) not in table:
                continue
            size, ssim, _ = table[("webp", quality, width)]
            cells = []
            for format_ in others:
                needed = bytes_at(curves[format_], ssim)
                cells.append("—" if needed is None else f"{needed:,.0f} ({needed / size:.0%})")
            print(f"| {width} | q{quality} | {ssim:.4f} | {size:,.0f} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
