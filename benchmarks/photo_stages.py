"""Where a photo's CPU time goes in the gallery's pipeline (plugins/gallery/pixels.py):
decoding, resizing, turning upright and each format's encoding, per width, for the
landscape and the portrait photos of benchmarks/photos.py apart (a portrait's widest
rendition is 1440×1920 with GALLERY_MAX_HEIGHT = 1920: it is decoded in JPEG draft mode,
like a landscape's; 1920×2560 without the cap, which needs the full 4000×3000 decode).
Prints a Markdown table (benchmarks/README.md, "Photo formats").

    .venv/bin/python benchmarks/photo_stages.py --photos 8

One process, CPU time (`time.process_time`), the project's settings and planned sizes;
encoded into memory, nothing written. The stages are those of `pixels.render`, timed one
by one.
"""

import argparse
import io
import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from gallery.pixels import PILLOW_FORMATS, UPRIGHT, WORKER_OPTIONS, _resized, to_srgb  # noqa: E402
from gallery.processing import Cache, _jobs  # noqa: E402
from generate_site import project_settings  # noqa: E402
from photos import WORK, originals, planned  # noqa: E402


def stages(job) -> tuple[dict[str, float], tuple[int, int]]:
    """{stage: CPU seconds} of making one job's renditions as `pixels.render` does, and
    the size it decodes the file at (JPEG draft mode)."""
    spent: dict[str, float] = {}

    def timed(stage, function, *args, **options):
        started = time.process_time()
        result = function(*args, **options)
        spent[stage] = spent.get(stage, 0.0) + time.process_time() - started
        return result

    with Image.open(job.source) as image:
        image.draft(image.mode, job.decode_size)
        decoded = timed("decode", _loaded, image)
        pixels = timed("resize to the widest", _resized, decoded, job.decode_size)
    if job.orientation in UPRIGHT:
        pixels = timed("turn upright", pixels.transpose, UPRIGHT[job.orientation])
    for width, height in sorted({(t.width, t.height) for t in job.targets}, reverse=True):
        if pixels.size != (width, height):
            pixels = timed(f"resize to {width} px", _resized, pixels, (width, height))
        for target in job.targets:
            if (target.width, target.height) == (width, height):
                timed(f"{target.format} {width} px", pixels.save, io.BytesIO(),
                      PILLOW_FORMATS[target.format],
                      **target.options, **WORKER_OPTIONS.get(target.format, {}))
    return spent, decoded.size


def _loaded(image: Image.Image) -> Image.Image:
    image.load()
    return to_srgb(image)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    settings = project_settings()
    cache = Cache(WORK / "cache-stages")  # only names files: nothing is read or written
    groups: dict[str, list[dict]] = {"landscape": [], "portrait": []}
    decoded: dict[str, set[tuple[int, int]]] = {"landscape": set(), "portrait": set()}
    for photo in planned(originals(args.photos, args.seed), settings):
        job = _jobs(photo, photo.renditions, cache.digest(photo.source), cache,
                    settings["GALLERY_FORMATS"])[1]
        portrait = photo.renditions[0].height > photo.renditions[0].width
        group = "portrait" if portrait else "landscape"
        spent, size = stages(job)
        groups[group].append(spent)
        decoded[group].add(size)
    every_run = [run for group in groups.values() for run in group]
    # in the pipeline's order: that of a photo with every stage (a turned one) first
    names = list(dict.fromkeys(name for run in sorted(every_run, key=len, reverse=True)
                               for name in run))
    print(f"CPU ms a photo, one process, {args.photos} photos of benchmarks/photos.py "
          f"({len(groups['landscape'])} landscape, {len(groups['portrait'])} portrait); "
          "decoded at " + "; ".join(f"{group} {', '.join(f'{w}×{h}' for w, h in sorted(sizes))}"
                                    for group, sizes in decoded.items()) + ".\n")
    print("| stage | " + " | ".join(f"{group} ({len(runs)})" for group, runs in groups.items())
          + " |\n|---|---:|---:|")
    for name in [*names, "total"]:
        cells = []
        for runs in groups.values():
            values = [sum(run.values()) if name == "total" else run.get(name, 0.0)
                      for run in runs]
            cells.append(f"{sum(values) / len(values) * 1000:.0f}" if runs else "—")
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
