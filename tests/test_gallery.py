"""The sample visit stories' galleries, as the session build published them: markup,
renditions, covers on news cards, and nothing of the camera files leaking out."""

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from PIL import ExifTags, Image

from site_helpers import ROOT
from typography import quote_text

LITHUANIA = "news/2022/socialaja-dienesta-viesojas-kolegi-no-lietuvas"
PREILI = "news/2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos"
ESTONIA = "news/2025/socialie-darbinieki-macibu-vizite-igaunija"
LITHUANIA_LV = "/jaunumi/2022/socialaja-dienesta-viesojas-kolegi-no-lietuvas/"
# The sample stories' camera files and sidecars (the session build adds none of its own)
SIDECARS = sorted((ROOT / "content" / "news").glob("*/*/photos/photos.yml"))
PHOTOS = [p for p in (ROOT / "content" / "news").glob("*/*/photos/*") if p.suffix == ".jpg"]
PILLOW_FORMATS = {".avif": "AVIF", ".webp": "WEBP", ".jpg": "JPEG"}
SETTINGS = {"__file__": str(ROOT / "pelicanconf.py")}
exec((ROOT / "pelicanconf.py").read_text("utf-8"), SETTINGS)
QUOTATION_MARKS = SETTINGS["QUOTATION_MARKS"]


def _page(site, lang: str) -> str:
    """The Lithuania story's page in `lang` (the English one at its own address)."""
    return LITHUANIA_LV if lang == "lv" else site.translation_of(LITHUANIA_LV, lang)


def _gallery_pages(site):
    pages = [f for f in site.html_files() if site.tree(f).xpath("//section[@data-gallery]")]
    assert len(pages) == 2 * len(SIDECARS), "each sample story with photos, in two languages"
    return pages


def _srcset(value: str) -> list[tuple[str, int]]:
    """[(url, width)] of a srcset attribute."""
    return [(url, int(width.rstrip("w"))) for url, width in
            (candidate.split() for candidate in value.split(","))]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_gallery_shows_the_sidecars_photos_alt_text_and_captions_in_order(site, lang):
    entries = yaml.safe_load((ROOT / "content" / LITHUANIA / "photos/photos.yml").read_text())
    figures = site.tree(_page(site, lang)).xpath('//figure[@class="gallery__figure"]')
    # typed quotes and apostrophes are published as the language's (plugins/typography)
    assert [f.xpath(".//img/@alt")[0] for f in figures] == [
        quote_text(e["alt"][lang], QUOTATION_MARKS[lang]) for e in entries]
    credit = "Foto: Līga Krūmiņa" if lang == "lv" else "Photo: Līga Krūmiņa"
    assert [" ".join(f.xpath("string(.//figcaption)").split()) for f in figures] == [
        f"{quote_text(e['caption'][lang], QUOTATION_MARKS[lang])} {credit}" for e in entries]
    heading = site.tree(_page(site, lang)).xpath("//section[@data-gallery]/h2/text()")
    assert heading == (["Fotogrāfijas"] if lang == "lv" else ["Photos"])


def test_every_picture_offers_avif_webp_and_jpeg_with_size_and_lazy_loading(site):
    for page in _gallery_pages(site):
        for link in site.tree(page).xpath("//a[@data-gallery-photo]"):
            sources = link.xpath(".//source")  # lxml nests them: it takes <source> for a container
            assert [s.get("type") for s in sources] == ["image/avif", "image/webp"]
            image = link.xpath(".//img")[0]
            assert image.get("alt"), page
            assert image.get("loading") == "lazy"
            assert image.get("sizes") and all(s.get("sizes") for s in sources)
            assert int(image.get("width")) == 400
            thumbnail = site.file_for(image.get("src"))
            with Image.open(thumbnail) as published:
                assert published.size == (int(image.get("width")), int(image.get("height")))
            # thumbnails offer what a sharp grid needs (400 and 800 px), no more
            for srcset in [image.get("srcset"), *(s.get("srcset") for s in sources)]:
                assert [width for _, width in _srcset(srcset)] == [400, 800]


def test_every_rendition_exists_in_its_format_width_and_proportions(site):
    checked = 0
    for page in _gallery_pages(site):
        for link in site.tree(page).xpath("//a[@data-gallery-photo]"):
            full = (int(link.get("data-width")), int(link.get("data-height")))
            # AVIF is made up to 800 px (GALLERY_FORMAT_MAX_WIDTH): the viewer, which
            # needs the larger sizes, is not offered it
            assert link.get("data-srcset-avif") is None
            widths = {}
            for attribute in ("data-srcset-webp", "data-srcset-jpeg"):
                candidates = _srcset(link.get(attribute))
                widths[attribute] = [width for _, width in candidates]
                for url, width in candidates:
                    file = site.file_for(url)
                    assert file is not None, url
                    with Image.open(file) as published:
                        assert published.format == PILLOW_FORMATS[file.suffix]
                        assert published.width == width
                        assert abs(published.height - width * full[1] / full[0]) <= 1
                    checked += 1
            assert len({tuple(w) for w in widths.values()}) == 1, "same widths in each format"
            assert widths["data-srcset-jpeg"][-1] == full[0] <= 1920
            assert site.file_for(link.get("href")).name.endswith(f"-{full[0]}.jpg")
    assert checked == 2 * len(PHOTOS) * 4 * 2  # both languages, each photo, 4 widths, 2 formats


