"""Photo processing speed and output size, through the gallery plugin's own pipeline
(plugins/gallery/processing.py `publish_renditions`) with the project's settings. Prints a Markdown
table (docs/galleries.md).

    .venv/bin/python benchmarks/photos.py              # 24 photos
    .venv/bin/python benchmarks/photos.py --photos 48
    .venv/bin/python benchmarks/photos.py --photos 8 --preview 30

The photos are camera-size JPEGs (4000×3000, quality 90, EXIF orientation 1/3/6/8, GPS),
generated once with a seed into benchmarks/work/photos/originals/. Runs:
- cold on 1 core and on all cores: an empty cache, every rendition made;
- warm: nothing changed, a new output folder (the build's staging folder);
- warm after a fresh checkout: the manifest gone, so every photo is re-read and hashed;
- with --preview N: the real preview (sitetool's `Previewer`) of the sample content, to
  which a story with N new camera photos is added: the seconds until its page is built
  with the thumbnails, then until the build after the larger renditions is done.
Not a test: the machine may be shared, so read the figures with the load it prints.
"""

import argparse
import os
import random
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from gallery.photos import Photo, PhotoText, read_header  # noqa: E402
from gallery.processing import publish_renditions, worker_count  # noqa: E402
from generate_site import camera_photo, project_settings  # noqa: E402
from sitetool.serve import Previewer  # noqa: E402

WORK = ROOT / "benchmarks" / "work" / "photos"


def originals(count: int, seed: int) -> list[Path]:
    folder = WORK / "originals"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"IMG_{seed}_{number:04d}.jpg"
        photo = camera_photo(rng)  # drawn even when kept, so the sequence stays seeded
        if not path.exists():
            path.write_bytes(photo)
        paths.append(path)
    return paths


def planned(paths: list[Path], settings: dict) -> list[Photo]:
    photos = []
    for path in paths:
        header = read_header(path, path.name, settings["GALLERY_MAX_PIXELS"])
        photos.append(Photo.plan(path, path.name, header, f"photos/bench/{path.stem.lower()}",
                                 settings, PhotoText()))
    return photos


def _cpu_seconds() -> float:
    """User+system time of this process and of its finished children (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_publish(photos, settings, output: Path) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of publishing into an empty output folder."""
    shutil.rmtree(output, ignore_errors=True)
    started, cpu = time.perf_counter(), _cpu_seconds()
    failures = publish_renditions(photos, settings, str(output))
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    assert not failures, failures
    return seconds, cpu


