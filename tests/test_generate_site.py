"""The benchmark's site generator: same seed, same bytes; its output is a valid site that
the real build accepts in strict mode, and its vanilla-Pelican copy builds too."""

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate_site import BUILD_DAY, generate, write_vanilla_pelican
from site_helpers import BuiltSite, build_site

STORIES = 12


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    return out, generate(out, STORIES, seed=7, photos=1)


def test_same_seed_gives_identical_files(generated, tmp_path):
    out, _ = generated
    generate(tmp_path, STORIES, seed=7, photos=1)
    first, again = _tree(out / "content"), _tree(tmp_path / "content")
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []
    generate(tmp_path, STORIES, seed=8, photos=1)
    other = _tree(tmp_path / "content")
    assert [n for n in first if n.startswith("news/") and first[n] != other.get(n)] != []


def test_every_story_has_both_languages_and_the_photo_is_a_camera_jpeg(generated):
    from PIL import Image

    out, stories = generated
    news = out / "content" / "news"
    assert len(list(news.glob("*/*/index.lv.md"))) == STORIES
    assert len(list(news.glob("*/*/index.en.md"))) == STORIES
    assert {s.kind for s in stories} == {"visit", "service-change", "consultation"}
    [photo] = [news.parent / s.folder / p for s in stories for p in s.photos]
    with Image.open(photo) as image:
        exif = image.getexif()
        assert image.size == (4000, 3000)
        assert exif[0x0112] in (1, 3, 6, 8)  # orientation
        assert exif.get_ifd(0x8825)[1] == "N"  # GPS latitude reference


def test_generated_site_builds_strictly_with_a_page_per_story(generated, tmp_path):
    out, stories = generated
    result = build_site(out / "content", tmp_path / "site", "--strict", today=BUILD_DAY)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site", "")
    for story in stories:
        latvian = f"jaunumi/{story.day.year}/{story.slug}/"
        assert site.file_for(latvian), latvian
        english = site.translation_of(latvian)  # an English address of its own
        assert english.startswith(f"/en/news/{story.day.year}/"), english
        assert site.file_for(english), english


def test_vanilla_pelican_copy_builds_both_languages(generated):
    out, stories = generated
    site = write_vanilla_pelican(out, stories, out / "content")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"],
        cwd=site, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert f"Processed {2 * STORIES} articles" in result.stdout
    story = stories[0]
    assert (site / "output" / f"{story.slug}.html").is_file()
    assert (site / "output" / f"{story.slug}-en.html").is_file()