def test_a_portrait_taken_with_the_camera_turned_is_upright(site):
    # 03-musmajas.jpg is stored 2000×1500 with EXIF orientation 6: sky above, grass below
    folder = site.root / "photos/2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos"
    for file in folder.glob("03-musmajas-*"):
        with Image.open(file) as image:
            rgb = image.convert("RGB")
            assert rgb.height > rgb.width, file.name
            sky = rgb.getpixel((rgb.width // 2, 2))
            grass = rgb.getpixel((rgb.width // 2, rgb.height - 3))
        assert sky[2] > sky[0] + 40, f"{file.name}: the top is not sky: {sky}"
        assert grass[1] > grass[0] + 20 and grass[1] > grass[2], f"{file.name}: {grass}"


def test_no_published_image_carries_exif_gps_xmp_or_a_colour_profile(site):
    images = [p for p in site.root.rglob("*") if p.suffix in PILLOW_FORMATS
              and "theme" not in p.relative_to(site.root).parts]
    assert len(images) == 10 * (4 * 2 + 2)  # WebP and JPEG in 4 widths, AVIF in 2
    for path in images:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif and not exif.get_ifd(ExifTags.IFD.GPSInfo), path
            assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"} & set(
                image.info), path
        assert b"Exif\x00\x00" not in path.read_bytes(), path


def test_camera_files_and_sidecars_are_not_published(site):
    originals = list((ROOT / "content" / "news").glob("*/*/photos/*"))
    assert len(originals) == len(PHOTOS) + len(SIDECARS) and PHOTOS
    published = {hashlib.sha256(p.read_bytes()).digest()
                 for p in site.root.rglob("*") if p.is_file()}
    for original in originals:
        assert hashlib.sha256(original.read_bytes()).digest() not in published, original.name
    assert not list(site.root.rglob("photos.yml"))


def test_news_cards_show_the_cover_with_its_size(site):
    def card_image(story_slug):
        images = site.tree("/jaunumi/").xpath(
            f'//article[contains(@class, "story-card")][.//a[contains(@href, "{story_slug}")]]'
            "//img")
        return images[0] if images else None

    # the cover chosen in the front matter, else the gallery's first photo
    estonia = card_image("socialie-darbinieki-macibu-vizite-igaunija")
    assert Path(estonia.get("src")).name == "img_0420-400.jpg"
    lithuania = card_image("socialaja-dienesta-viesojas-kolegi-no-lietuvas")
    assert Path(lithuania.get("src")).name == "birzu-kolegi-400.jpg"
    for image in (estonia, lithuania):
        assert image.get("alt") == "" and image.get("loading") == "lazy"
        assert image.get("width") == "400" and int(image.get("height")) > 0
        assert site.file_for(image.get("src")) is not None
    assert card_image("senioru-dienas-centram-piladzis-jauns-darba-laiks") is None


def test_the_cover_is_the_link_preview_image(site):
    tree = site.tree(site.translation_of(f"/jaunumi/{ESTONIA.removeprefix('news/')}/"))
    image = tree.xpath('//meta[@property="og:image"]/@content')[0]
    assert image.endswith("/photos/2025/socialie-darbinieki-macibu-vizite-igaunija/"
                          "img_0420-1200.jpg")
    with Image.open(site.file_for(image)) as cover:
        assert cover.size == (1200, int(tree.xpath('//meta[@property="og:image:height"]'
                                                   "/@content")[0]))
    assert tree.xpath('//meta[@property="og:image:alt"]/@content') == [
        "A white minibus with a blue stripe on a country road lined with trees."]


def test_the_viewer_script_is_loaded_deferred_and_only_where_there_is_a_gallery(site):
    gallery_pages = set(_gallery_pages(site))
    for page in site.html_files():
        scripts = [s for s in site.tree(page).xpath("//script[@src]")
                   if re.search(r"/gallery\.[0-9a-f]+\.js$", s.get("src"))]
        if page in gallery_pages:
            assert len(scripts) == 1 and scripts[0].get("defer") is not None, page
            assert site.file_for(scripts[0].get("src")) is not None
        else:
            assert not scripts, page