def preview_run(paths: list[Path]) -> list[tuple[str, float, float, str]]:
    """Rows of the preview's quick path: a story with `paths` added to the sample site."""
    content, cache = WORK / "preview-content", WORK / "cache-preview"
    for folder in (content, cache):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    previewer = Previewer(ROOT / "pelicanconf.py", WORK / "preview",
                          {"PATH": str(content), "GALLERY_CACHE_PATH": str(cache)})
    assert previewer.full().ok
    story = content / "news" / "2026" / "jauna-galerija"
    (story / "photos").mkdir(parents=True)
    for path in paths:
        shutil.copy(path, story / "photos" / path.name)
    (story / "photos" / "photos.yml").write_text("".join(
        f"- file: {p.name}\n  alt:\n    lv: Foto {p.stem}\n" for p in paths), "utf-8")
    (story / "index.lv.md").write_text(
        "---\ntitle: Jauna galerija\ndate: 2026-01-05\nkind: visit\n---\nTeksts.\n", "utf-8")
    started, cpu = time.perf_counter(), _cpu_seconds()
    outcome = previewer.changed({story / "index.lv.md"})
    shown, shown_cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    assert outcome.ok, [entry.render("en") for entry in outcome.problems]
    previewer.wait_for_later()
    done, done_cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    count = len(paths)
    return [(f"preview: a new {count}-photo story shown, thumbnails", shown, shown_cpu,
             f"{count / shown:.2f} photos/s"),
            ("preview: … and rebuilt with every rendition", done, done_cpu,
             f"{count / done:.2f} photos/s")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--preview", type=int, default=0, metavar="N",
                        help="also time the preview of a new story with N photos")
    args = parser.parse_args()

    print(f"Generating {args.photos} camera photos (kept for the next run)…", file=sys.stderr)
    paths = originals(args.photos, args.seed)
    settings = project_settings()
    photos = planned(paths, settings)
    cores = worker_count(0)
    rows = []
    for label, workers in (("cold, 1 core", 1), (f"cold, all {cores} cores", 0)):
        cache = WORK / f"cache-{workers}"
        shutil.rmtree(cache, ignore_errors=True)
        run = {**settings, "GALLERY_CACHE_PATH": str(cache), "GALLERY_WORKERS": workers}
        print(f"{label}…", file=sys.stderr)
        seconds, cpu = timed_publish(photos, run, WORK / "output")
        rows.append((label, seconds, cpu, f"{len(photos) / seconds:.2f} photos/s"))
    seconds, cpu = timed_publish(photos, run, WORK / "output-warm")
    rows.append(("warm, nothing changed", seconds, cpu,
                 f"{seconds / len(photos) * 1000:.1f} ms/photo"))
    (cache / "manifest.json").unlink()
    seconds, cpu = timed_publish(photos, run, WORK / "output-rehashed")
    rows.append(("warm, fresh checkout (photos re-hashed)", seconds, cpu,
                 f"{seconds / len(photos) * 1000:.1f} ms/photo"))
    if args.preview:
        print(f"preview of a new story with {args.preview} photos…", file=sys.stderr)
        preview_rows = preview_run(originals(args.preview, args.seed))

    original_bytes = sum(p.stat().st_size for p in paths) / len(paths)
    output = WORK / "output"
    by_format = {}
    for file in output.rglob("*.*"):
        by_format.setdefault(file.suffix, []).append(file.stat().st_size)
    per_photo = {suffix: sum(sizes) / len(photos) for suffix, sizes in by_format.items()}
    thumbnails = {suffix: sum(f.stat().st_size for f in output.rglob(f"*-400{suffix}"))
                  / len(photos) for suffix in per_photo}

    widths = [settings["GALLERY_THUMBNAIL_WIDTH"], *settings["GALLERY_DISPLAY_WIDTHS"]]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(photos)} photos of 4000×3000 (JPEG q90, {original_bytes / 1e6:.2f} MB "
          f"each on average) → widths {widths} × {', '.join(settings['GALLERY_FORMATS'])}; "
          f"{cores} cores, load average {load:.1f} at the end.\n")
    print("| run | seconds | rate | CPU seconds per photo |\n|---|---:|---:|---:|")
    for label, seconds, cpu, rate in rows:
        print(f"| {label} | {seconds:.2f} | {rate} | {cpu / len(photos):.3f} |")
    for label, seconds, cpu, rate in preview_rows if args.preview else []:
        print(f"| {label} | {seconds:.2f} | {rate} | {cpu / args.preview:.3f} |")
    print("\n| per photo | bytes | of the original |\n|---|---:|---:|")
    print(f"| original (camera JPEG) | {original_bytes:,.0f} | 100 % |")
    for suffix, size in sorted(per_photo.items(), key=lambda item: item[1]):
        print(f"| all {suffix[1:].upper()} renditions | {size:,.0f} | "
              f"{size / original_bytes:.1%} |")
    total = sum(per_photo.values())
    print(f"| everything published | {total:,.0f} | {total / original_bytes:.1%} |")
    for suffix, size in sorted(thumbnails.items(), key=lambda item: item[1]):
        print(f"| thumbnail, {suffix[1:].upper()} (what a gallery grid loads) | {size:,.0f} | "
              f"{size / original_bytes:.2%} |")


if __name__ == "__main__":
    main()
