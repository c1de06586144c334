"""What a build publishes: the pages it renders, the photos' renditions, the files content
names and the theme's assets — never a camera file, a backup or a note, nor anything
through a symbolic link (plugins/published_files, plugins/gallery/body_images.py).

The sample content is built with hazards planted: GPS-tagged camera photos in a
sub-folder of `photos/`, loose in a story's folder, shown in the text of a story, a page
and a service, and linked from a text; a backup and notes beside a story."""

import re
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PIL import ExifTags, Image

from content_schema import parse_date, read_front_matter
from site_helpers import ROOT, TODAY, BuiltSite, build_site
from sitetool_helpers import sitetool

FIXTURES = Path(__file__).parent / "fixtures"
SITE_URL = "http://127.0.0.1:8731"
STORY = "news/2025/socialie-darbinieki-macibu-vizite-igaunija"  # a visit with a gallery
CONSULTATION = "news/2026/aicinam-izteikt-viedokli-par-majokla-pabalsta-grozijumiem"
PAGE = "pages/par-mums"
SERVICE = "services/aprupe-majas"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg", ".tif"}
# Camera files and what they are to the build.
GPS_PHOTOS = {
    f"{STORY}/photos/vairak/IMG_9001.jpg": "unused",  # a sub-folder the gallery ignores
    f"{STORY}/IMG_9002.jpg": "unused",  # loose in the story's folder
    f"{STORY}/zale.jpg": "in the text",  # ![…](zale.jpg)
    f"{STORY}/lielaks-foto.jpg": "linked",  # [lielāks foto](lielaks-foto.jpg)
    f"{PAGE}/eka.jpg": "in the text",
    f"{SERVICE}/aprupe.jpg": "in the text",
}
LEFT_OVER = [f"{STORY}/index.lv.md~", f"{STORY}/piezimes.txt",
             f"{STORY}/photos/vairak/IMG_9001.jpg", f"{STORY}/IMG_9002.jpg"]
NOT_PUBLISHED_LV = "netiek publicēts: nekas uz to neatsaucas"
UPLOADED = "Pielikums Nr. 1 (galīgais) ā.pdf"


def gps_photo(path: Path, colour=(180, 120, 60)) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (56.0, 57.0, 30.5), 3: "E", 4: (24.0, 6.0, 15.5)}
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (900, 600), colour).save(path, "JPEG", exif=exif.tobytes(),
                                               comment=b"home of a client")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def sample_copy(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "extra_content", content, dirs_exist_ok=True)
    return content


def plant_hazards(content: Path) -> None:
    for index, name in enumerate(GPS_PHOTOS):
        gps_photo(content / name, (40 * index, 120, 60))
    (content / STORY / "index.lv.md~").write_text("---\ntitle: vecā versija\n", "utf-8")
    (content / STORY / "piezimes.txt").write_text("Klienta adrese: Liepu iela 3", "utf-8")
    (content / STORY / "plans.pdf").write_bytes(b"%PDF-1.4\n% the visit's plan\n")
    # what Windows and Word leave in a folder: neither published nor listed by check
    for left_by_the_system in ("desktop.ini", "photos/Thumbs.db", "~$plans.docx"):
        (content / STORY / left_by_the_system).write_bytes(b"\x00system")
    append(content / STORY / "index.lv.md",
           "\n![Dienas centra zāle](zale.jpg)\n\n[Lielāks foto](lielaks-foto.jpg) un "
           "[vizītes plāns (PDF)](plans.pdf).\n")
    # a document uploaded with the name it had on the editor's computer
    (content / CONSULTATION / UPLOADED).write_bytes(b"%PDF-1.4\n% an annex\n")
    for lang in ("lv", "en"):
        index = content / CONSULTATION / f"index.{lang}.md"
        index.write_text(index.read_text("utf-8").replace(
            "documents:\n", f"documents:\n  - title: Pielikums\n    file: {UPLOADED}\n", 1),
            "utf-8")
    append(content / PAGE / "index.lv.md", "\n![Sociālā dienesta ēka](eka.jpg)\n")
    append(content / SERVICE / "index.lv.md", "\n![Aprūpētāja pie klienta](aprupe.jpg)\n")


