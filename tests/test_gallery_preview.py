"""The preview shows a new gallery by its thumbnails first, then fills in the larger
renditions and builds again; the production build publishes every rendition at once.
Asserted by the files in the output and the pages' markup (no timing)."""

import re
from pathlib import Path

from PIL import Image

from sitetool.build import build
from sitetool.serve import Previewer
from test_gallery_build import (
    LV_PAGE,
    RENDITIONS,
    WIDTHS,
    save_turned,
    settings_file,
    sidecar,
    upright_marker,
    write_story,
)

EXTENSIONS = ("avif", "webp", "jpg")
NAMES = ["a-telefons", "b-zale", "c-virtuve"]


def _gallery(folder: Path) -> Path:
    content = folder / "content"
    story = write_story(content)
    save_turned(upright_marker(600, 800), story / "photos" / "a-telefons.jpg")
    for name in NAMES[1:]:
        upright_marker(800, 600).save(story / "photos" / f"{name}.jpg", "JPEG", quality=90)
    sidecar(story, *[(f"{name}.jpg", f"Foto {name}", f"Photo {name}") for name in NAMES])
    return content


def _published(output: Path) -> set[str]:
    folder = output / RENDITIONS
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def _listed(output: Path) -> set[str]:
    """The rendition files the story's page names in src and srcset attributes."""
    html = (output / LV_PAGE / "index.html").read_text("utf-8")
    return set(re.findall(rf"/{RENDITIONS}/([^\s\"',]+)", html))


def _every(widths) -> set[str]:
    return {f"{name}-{width}.{extension}" for name in NAMES for width in widths
            for extension in EXTENSIONS}


def test_the_preview_shows_thumbnails_first_and_then_every_rendition(tmp_path):
    content = _gallery(tmp_path)
    settings = settings_file(tmp_path)
    output = tmp_path / "preview"
    previewer = Previewer(settings, output, {"PATH": str(content)})
    # holding the build lock keeps the build that follows the larger renditions waiting
    # while the first one is looked at
    with previewer.building:
        assert previewer.full().ok
        assert _published(output) == _every(WIDTHS[:1])
        assert _listed(output) == _every(WIDTHS[:1])
    previewer.wait_for_later()
    assert _published(output) == _every(WIDTHS)
    assert _listed(output) <= _every(WIDTHS)
    assert {f"{name}-{width}.{extension}" for name in NAMES for width in WIDTHS[1:]
            for extension in EXTENSIONS} <= _listed(output)
    with Image.open(output / RENDITIONS / "a-telefons-480.jpg") as image:
        assert image.size == (480, 640)  # upright
        assert image.convert("RGB").getpixel((240, 20))[0] > 150  # red at the top


def test_the_production_build_publishes_every_rendition_even_beside_a_preview(tmp_path):
    """A preview in the same process (listening for renditions left for later) does
    not make the production build leave any out: it sets no thumbnails-first."""
    content = _gallery(tmp_path)
    settings = settings_file(tmp_path)
    previewer = Previewer(settings, tmp_path / "preview", {"PATH": str(content)})
    result = build(settings, tmp_path / "site", strict=True, overrides={"PATH": str(content)})
    assert result.ok, [entry.render("en") for entry in result.problems]
    assert _published(tmp_path / "site") == _every(WIDTHS)
    assert _every(WIDTHS[1:]) & _listed(tmp_path / "site")
    assert previewer._later_thread is None  # nothing was left for later


def test_the_preview_lists_what_the_cache_holds_already(tmp_path):
    """A photo processed before (by a production build sharing the cache) is shown in
    every width at once by the preview."""
    content = _gallery(tmp_path)
    settings = settings_file(tmp_path)
    assert build(settings, tmp_path / "site", overrides={"PATH": str(content)}).ok
    previewer = Previewer(settings, tmp_path / "preview", {"PATH": str(content)})
    with previewer.building:
        assert previewer.full().ok
        assert _published(tmp_path / "preview") == _every(WIDTHS)
    assert previewer._later_thread is None

