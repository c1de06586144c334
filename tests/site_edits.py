"""Edits an editor makes to a site's content folder, one function each, and the warm
build compared with a clean one after them: the differential test of warm builds
(`test_incremental_equal.py`) and its larger run (`benchmarks/incremental_equal.py`).
Each edit takes the site and a `random.Random` that picks what it changes, and leaves
content that builds (a lenient build: warnings allowed)."""

import io
import random
import re
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

from sitetool.verify import differences
from sitetool_helpers import ROOT, sitetool

SETTINGS = ROOT / "benchmarks" / "benchconf.py"  # the caches under BENCH_CACHE_PATH

FIRST_DAY = date(2016, 11, 1)  # benchmarks/generate_site.py's ten years of news
TAGS = ["seniori", "ģimenes", "veselība", "Eiropas fondi", "brīvprātīgais darbs",
        "pieredzes apmaiņa"]
GROUPS = ["seniors", "families", "disability", "youth", "crisis", "low-income"]
PHOTO_TEXTS = ("Cilvēki pie galda dienas centrā.", "People at a table in the day centre.")


class Site:
    """A content folder and the day the build publishes for."""

    def __init__(self, content: Path, today: date):
        self.content, self.today = content, today
        self.added = 0

    def stories(self) -> list[Path]:
        """The folders of the news stories, in a stable order."""
        return sorted(p.parent for p in self.content.glob("news/*/*/index.lv.md"))

    def story(self, rng: random.Random, where=lambda folder: True) -> Path | None:
        found = [folder for folder in self.stories() if where(folder)]
        return rng.choice(found) if found else None


def front_matter(path: Path) -> tuple[list[str], str]:
    """The front matter's lines and the text after it."""
    _, head, body = path.read_text("utf-8").split("---\n", 2)
    return head.splitlines(), body


def set_field(path: Path, name: str, value: str | None) -> None:
    """Write `name: value` into the front matter (replacing it), or drop it (None)."""
    lines, body = front_matter(path)
    kept = [line for line in lines if not line.startswith(f"{name}:")]
    if value is not None:
        at = next((i for i, line in enumerate(lines) if line.startswith(f"{name}:")),
                  len(kept))
        kept.insert(min(at, len(kept)), f"{name}: {value}")
    path.write_text("---\n" + "\n".join(kept) + "\n---\n" + body, "utf-8")


def field(path: Path, name: str) -> str | None:
    lines, _ = front_matter(path)
    return next((line.split(":", 1)[1].strip() for line in lines
                 if line.startswith(f"{name}:")), None)


def _day(site: Site, rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((site.today - FIRST_DAY).days))


def edit_body(site, rng):
    folder = site.story(rng)
    source = folder / rng.choice([p.name for p in folder.glob("index.*.md")])
    source.write_text(source.read_text("utf-8") + f"\nPapildināts {rng.randrange(1000)}.\n",
                      "utf-8")


def edit_title(site, rng):
    folder = site.story(rng)
    source = folder / rng.choice([p.name for p in folder.glob("index.*.md")])
    set_field(source, "title", f"{field(source, 'title')} ({rng.randrange(1000)})")


def move_date(site, rng):
    """Across a list's page boundary or a year: any day of the ten years."""
    set_field(site.story(rng) / "index.lv.md", "date", _day(site, rng).isoformat())


def change_kind(site, rng):
    plain = {"visit": "service-change", "service-change": "visit"}  # no extra fields
    folder = site.story(rng, lambda f: field(f / "index.lv.md", "kind") in plain)
    if folder:
        source = folder / "index.lv.md"
        set_field(source, "kind", plain[field(source, "kind")])


def change_tags(site, rng):
    tags = rng.sample(TAGS, rng.randrange(4))
    set_field(site.story(rng) / "index.lv.md", "tags", f"[{', '.join(tags)}]" if tags else None)


def change_services(site, rng):
    known = sorted(p.name for p in (site.content / "services").iterdir() if p.is_dir())
    chosen = rng.sample(known, rng.randrange(3))
    set_field(site.story(rng) / "index.lv.md", "services",
              f"[{', '.join(chosen)}]" if chosen else None)


def change_target_groups(site, rng):
    service = rng.choice(sorted((site.content / "services").glob("*/index.lv.md")))
    set_field(service, "for", f"[{', '.join(rng.sample(GROUPS, rng.randrange(1, 4)))}]")


def add_story(site, rng, day: date | None = None):
    """A copy of a story under a new folder, with a title and day of its own."""
    template = site.story(rng, lambda f: field(f / "index.lv.md", "kind") != "consultation")
    site.added += 1
    day = day or _day(site, rng)
    folder = site.content / "news" / str(day.year) / f"jauna-zina-{site.added}"
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns("photos"))
    for source in folder.glob("index.*.md"):
        set_field(source, "title", f"Jauna ziņa {site.added} ({source.name[6:8]})")
    set_field(folder / "index.lv.md", "date", day.isoformat())