@pytest.fixture(scope="module")
def hazards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hazards")
    content = sample_copy(folder)
    plant_hazards(content)
    output = folder / "output"
    result = build_site(content, output, "--production", site_url=SITE_URL)
    assert result.returncode == 0, result.stderr
    return content, BuiltSite(output, SITE_URL)


def published_files(site: BuiltSite) -> set[str]:
    return {p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file()}


def _is_published_bundle(index: Path) -> bool:
    """From the front matter, as an editor reads it: not a draft, not dated ahead (a
    translation takes both from its Latvian twin)."""
    data = read_front_matter(index.with_name("index.lv.md")).data if \
        index.with_name("index.lv.md").exists() else {}
    data = {**data, **read_front_matter(index).data}
    when = parse_date(data["date"]) if "date" in data else None
    return data.get("status") != "draft" and (when is None
                                               or when.date() <= date.fromisoformat(TODAY))


def named_documents(content: Path) -> set[str]:
    """Files other than images that published content names: `documents: file:` and
    links in the text to a file in its folder."""
    named = set()
    for index in content.rglob("index.*.md"):
        if not _is_published_bundle(index):
            continue
        front_matter = read_front_matter(index)
        names = [d["file"] for d in front_matter.data.get("documents", []) if "file" in d]
        names += [unquote(address) for address in
                  re.findall(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)", front_matter.body)
                  if not urlsplit(address).scheme and not address.startswith(("/", "#"))]
        for name in names:
            file = (index.parent / name).resolve()
            if file.is_file() and file.suffix.lower() not in IMAGE_SUFFIXES:
                named.add(file.relative_to(content.resolve()).as_posix())
    return named


def shown_images(site: BuiltSite) -> set[str]:
    """Every file of this site that a page names in src, srcset, href or content."""
    named = set()
    for page in site.html_files():
        text = page.read_text("utf-8")
        for value in re.findall(r'(?:src|srcset|href|content|data-srcset-\w+)="([^"]*)"', text):
            for candidate in value.split(","):
                address = candidate.strip().split(" ")[0]
                if address.startswith(f"{SITE_URL}/photos/"):
                    named.add(address.removeprefix(f"{SITE_URL}/"))
    return named


def photos_of(renditions) -> set[str]:
    """photos/2025/x/zale-800.webp -> photos/2025/x/zale: the photo a rendition shows."""
    return {re.sub(r"-\d+\.\w+$", "", f) for f in renditions}


def theme_assets() -> set[str]:
    return {f"theme/{p.relative_to(ROOT / 'theme/static').as_posix()}"
            for p in (ROOT / "theme/static").rglob("*") if p.is_file()}


# --- The allow-list --------------------------------------------------------------------

def test_the_site_publishes_only_its_pages_renditions_named_files_and_theme(hazards):
    content, site = hazards
    published = published_files(site)
    rendered = {f for f in published
                if f.endswith((".html", ".xml", ".ics")) or f == "robots.txt"}
    search_index = {f for f in published if f.startswith("pagefind/")}
    theme = {f for f in published if f.startswith("theme/")}
    renditions = {f for f in published if f.startswith("photos/")}
    documents = named_documents(content)
    assert f"{STORY}/plans.pdf" in documents and f"{CONSULTATION}/noteikumu-projekts.pdf" \
        in documents  # what the expectation is made of
    assert published - rendered - search_index - theme - renditions == documents
    assert renditions <= {f for f in published if re.fullmatch(
        r"photos/.+-\d+\.(avif|webp|jpg)", f)}
    assert photos_of(renditions) == photos_of(shown_images(site)), \
        "renditions of a photo no page shows or links to, or a missing one"
    bundled = re.compile(r"theme/[a-z-]+\.[0-9a-f]{10}\.(css|js)")
    assert {f for f in theme if not bundled.fullmatch(f)} == theme_assets()


