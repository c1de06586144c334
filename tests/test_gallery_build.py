"""Galleries built from small generated photos: every kind of camera file, every bad
input and its one line, the cache, and the originals that must not be published.

The builds use a settings file that imports pelicanconf.py and makes the renditions
small (120, 240 and 480 px) and the cache private to the test, so they stay fast."""

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms

from site_helpers import ROOT, BuiltSite, build_site

STORY = "news/2024/foto-diena"
LISTED_STORY = "news/2024/foto-saraksts"  # chooses its photos with `gallery:`
PHOTOS = f"{STORY}/photos"
SHOWN = f"content/{PHOTOS}"
LV_PAGE = "jaunumi/2024/foto-diena/"
RENDITIONS = "photos/2024/foto-diena"
WIDTHS = [120, 240, 480]
FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}
RED, BLUE = (200, 30, 30), (30, 30, 200)
STORY_FRONT_MATTER = """---
title: Foto diena
date: 2024-05-02
kind: visit
{extra}---
Teksts.
"""


def settings_file(folder: Path, **overrides) -> Path:
    """pelicanconf.py with small renditions and a cache of the test's own (paths that
    Pelican resolves from the settings file's folder point back at the project)."""
    values = {
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "GALLERY_CACHE_PATH": str(folder / "cache"),
        "GALLERY_THUMBNAIL_WIDTH": WIDTHS[0],
        "GALLERY_DISPLAY_WIDTHS": WIDTHS[1:],
        "GALLERY_SHARE_WIDTH": 480,
        **overrides,
    }
    path = folder / f"settings_{len(list(folder.glob('settings_*.py')))}.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        + "".join(f"{name} = {value!r}\n" for name, value in values.items()), "utf-8")
    return path


def write_story(content: Path, extra: str = "", story: str = STORY) -> Path:
    story = content / story
    (story / "photos").mkdir(parents=True, exist_ok=True)
    (story / "index.lv.md").write_text(STORY_FRONT_MATTER.format(extra=extra), "utf-8")
    # each story's own English title, so each has an English address of its own
    (story / "index.en.md").write_text(f"---\ntitle: Photo day {story.name}\n---\nText.\n",
                                       "utf-8")
    return story


def sidecar(story: Path, *entries: tuple[str, str, str]) -> None:
    """photos.yml with (file, Latvian alt, English alt) entries."""
    text = "".join(f"- file: {name}\n  alt:\n    lv: {lv}\n    en: {en}\n"
                   for name, lv, en in entries)
    (story / "photos" / "photos.yml").write_text(text, "utf-8")


