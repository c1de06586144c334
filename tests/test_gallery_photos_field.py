"""A story's own `photos:` list (plugins/gallery/fields.py): what the web editor and
`sitetool new` write — the photos shown, in order, with alt text and caption per
language. `sitetool check` reports its mistakes at their lines, as it does for any
field; the older `photos/photos.yml` keeps working for stories that have one."""

from PIL import Image

from sitetool_helpers import lines_naming, sitetool, write

STORY = "news/2024/foto-lauks"
SHOWN = f"content/{STORY}/index.lv.md"
LATVIAN = """---
title: Foto lauks
date: 2024-05-02
kind: visit
gallery: [photos/a.jpg]
photos:
  - file: photos/a.jpg
    alt: {lv: Zāle, en: The hall}
    caption: {lv: Zāle, en: The hall}
  - file: photos/b.jpg
    alt:
      lv: Ieeja
  - file: photos/nav.jpg
    alt: {lv: Nav, en: None}
---
Teksts.
"""


def test_check_reports_the_photos_lists_mistakes_at_their_lines(tmp_path):
    content = tmp_path / "content"
    write(content / STORY / "index.lv.md", LATVIAN)
    write(content / STORY / "index.en.md", "---\ntitle: Photo field\n---\nText.\n")
    (content / STORY / "photos").mkdir()
    for name in ("a.jpg", "b.jpg"):
        Image.new("RGB", (640, 480), "#2a6f97").save(content / STORY / "photos" / name)
    checked = sitetool("check", "--content", str(content), "--no-cache")
    assert sorted(lines_naming(checked, SHOWN)) == sorted([
        f"{SHOWN}:5: gallery: 'photos' already lists the story's photos — delete 'gallery' "
        "and its list (the photos shown are those of 'photos')",
        # named once, by the file that writes the list (the translation takes it)
        f"{SHOWN}:11: photos[1].alt.en: b.jpg has no alt text in this language — describe "
        "what the photo shows, for people who cannot see it",
        f"{SHOWN}:13: photos[2].file: 'photos/nav.jpg' is not a file in the story's folder "
        "— write the path from the story's folder, e.g. photos/vizite-1.jpg",
    ]), checked.stdout


def test_a_photo_described_nowhere_is_to_be_listed_in_photos(tmp_path):
    content = tmp_path / "content"
    write(content / STORY / "index.lv.md", LATVIAN.split("photos:\n")[0] + "---\nTeksts.\n")
    (content / STORY / "photos").mkdir()
    Image.new("RGB", (640, 480), "#c9a227").save(content / STORY / "photos" / "a.jpg")
    checked = sitetool("check", "--content", str(content), "--no-cache")
    assert lines_naming(checked, f"content/{STORY}/photos/a.jpg") == [
        f"content/{STORY}/photos/a.jpg:1: the photo has no alt text — list it in the "
        "story's 'photos:' as '- file: photos/a.jpg' with 'alt:' in each language (in the "
        "web editor: the story's photos)"], checked.stdout