def test_no_published_file_is_a_copy_of_a_content_file_but_the_named_documents(hazards):
    content, site = hazards
    sources = {p.read_bytes(): p.relative_to(content).as_posix()
               for p in content.rglob("*") if p.is_file()}
    copied = {sources[p.read_bytes()] for p in site.root.rglob("*")
              if p.is_file() and p.read_bytes() in sources}
    assert copied == named_documents(content)


# --- Photos ----------------------------------------------------------------------------

def test_no_published_image_carries_exif_or_gps(hazards):
    _, site = hazards
    images = [p for p in site.root.rglob("*") if p.suffix in (".jpg", ".webp", ".avif")]
    assert len(images) > 100
    for path in images:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif and not exif.get_ifd(ExifTags.IFD.GPSInfo), path
            assert not {"exif", "xmp", "comment"} & set(image.info), path
        assert b"home of a client" not in path.read_bytes()


@pytest.mark.parametrize("source", list(GPS_PHOTOS))
def test_a_camera_photo_is_never_published_as_it_is(hazards, source):
    content, site = hazards
    original = (content / source).read_bytes()
    assert not [p for p in site.root.rglob("*") if p.is_file() and p.read_bytes() == original]
    assert not list(site.root.rglob(Path(source).name))


@pytest.mark.parametrize(("source", "page"), [
    (f"{STORY}/zale.jpg", "jaunumi/2025/socialie-darbinieki-macibu-vizite-igaunija/"),
    (f"{PAGE}/eka.jpg", "par-mums/"),
    (f"{SERVICE}/aprupe.jpg", "pakalpojumi/aprupe-majas/"),
])
def test_an_image_in_the_text_is_shown_from_its_renditions(hazards, source, page):
    _, site = hazards
    stem = Path(source).stem
    images = [img for img in site.tree(page).iter("img")
              if Path(urlsplit(img.get("src")).path).name.startswith(f"{stem}-")]
    assert len(images) == 1, "the <img> of the text is the JPEG rendition"
    image = images[0]
    assert image.get("alt") and image.get("width") and image.get("height")
    # (lxml's HTML parser puts the <img> inside the <source>s, which it takes for open)
    picture = next(a for a in image.iterancestors() if a.tag == "picture")
    # AVIF is made up to 800 px only (GALLERY_FORMAT_MAX_WIDTH): the text's sizes need
    # larger ones, so its <picture> offers WebP, each size that the JPEG has
    sources = list(picture.iter("source"))
    assert [s.get("type") for s in sources] == ["image/webp"]
    widths = [[part.split()[1] for part in element.get("srcset").split(",")]
              for element in (sources[0], image)]
    assert widths[0] == widths[1]
    for address in [image.get("src"), *(part.split()[0] for part in
                                         image.get("srcset").split(","))]:
        assert site.file_for(address) is not None, address


def test_a_link_to_a_photo_points_at_its_widest_jpeg_rendition(hazards):
    _, site = hazards
    tree = site.tree("jaunumi/2025/socialie-darbinieki-macibu-vizite-igaunija/")
    link = next(a for a in tree.iter("a") if a.text_content() == "Lielāks foto")
    assert re.fullmatch(rf"{SITE_URL}/photos/2025/socialie-darbinieki-macibu-vizite-igaunija/"
                        r"lielaks-foto-900\.jpg", link.get("href"))
    assert site.file_for(link.get("href")) is not None


def test_a_link_to_a_document_in_the_text_points_where_it_is_published(hazards):
    content, site = hazards
    tree = site.tree("jaunumi/2025/socialie-darbinieki-macibu-vizite-igaunija/")
    link = next(a for a in tree.iter("a") if a.text_content() == "vizītes plāns (PDF)")
    published = site.file_for(link.get("href"))
    assert published is not None
    assert published.read_bytes() == (content / STORY / "plans.pdf").read_bytes()