def upright_marker(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """Red above, blue below: which way up a rendition is shows in its pixels."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width, height // 2))
    return image.convert(mode)


def camera_exif(orientation: int = 1, gps: bool = True) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    if orientation != 1:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (56.0, 30.0, 1.5), 3: "E", 4: (25.0, 1.0, 2.5)}
    return exif


def save_turned(upright: Image.Image, path: Path) -> None:
    """As a phone held upright saves it: pixels turned, EXIF orientation 6, GPS."""
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    stored.save(path, "JPEG", exif=camera_exif(6).tobytes(), comment=b"Sony Xperia",
                xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')


def png_claiming(path: Path, width: int, height: int) -> None:
    """A tiny PNG whose header claims `width`×`height` (a decompression bomb's header)."""
    Image.new("L", (8, 8)).save(path, "PNG")
    data = bytearray(path.read_bytes())
    header = struct.pack(">II", width, height) + data[24:29]
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    path.write_bytes(bytes(data))


def renditions(output: Path) -> dict[str, Path]:
    folder = output / RENDITIONS
    return {p.name: p for p in folder.iterdir()} if folder.is_dir() else {}


def stats(files) -> dict[str, tuple[int, int]]:
    return {name: (path.stat().st_ino, path.stat().st_mtime_ns) for name, path in files.items()}


def problem_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("content/")]


# --- Every kind of camera and editor file -------------------------------------------

@pytest.fixture(scope="module")
def kinds_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    story = write_story(folder / "content")
    photos = story / "photos"
    save_turned(upright_marker(300, 400), photos / "a-telefons.jpg")
    Image.new("CMYK", (600, 450), (255, 0, 0, 0)).save(photos / "b-cmyk.jpg", "JPEG")
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upright_marker(600, 450).save(photos / "c-icc.jpg", "JPEG", icc_profile=srgb)
    sixteen_bit = Image.new("I", (600, 450), 65535)  # white on the left, mid-grey right
    sixteen_bit.paste(128 * 257, (300, 0, 600, 450))
    sixteen_bit.convert("I;16").save(photos / "d-16bit.png")
    upright_marker(600, 450).convert("P", palette=Image.Palette.ADAPTIVE).save(
        photos / "e-palete.png")
    transparent = Image.new("RGBA", (600, 450), (0, 0, 0, 0))
    transparent.paste((30, 30, 200, 255), (300, 0, 600, 450))
    transparent.save(photos / "f-caurspidigs.png")
    upright_marker(600, 450, "L").save(photos / "g-peleks.jpg", "JPEG")
    names = sorted(p.name for p in photos.iterdir())
    sidecar(story, *[(name, f"Foto {name}", f"Photo {name}") for name in names])
    output = folder / "output"
    result = build_site(folder / "content", output, "--strict",
                        "--settings", str(settings_file(folder)))
    assert result.returncode == 0, result.stderr
    return BuiltSite(output, "http://localhost:8000"), names


def test_every_photo_is_published_in_every_width_and_format(kinds_site):
    site, names = kinds_site
    files = renditions(site.root)
    for name in names:
        stem = Path(name).stem
        for extension, pillow_format in FORMATS.items():
            # a-telefons is 300 px wide when upright: never enlarged to 480
            widths = [120, 240, 300] if stem == "a-telefons" else WIDTHS
            for width in widths:
                with Image.open(files.pop(f"{stem}-{width}.{extension}")) as image:
                    assert image.format == pillow_format
                    assert image.mode in ("RGB", "L")
                    expected = round(width * (4 / 3 if stem == "a-telefons" else 3 / 4))
                    assert image.size == (width, expected), (stem, width, extension)
    assert not files, f"unexpected files: {sorted(files)}"


def test_a_turned_phone_photo_is_published_upright(kinds_site):
    site, _ = kinds_site
    for extension in FORMATS:
        with Image.open(site.root / RENDITIONS / f"a-telefons-240.{extension}") as image:
            rgb = image.convert("RGB")
            top, bottom = rgb.getpixel((120, 20)), rgb.getpixel((120, 300))
        assert top[0] > 150 > top[2], f"{extension}: the top is not red: {top}"
        assert bottom[2] > 150 > bottom[0], f"{extension}: the bottom is not blue: {bottom}"


def test_no_published_image_carries_metadata(kinds_site):
    site, _ = kinds_site
    checked = 0
    for path in (site.root / RENDITIONS).iterdir():
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), path.name
            leaked = {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"} & set(
                image.info)
            assert not leaked, (path.name, leaked)
        raw = path.read_bytes()
        assert b"Exif\x00\x00" not in raw and b"Sony Xperia" not in raw and b"xmpmeta" not in raw
        checked += 1
    assert checked == 7 * 3 * 3