def delete_story(site, rng):
    if len(site.stories()) > 10:
        shutil.rmtree(site.story(rng))


def translate(site, rng):
    folder = site.story(rng, lambda f: not (f / "index.en.md").exists())
    if folder:
        (folder / "index.en.md").write_text(
            f"---\ntitle: Translated {rng.randrange(1000)}\n---\nText in English.\n", "utf-8")


def untranslate(site, rng):
    folder = site.story(rng, lambda f: (f / "index.en.md").exists())
    if folder:
        (folder / "index.en.md").unlink()


def toggle_draft(site, rng):
    source = site.story(rng) / "index.lv.md"
    set_field(source, "status", None if field(source, "status") else "draft")


def schedule_story(site, rng):
    """A story dated in the coming days: published by the first build on its day."""
    add_story(site, rng, site.today + timedelta(days=rng.randrange(1, 4)))


def day_passes(site, rng):
    site.today += timedelta(days=rng.randrange(1, 4))


def rename_service(site, rng):
    service = rng.choice(sorted((site.content / "services").glob("*/index.*.md")))
    set_field(service, "title", f"{field(service, 'title')} {rng.randrange(100)}")


def change_office_hours(site, rng):
    office = rng.choice(sorted((site.content / "offices").glob("*.yml")))
    text = office.read_text("utf-8")
    hour = rng.randrange(7, 11)
    changed = re.sub(r"(\d{1,2}):(\d\d)–", f"{hour}:\\2–", text, count=1)
    office.write_text(changed, "utf-8")


def add_notice(site, rng):
    """A notice that expires in a day or three (`day_passes` makes it expire)."""
    services = sorted(p.name for p in (site.content / "services").iterdir() if p.is_dir())
    end = site.today + timedelta(days=rng.randrange(0, 3))
    (site.content / "notices" / f"pazinojums-{rng.randrange(10**6)}.yml").write_text(
        f"severity: limited\nstart: {site.today - timedelta(days=2)}\nend: {end}\n"
        f"services: [{rng.choice(services)}]\n"
        "title:\n  lv: Slēgts remonta dēļ\n  en: Closed for repairs\n"
        "text:\n  lv: Tālrunis darbojas.\n  en: The phone line works.\n", "utf-8")


def add_photo(site, rng):
    from PIL import Image

    folder = site.story(rng) / "photos"
    folder.mkdir(exist_ok=True)
    name = f"foto-{rng.randrange(10**6)}.jpg"
    photo = Image.new("RGB", (640, 480), tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=80)
    (folder / name).write_bytes(buffer.getvalue())
    sidecar = folder / "photos.yml"
    previous = sidecar.read_text("utf-8") if sidecar.exists() else ""
    sidecar.write_text(previous + f"- file: {name}\n  alt:\n    lv: {PHOTO_TEXTS[0]}\n"
                       f"    en: {PHOTO_TEXTS[1]}\n", "utf-8")


def remove_photo(site, rng):
    """The last photo added to a gallery of ours, with its entry."""
    sidecars = sorted(site.content.glob("news/*/*/photos/photos.yml"))
    ours = [s for s in sidecars if "- file: foto-" in s.read_text("utf-8")]
    if not ours:
        return
    sidecar = rng.choice(ours)
    entries = sidecar.read_text("utf-8").split("- file: ")
    (sidecar.parent / entries[-1].split("\n", 1)[0]).unlink()
    sidecar.write_text("- file: ".join(entries[:-1]), "utf-8")
    if not sidecar.read_text("utf-8").strip():
        shutil.rmtree(sidecar.parent)


EDITS = {function.__name__: function for function in (
    edit_body, edit_title, move_date, change_kind, change_tags, change_services,
    change_target_groups, add_story, delete_story, untranslate, translate, toggle_draft,
    schedule_story, day_passes, rename_service, change_office_hours, add_notice, add_photo,
    remove_photo)}


def build(site: Site, output: Path, cache: Path, *extra: str) -> float:
    """`sitetool build` of the site for its day, in its own process; its seconds."""
    started = time.perf_counter()
    result = sitetool("build", "--settings", str(SETTINGS), "--content", str(site.content),
                      "--output", str(output), "--today", site.today.isoformat(), *extra,
                      env={"LANG": "C.UTF-8", "BENCH_CACHE_PATH": str(cache)})
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


def warm_against_clean(site: Site, work: Path) -> tuple[list[tuple[str, str]], float, float]:
    """The warm build into `work/output` (with `work/cache` and the spare site the last
    build there left), a clean build into an empty folder with empty caches, and how
    the first differs from the second; the two builds' seconds."""
    warm = build(site, work / "output", work / "cache")
    for folder in ("clean", "clean-cache"):
        shutil.rmtree(work / folder, ignore_errors=True)
    clean = build(site, work / "clean" / "output", work / "clean-cache", "--no-cache")
    return differences(work / "output", work / "clean" / "output"), warm, clean