def test_a_document_uploaded_with_spaces_in_its_name_has_a_valid_address(hazards):
    content, site = hazards
    tree = site.tree("jaunumi/2026/aicinam-izteikt-viedokli-par-majokla-pabalsta-grozijumiem/")
    [href] = [a.get("href") for a in tree.iter("a") if a.text_content().startswith("Pielikums")]
    assert " " not in href and "ā" not in href, href
    published = site.file_for(unquote(href))
    assert published is not None
    assert published.read_bytes() == (content / CONSULTATION / UPLOADED).read_bytes()


# --- What check lists -------------------------------------------------------------------

@pytest.fixture(scope="module")
def checked(hazards):
    content, _ = hazards
    return {lang: sitetool("check", "--content", str(content), "--today", TODAY,
                           "--no-cache", lang=lang).stdout for lang in ("en", "lv")}


@pytest.mark.parametrize("left_over", LEFT_OVER)
def test_a_file_nothing_names_is_not_published_and_check_lists_it(hazards, checked,
                                                                  left_over):
    _, site = hazards
    assert not list(site.root.rglob(Path(left_over).name))
    lines = {lang: [line for line in text.splitlines()
                    if line.startswith(f"content/{left_over}:1: ")] for lang, text in
             checked.items()}
    assert len(lines["en"]) == 1 and " not published: nothing refers to it — " in lines["en"][0]
    assert len(lines["lv"]) == 1 and NOT_PUBLISHED_LV in lines["lv"][0]


def test_check_lists_nothing_that_is_published_or_read(checked):
    listed = {line.split(":")[0].removeprefix("content/") for line in checked["en"].splitlines()
              if "not published: nothing refers to it" in line}
    assert listed == set(LEFT_OVER)


# --- Images that cannot be published -------------------------------------------------------

def _document_renamed(content: Path, name: str) -> None:
    index = content / CONSULTATION / "index.lv.md"
    index.write_text(index.read_text("utf-8").replace("file: paskaidrojuma-raksts.odt",
                                                      f"file: {name}"), "utf-8")


IMAGES_OUTSIDE = {  # how an image is planted: the line `check` says of it, once
    "outside the story's folder": (
        lambda c: (gps_photo(c / "news/2025/citur.jpg"),
                   append(c / STORY / "index.lv.md", "\n![Cits](../citur.jpg)\n")),
        rf"content/{STORY}/index\.lv\.md:\d+: the image \.\./citur\.jpg is not a "
        "file in this folder — "),
    "a format the gallery cannot render": (
        lambda c: ((c / STORY / "logo.svg").write_text("<svg/>", "utf-8"),
                   append(c / STORY / "index.lv.md", "\n![Logo](logo.svg)\n")),
        rf"content/{STORY}/logo\.svg:1: this file is not a photo the build can read — "),
    "a photo named as a document": (
        lambda c: (gps_photo(c / CONSULTATION / "foto.jpg"), _document_renamed(c, "foto.jpg")),
        rf"content/{CONSULTATION}/index\.lv\.md:23: documents: foto\.jpg is an image: "),
    "a photo under another name, linked": (
        lambda c: (gps_photo(c / STORY / "pielikums.dat"),
                   append(c / STORY / "index.lv.md", "\n[Pielikums](pielikums.dat)\n")),
        rf"content/{STORY}/index\.lv\.md:\d+: pielikums\.dat is an image: "),
}


@pytest.fixture(scope="module")
def images_outside(tmp_path_factory):
    """`sitetool check` of the sample content with every image of IMAGES_OUTSIDE planted
    (each in a file or a line of its own)."""
    content = sample_copy(tmp_path_factory.mktemp("images_outside"))
    for plant, _ in IMAGES_OUTSIDE.values():
        plant(content)
    return sitetool("check", "--content", str(content), "--today", TODAY, "--no-cache")