@pytest.mark.parametrize(("name", "pixel", "expected"), [  # pixels of the 480×360 JPEG
    ("b-cmyk", (240, 180), (0, 255, 255)),  # cyan ink is cyan on screen
    ("d-16bit", (80, 180), (255, 255, 255)),  # 16-bit white stays white
    ("d-16bit", (400, 180), (128, 128, 128)),  # and mid-grey is scaled, not clipped
    ("f-caurspidigs", (80, 180), (255, 255, 255)),  # transparency on the page's white
    ("f-caurspidigs", (400, 180), BLUE),
    ("g-peleks", (240, 60), (RED[0] * 299 + RED[1] * 587 + RED[2] * 114) // 1000),
    ("e-palete", (240, 60), RED),
])
def test_colours_survive_conversion_to_srgb(kinds_site, name, pixel, expected):
    site, _ = kinds_site
    with Image.open(site.root / RENDITIONS / f"{name}-480.jpg") as image:
        assert image.mode == "RGB"
        got = image.getpixel(pixel)
    if isinstance(expected, int):
        expected = (expected,) * 3
    assert all(abs(g - e) <= 12 for g, e in zip(got, expected, strict=True)), got


def test_gallery_markup_has_alt_width_height_srcset_and_lazy_loading(kinds_site):
    site, names = kinds_site
    for lang, page in (("lv", LV_PAGE), ("en", site.translation_of("/" + LV_PAGE))):
        links = site.tree(page).xpath('//section[@data-gallery]//a[@data-gallery-photo]')
        assert len(links) == len(names)
        for link, name in zip(links, names, strict=True):
            image = link.xpath(".//img")[0]
            assert image.get("alt") == (f"Foto {name}" if lang == "lv" else f"Photo {name}")
            assert image.get("loading") == "lazy"
            thumbnail = site.file_for(image.get("src"))
            with Image.open(thumbnail) as published:
                assert published.size == (int(image.get("width")), int(image.get("height")))
            assert image.get("srcset").count("w,") == 1 and image.get("sizes")
            types = [s.get("type") for s in link.xpath(".//source")]
            assert types == ["image/avif", "image/webp"]
            full = site.file_for(link.get("href"))  # what a browser without JavaScript opens
            assert full is not None and full.suffix == ".jpg"


# --- Camera-size photos: GALLERY_MAX_HEIGHT caps a portrait's widest rendition ---------

@pytest.fixture(scope="module")
def camera_site(tmp_path_factory):
    """The project's own widths (400; 800, 1200, 1920) and GALLERY_MAX_HEIGHT (1920) on
    a 3000×4000 phone portrait (stored 4000×3000, EXIF 6) and a 4000×3000 landscape."""
    folder = tmp_path_factory.mktemp("camera")
    story = write_story(folder / "content")
    save_turned(upright_marker(3000, 4000), story / "photos" / "a-portrets.jpg")
    upright_marker(4000, 3000).save(story / "photos" / "b-ainava.jpg", "JPEG",
                                    exif=camera_exif().tobytes())
    sidecar(story, ("a-portrets.jpg", "Portrets", "Portrait"),
            ("b-ainava.jpg", "Ainava", "Landscape"))
    output = folder / "output"
    result = build_site(folder / "content", output, "--strict", "--settings", str(
        settings_file(folder, GALLERY_THUMBNAIL_WIDTH=400,
                      GALLERY_DISPLAY_WIDTHS=[800, 1200, 1920], GALLERY_SHARE_WIDTH=1200,
                      GALLERY_MAX_HEIGHT=1920)))
    assert result.returncode == 0, result.stderr
    return BuiltSite(output, "http://localhost:8000")


@pytest.mark.parametrize(("stem", "widest"), [
    ("a-portrets", (1440, 1920)),  # not 1920×2560
    ("b-ainava", (1920, 1440)),  # 1440 high: as before
])
def test_the_widest_rendition_is_at_most_gallery_max_height_high(camera_site, stem, widest):
    files = renditions(camera_site.root)
    widths = {int(name.rsplit("-", 1)[1].split(".")[0]) for name in files
              if name.startswith(f"{stem}-")}
    assert widths == {400, 800, 1200, widest[0]}
    for extension, pillow_format in (("webp", "WEBP"), ("jpg", "JPEG")):  # AVIF: ≤ 800
        with Image.open(files[f"{stem}-{widest[0]}.{extension}"]) as image:
            assert (image.format, image.size) == (pillow_format, widest)
            rgb = image.convert("RGB")
            top, bottom = rgb.getpixel((20, 20)), rgb.getpixel((20, widest[1] - 20))
            assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # upright
    link = camera_site.tree(LV_PAGE).xpath(
        f'//a[@data-gallery-photo][contains(@href, "/{stem}-")]')[0]
    assert link.get("href").endswith(f"/{stem}-{widest[0]}.jpg")  # the no-JS link
    assert (int(link.get("data-width")), int(link.get("data-height"))) == widest
    for format_, extension in (("webp", "webp"), ("jpeg", "jpg")):
        srcset = link.get(f"data-srcset-{format_}")
        assert srcset.endswith(f"/{stem}-{widest[0]}.{extension} {widest[0]}w"), srcset


# --- Bad input: one line each, and the rest still builds --------------------------------

BAD_SIDECAR = """\
- file: a-labs.jpg
  alt:
    lv: Cilvēki pie galda
    en: People at a table
- file: b-tikai-latviski.jpg
  alt:
    lv: Ēkas fasāde
  capton:
    lv: Paraksts
- file: trukst.jpg
  alt:
    lv: Nav
    en: None
- file: sabojata.jpg
  alt:
    lv: Sabojāta
    en: Damaged
"""
BAD_LINES = [
    f"{SHOWN}/c-bez-apraksta.jpg:1: the photo has no alt text — add it to "
    f"{SHOWN}/photos.yml: an entry '- file: c-bez-apraksta.jpg' with 'alt:' in each language",
    f"{SHOWN}/photos.yml:6: alt.en: b-tikai-latviski.jpg has no alt text in this language — "
    "describe what the photo shows, for people who cannot see it",
    f"{SHOWN}/photos.yml:8: capton: is not a field we know — did you mean caption?",
    f"{SHOWN}/photos.yml:10: file: 'trukst.jpg' is not in this folder — check the spelling "
    "(the folder has: IMG_0001.HEIC, a-labs.jpg, b-tikai-latviski.jpg, bumba.png, "
    "c-bez-apraksta.jpg, liela-bumba.png, piezimes.jpg, sabojata.jpg) or "
    "remove the entry",
    f"{SHOWN}/IMG_0001.HEIC:1: the photo is in HEIC format (the iPhone's own), which "
    "browsers and the build cannot read — save it as JPEG and replace the file (on the "
    "iPhone: Settings → Camera → Formats → Most Compatible)",
    f"{SHOWN}/bumba.png:1: the photo is too large to process safely (more than 80 "
    "megapixels) — save a smaller copy, e.g. 4000 pixels wide, and replace the file",
    f"{SHOWN}/liela-bumba.png:1: the photo is too large to process safely (more than 80 "
    "megapixels) — save a smaller copy, e.g. 4000 pixels wide, and replace the file",
    f"{SHOWN}/piezimes.jpg:1: this file is not a photo the build can read — keep only "
    "JPEG, PNG or WebP photos here; move other files out of the folder",
    f"{SHOWN}/sabojata.jpg:1: the photo is damaged and cannot be read — copy it again from "
    "the camera or phone, or remove it",
    f"content/{LISTED_STORY}/index.lv.md:7: gallery[1]: 'photos/nav.jpg' is not a file in "
    "the story's folder — write the path from the story's folder, e.g. photos/vizite-1.jpg",
    f"content/{STORY}/index.lv.md:5: cover: 'photos/vaks.jpg' is not a file in the story's "
    "folder — write the path from the story's folder, e.g. photos/vizite-1.jpg",
]


@pytest.fixture(scope="module")
def bad_content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    story = write_story(folder / "content", extra="cover: photos/vaks.jpg\n")
    photos = story / "photos"
    for name in ("a-labs.jpg", "b-tikai-latviski.jpg", "c-bez-apraksta.jpg"):
        upright_marker(480, 360).save(photos / name, "JPEG")
    whole = photos / "sabojata.jpg"
    upright_marker(480, 360).save(whole, "JPEG")
    whole.write_bytes(whole.read_bytes()[:1500])  # a copy that stopped half way
    (photos / "piezimes.jpg").write_text("Fotografēt arī virtuvi!", "utf-8")
    png_claiming(photos / "bumba.png", 10_000, 9_000)  # 90 MP: above our limit
    png_claiming(photos / "liela-bumba.png", 20_000, 20_000)  # 400 MP: Pillow refuses
    (photos / "IMG_0001.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1")
    (photos / "photos.yml").write_text(BAD_SIDECAR, "utf-8")
    listed = write_story(folder / "content", story=LISTED_STORY, extra=(
        "gallery:\n  - photos/b.jpg\n  - photos/nav.jpg\n  - a.jpg\n"))
    upright_marker(480, 360).save(listed / "photos" / "b.jpg", "JPEG")
    upright_marker(480, 360).save(listed / "photos" / "c.jpg", "JPEG")  # not listed
    upright_marker(360, 360).save(listed / "a.jpg", "JPEG")  # beside the story's text
    sidecar(listed, ("b.jpg", "Bē", "B"), ("c.jpg", "Cē", "C"))
    (listed / "photos.yml").write_text("- file: a.jpg\n  alt: {lv: Ā, en: A}\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_build(bad_content):
    """The bad content built once (the preview build): what it said."""
    return build_site(bad_content / "content", bad_content / "output",
                      "--settings", str(settings_file(bad_content)))


def test_each_bad_photo_gives_one_line_and_the_site_still_builds(bad_content, bad_build):
    output, result = bad_content / "output", bad_build
    assert result.returncode == 0, result.stderr
    assert sorted(problem_lines(result)) == sorted(BAD_LINES)
    site = BuiltSite(output, "http://localhost:8000")
    shown = site.tree(LV_PAGE).xpath('//section[@data-gallery]//img/@src')
    assert [Path(src).name for src in shown] == [
        "a-labs-120.jpg", "b-tikai-latviski-120.jpg", "c-bez-apraksta-120.jpg"]
    # the damaged photo is left out of the page and its renditions are not published
    assert {name.rsplit("-", 1)[0] for name in renditions(output)} == {
        "a-labs", "b-tikai-latviski", "c-bez-apraksta"}
    # without alt text the thumbnail still has a name, and the cover falls back
    assert site.tree(LV_PAGE).xpath('//img[contains(@src, "c-bez-apraksta")]/@alt') == [
        "Fotogrāfija 3 no 3"]
    card = site.tree("jaunumi/").xpath(
        '//article[@class="story-card"][.//a[contains(@href, "foto-diena")]]//img/@src')
    assert [Path(src).name for src in card] == ["a-labs-120.jpg"]


def test_a_gallery_list_chooses_and_orders_photos_anywhere_in_the_story(bad_content,
                                                                        bad_build):
    assert bad_build.returncode == 0, bad_build.stderr
    site = BuiltSite(bad_content / "output", "http://localhost:8000")
    page = "jaunumi/2024/foto-saraksts/"
    assert site.tree(page).xpath('//section[@data-gallery]//img/@alt') == ["Bē", "Ā"]
    assert not (site.root / LISTED_STORY).exists(), "no photo and no sidecar is published"


def test_bad_photos_fail_the_strict_build(bad_content):
    output = bad_content / "strict-output"
    result = build_site(bad_content / "content", output, "--strict",
                        "--settings", str(settings_file(bad_content)))
    assert result.returncode == 1
    # the damaged photo is only found by decoding it, which a failed build never starts
    assert sorted(problem_lines(result)) == sorted(
        line for line in BAD_LINES if "/sabojata.jpg" not in line)
    assert not output.exists()


# --- Cache, settings and what is published ------------------------------------------

AVIF_AT_40 = {"avif": {"quality": 40, "speed": 6}, "webp": {"quality": 78, "method": 4},
              "jpeg": {"quality": 82, "optimize": True, "progressive": True}}


@pytest.fixture(scope="module")
def rebuilds(tmp_path_factory):
    """One story built five times into the same output: first, again unchanged, with
    another AVIF quality, then with GALLERY_MAX_HEIGHT 480 (a's 480×640 becomes 360×480),
    and with a photo added (c, 600×450). The renditions' (inode, mtime), the
    cache's files and the files published from the photos folder after each build; the
    camera files before the first build and after the fourth."""
    folder = tmp_path_factory.mktemp("rebuilds")
    story = write_story(folder / "content")
    save_turned(upright_marker(480, 640), story / "photos" / "a.jpg")
    upright_marker(640, 480).save(story / "photos" / "b.jpg", "JPEG",
                                  exif=camera_exif().tobytes())
    sidecar(story, ("a.jpg", "Ā", "A"), ("b.jpg", "Bē", "B"))

    def camera_files():
        return {Path(PHOTOS) / p.name: p.read_bytes() for p in (story / "photos").iterdir()}

    def build(**overrides):
        result = build_site(folder / "content", output, "--settings",
                            str(settings_file(folder, **overrides)))
        assert result.returncode == 0, result.stderr
        return {
            "renditions": stats(renditions(output)),
            "cache": {p: p.stat().st_mtime_ns for p in (folder / "cache").rglob("*")
                      if p.is_file()},
            "published": {p.relative_to(output): p.read_bytes() for p in output.rglob("*")
                          if p.is_file() and "photos" in p.parts and "news" in p.parts},
        }

    before, output = camera_files(), folder / "output"
    capped = {"GALLERY_FORMATS": AVIF_AT_40, "GALLERY_MAX_HEIGHT": 480}
    builds = {"first": build(), "again": build(),
              "avif": build(GALLERY_FORMATS=AVIF_AT_40), "capped": build(**capped)}
    builds["sources"] = {"before": before, "after": camera_files()}
    upright_marker(600, 450).save(story / "photos" / "c.jpg", "JPEG")
    sidecar(story, ("a.jpg", "Ā", "A"), ("b.jpg", "Bē", "B"), ("c.jpg", "Cē", "C"))
    builds["added"] = build(**capped)
    return builds


def test_a_second_build_rewrites_no_rendition(rebuilds):
    first, again = rebuilds["first"], rebuilds["again"]
    assert len(first["renditions"]) == 2 * 3 * 3
    assert again["renditions"] == first["renditions"]  # same inodes, same mtimes
    renditions_in_cache = [p for p in first["cache"] if p.name != "manifest.json"]
    assert len(renditions_in_cache) == 2 * 3 * 3
    assert {p: again["cache"][p] for p in renditions_in_cache} == {
        p: first["cache"][p] for p in renditions_in_cache}
    assert again["cache"].keys() == first["cache"].keys()


def test_a_settings_change_redoes_only_the_renditions_it_affects(rebuilds):
    before, after = rebuilds["again"]["renditions"], rebuilds["avif"]["renditions"]
    assert after.keys() == before.keys()
    redone = {name for name in after if after[name] != before[name]}
    assert redone == {name for name in after if name.endswith(".avif")}


def test_a_lower_max_height_redoes_only_the_renditions_too_high(rebuilds):
    before, after = rebuilds["avif"], rebuilds["capped"]
    too_high = {f"a-480.{extension}" for extension in FORMATS}
    assert set(after["renditions"]) == set(before["renditions"]) - too_high | {
        f"a-360.{extension}" for extension in FORMATS}
    kept = set(before["renditions"]) - too_high
    assert {n: after["renditions"][n] for n in kept} == {
        n: before["renditions"][n] for n in kept}
    made = {p.name.split("-")[0] for p in after["cache"].keys() - before["cache"].keys()}
    assert made == {"360x480"}
    assert {p: after["cache"][p] for p in before["cache"] if p.name != "manifest.json"} == {
        p: t for p, t in before["cache"].items() if p.name != "manifest.json"}


def test_adding_a_photo_processes_that_photo_alone(rebuilds):
    before, after = rebuilds["capped"], rebuilds["added"]
    added = sorted(after["renditions"].keys() - before["renditions"].keys())
    assert len(added) == len(WIDTHS) * len(FORMATS)
    assert all(name.startswith("c-") for name in added), added
    assert {name: after["renditions"][name] for name in before["renditions"]} == before[
        "renditions"]  # same inodes, same mtimes
    cached = {p: t for p, t in before["cache"].items() if p.name != "manifest.json"}
    assert {p: after["cache"][p] for p in cached} == cached  # a's and b's not redone
    assert len(after["cache"]) - len(before["cache"]) == len(WIDTHS) * len(FORMATS)


def test_originals_and_sidecars_are_never_published(rebuilds):
    for name in ("first", "again", "avif"):
        assert rebuilds[name]["published"] == {}
    sources = rebuilds["sources"]
    assert sources["after"] == sources["before"], "three builds changed no camera file"


def test_checking_content_reports_photo_problems_without_processing_any(tmp_path):
    story = write_story(tmp_path / "content")
    upright_marker(480, 360).save(story / "photos" / "a.jpg", "JPEG")
    (story / "photos" / "photos.yml").write_text("- file: a.jpg\n  alt: {lv: Ā}\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sitetool", "--lang", "en", "check", "--content",
         str(tmp_path / "content"), "--settings", str(settings_file(tmp_path))],
        capture_output=True, text=True, cwd=ROOT, check=False)
    assert (f"{SHOWN}/photos.yml:2: alt.en: a.jpg has no alt text in this language — "
            "describe what the photo shows, for people who cannot see it") in result.stdout
    assert not (tmp_path / "cache").exists()
