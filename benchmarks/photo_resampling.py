"""Which resampling filter the gallery's pipeline (plugins/gallery/pixels.py) should
resize with: for each filter, the CPU time of the resizes, and for each width the SSIM of
the rendition's pixels and the WebP bytes needed, at equal SSIM, against the same-size
reference of benchmarks/photo_formats.py (the upright full-size photo, Lanczos-resized:
a reference that favours Lanczos). Prints a Markdown table (benchmarks/README.md,
"Photo formats").

    .venv/bin/pip install -e ".[bench]"     # scikit-image: not in requirements.lock
    .venv/bin/python benchmarks/photo_resampling.py --generated 4

Each filter runs the pipeline's own chain: JPEG draft decode, the widest size resized as
stored and turned upright, every narrower size from the next wider one.
"""

import argparse
import functools
import io
import multiprocessing
import random
import sys
import time
from pathlib import Path

from PIL import Image
from skimage.metrics import structural_similarity

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gallery.pixels import UPRIGHT, to_srgb  # noqa: E402
from generate_site import camera_photo  # noqa: E402
from photo_formats import WEBP_QUALITIES, bytes_at, luma, upright  # noqa: E402

FILTERS = {"lanczos": Image.Resampling.LANCZOS, "bicubic": Image.Resampling.BICUBIC,
           "bilinear": Image.Resampling.BILINEAR}


def chain(source: bytes, widths: list[int], resampling) -> tuple[list[Image.Image], float]:
    """The renditions as the pipeline makes them, widest first, and the resizes' CPU s."""
    resize_seconds = 0.0
    with Image.open(io.BytesIO(source)) as image:
        orientation = image.getexif().get(0x0112, 1)
        turned = orientation in (5, 6, 7, 8)
        stored_width = image.height if turned else image.width
        widest = min(max(widths), stored_width)
        ratio = image.height / image.width if not turned else image.width / image.height
        size = (widest, round(widest * ratio))
        decode_size = size[::-1] if turned else size
        image.draft(image.mode, decode_size)
        pixels = to_srgb(image)
        pixels.load()
        started = time.process_time()
        pixels = pixels.resize(decode_size, resampling, reducing_gap=3.0)
        resize_seconds += time.process_time() - started
    if orientation in UPRIGHT:
        pixels = pixels.transpose(UPRIGHT[orientation])
    renditions = [pixels]
    for width in sorted(widths, reverse=True)[1:]:
        started = time.process_time()
        pixels = pixels.resize((width, round(width * pixels.height / pixels.width)),
                               resampling, reducing_gap=3.0)
        resize_seconds += time.process_time() - started
        renditions.append(pixels)
    return renditions, resize_seconds


def measure_one(source: bytes, widths: list[int]) -> dict:
    """{(filter, width, quality or None): (bytes, ssim)}, {filter: resize seconds}."""
    photo = upright(io.BytesIO(source))
    rows, seconds = {}, {}
    references = {}
    for name, resampling in FILTERS.items():
        renditions, seconds[name] = chain(source, widths, resampling)
        for pixels in renditions:
            if pixels.width not in references:
                references[pixels.width] = luma(photo.resize(pixels.size,
                                                              Image.Resampling.LANCZOS))
            reference = references[pixels.width]
            rows[(name, pixels.width, None)] = (0, structural_similarity(
                reference, luma(pixels), data_range=255))
            for quality in WEBP_QUALITIES:
                buffer = io.BytesIO()
                pixels.save(buffer, "WEBP", quality=quality, method=4)
                with Image.open(io.BytesIO(buffer.getvalue())) as decoded:
                    rows[(name, pixels.width, quality)] = (len(buffer.getvalue()),
                        structural_similarity(reference, luma(decoded.convert("RGB")),
                                              data_range=255))
    return rows, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=2, help="generated camera photos")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--widths", type=int, nargs="+", default=[400, 800, 1200, 1920])
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = [path.read_bytes() for path in sorted(ROOT.glob("content/**/photos/*.jpg"))]
    sources += [camera_photo(rng) for _ in range(args.generated)]
    sums, seconds = {}, {}
    with multiprocessing.Pool() as pool:
        for done, (rows, spent) in enumerate(pool.imap_unordered(
                functools.partial(measure_one, widths=args.widths), sources), 1):
            print(f"  {done} of {len(sources)} photos measured", file=sys.stderr)
            for key, (size, score) in rows.items():
                total = sums.setdefault(key, [0, 0.0, 0])
                total[0] += size
                total[1] += score
                total[2] += 1
            for name, value in spent.items():
                seconds[name] = seconds.get(name, 0.0) + value
    mean = {key: (size / count, score / count) for key, (size, score, count) in sums.items()}
    print(f"{len(sources) - args.generated} sample photos and {args.generated} generated "
          "4000×3000 camera JPEGs; means per rendition. WebP m4 bytes at the SSIM of "
          f"Lanczos + WebP q78, interpolated over q{WEBP_QUALITIES}.\n")
    print(f"| filter | resizes: CPU ms a photo | "
          f"{' | '.join(f'{w} px: pixels SSIM, WebP bytes' for w in args.widths)} |")
    print(f"|---|---:|{'---|' * len(args.widths)}")
    for name in FILTERS:
        cells = []
        for width in sorted(args.widths):
            if (name, width, None) not in mean:
                cells.append("—")
                continue
            target = mean[("lanczos", width, 78)][1]
            needed = bytes_at([mean[(name, width, q)][::-1] for q in WEBP_QUALITIES], target)
            base = mean[("lanczos", width, 78)][0]
            cells.append(f"{mean[(name, width, None)][1]:.4f}, " + (
                "—" if needed is None else f"{needed:,.0f} ({needed / base:.0%})"))
        print(f"| {name} | {seconds[name] / len(sources) * 1000:.0f} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