@pytest.mark.parametrize("planted", IMAGES_OUTSIDE)
def test_an_image_outside_the_renditions_is_an_error_naming_it(images_outside, planted):
    result, expected = images_outside, IMAGES_OUTSIDE[planted][1]
    assert result.returncode == 1
    errors = result.stdout.split("Warnings")[0].split("Notices")[0]
    assert len([line for line in errors.splitlines() if re.match(expected, line)]) == 1, \
        result.stdout


# --- Symbolic links ----------------------------------------------------------------------

def _secret_folder(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "klientu-saraksts.pdf").write_bytes(b"%PDF-1.4 SECRET client list")
    gps_photo(secret / "majas.jpg")
    shutil.copy(ROOT / "content/offices/kalnaji.yml", secret)
    return secret


LINKS = {  # where the link is: what it points to (a name in the secret folder or a path)
    f"{STORY}/parole.txt": "/etc/passwd",
    f"{STORY}/dokumenti": ".",  # a folder
    f"{CONSULTATION}/noteikumu-projekts.pdf": "klientu-saraksts.pdf",  # a named document
    f"{STORY}/photos/IMG_0433.jpg": "majas.jpg",  # a gallery photo
    "offices/kalnaji.yml": "kalnaji.yml",  # a data file, in a folder no generator walks
}


def _target(link: str, secret: Path) -> Path:
    return (Path(LINKS[link]) if LINKS[link].startswith("/") else secret / LINKS[link]).resolve()


def _said_of(link: str, secret: Path) -> str:
    return (f"content/{link}:1: this is a symbolic link (to {_target(link, secret)}): links "
            "are not read or published — put the file itself here instead of a link, or "
            "remove the link")


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    """A copy of the sample content with every link of LINKS planted, its production
    build and `sitetool check`."""
    folder = tmp_path_factory.mktemp("linked")
    content, secret = sample_copy(folder), _secret_folder(folder)
    for link in LINKS:
        (content / link).unlink(missing_ok=True)
        (content / link).symlink_to(_target(link, secret))
    build = build_site(content, folder / "output", "--production", site_url=SITE_URL)
    check = sitetool("check", "--content", str(content), "--today", TODAY, "--no-cache")
    return build, check, folder


def test_symbolic_links_in_the_content_stop_the_build_and_nothing_else_is_said(linked):
    build, check, folder = linked
    assert build.returncode == 1 and check.returncode == 1
    problem_lines = [line for line in build.stderr.splitlines() if line.startswith("content/")]
    assert sorted(problem_lines) == sorted(_said_of(link, folder / "elsewhere")
                                           for link in LINKS), build.stderr
    assert not (folder / "output").exists()


@pytest.mark.parametrize("link", list(LINKS))
def test_a_symbolic_link_in_the_content_is_an_error_said_in_one_line(linked, link):
    """Each link is an error by itself: `check` lists it among the errors (what no build
    publishes), and the build says it once."""
    build, check, folder = linked
    expected = _said_of(link, folder / "elsewhere")
    assert [line for line in build.stderr.splitlines()
            if line.startswith(f"content/{link}:")] == [expected], build.stderr
    errors = check.stdout.split("Warnings")[0].split("Notices")[0]
    assert expected in errors.splitlines(), check.stdout


def test_a_symbolic_link_in_the_theme_is_an_error_too(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "parole.txt").symlink_to("/etc/passwd")
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                        f"from pelicanconf import *  # noqa\nTHEME = {str(theme)!r}\n", "utf-8")
    output = tmp_path / "output"
    result = build_site(ROOT / "content", output, "--settings", str(settings), "--strict")
    assert result.returncode == 1
    assert f"{theme}/static/parole.txt:1: this is a symbolic link (to /etc/passwd): " in \
        result.stderr
    assert not output.exists()
