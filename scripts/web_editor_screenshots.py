"""The editor guides' pictures of the web editor (docs/editor-guide.lv.md, .en.md).

Debian's Chromium (Playwright) on `sitetool serve` of a copy of the sample content, in
the editor's Latvian interface at 1280 × 800: the list of a section's entries, a new
story's form, a photo with its alt text and caption, the preview pane, and the
preview's problem panel after a mistake. Each PNG is reduced to 256 colours and
optimised (the interface has few colours; photos in it stay recognisable).

    .venv/bin/python scripts/web_editor_screenshots.py   # writes docs/images/web-editor-*.png
"""

import io
import re
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]

import web_editor_steps as steps  # noqa: E402  (the tests' steps: one way to drive the form)
from sitetool_helpers import running_preview  # noqa: E402

IMAGES = ROOT / "docs" / "images"
VIEWPORT = {"width": 1280, "height": 800}
MAX_BYTES = 150_000  # each picture; the guides are read on slow connections too
SAMPLE_PHOTO = next((ROOT / "content" / "news").rglob("photos/*.jpg"))
TITLES = ("Vizīte Dobeles sociālajā dienestā", "A visit to the Dobele social service")
TEXTS = ("Kolēģi no Dobeles iepazinās ar mūsu dienas centru.",
         "Colleagues from Dobele visited our day centre.")


def save(page, name: str) -> Path:
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    target = IMAGES / f"web-editor-{name}.png"
    image.quantize(256).save(target, optimize=True)
    size = target.stat().st_size
    print(f"{target.relative_to(ROOT)}: {image.width} × {image.height}, {size // 1000} KB")
    if size > MAX_BYTES:
        raise SystemExit(f"{target.name} is over {MAX_BYTES // 1000} KB: show less of the page")
    return target


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=60_000)  # Decap's first load on a busy machine
    with tempfile.TemporaryDirectory() as folder, running_preview(Path(folder)) as (
            content, url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport=VIEWPORT)

        page.goto(f"{url}/admin/#/collections/visit")
        expect(page.get_by_text("Jauns ieraksts").first).to_be_visible()
        expect(page.locator("a[href*='/entries/']").first).to_be_visible()
        save(page, "collections")

        steps.open_new_story(page, url)
        steps.write_story(page, TITLES, "2026-11-20", TEXTS)
        page.get_by_label("Virsraksts").first.scroll_into_view_if_needed()
        save(page, "new-story")

        steps.add_photo(page, SAMPLE_PHOTO,
                        {"lv": "Astoņi cilvēki pie apaļa galda dienas centra zālē",
                         "en": "Eight people at a round table in the day centre's hall"},
                        {"lv": "Pirmā tikšanās dienas centrā",
                         "en": "The first meeting at the day centre"})
        # the photo and its texts at the top of the window, below Decap's toolbar
        page.get_by_text("Datne", exact=True).filter(visible=True).last.evaluate(
            "label => { label.scrollIntoView({block: 'start'}); window.scrollBy(0, -80); }")
        expect(page.get_by_label(re.compile("^Latviski")).filter(visible=True).nth(-2)
               ).to_be_in_viewport()
        save(page, "photo")

        page.get_by_title("Rādīt vai slēpt priekšskatījumu").click()
        expect(page.frame_locator("iframe").locator("h1")).to_have_text(TITLES[0])
        save(page, "preview")
        steps.publish(page)

        # a mistake made in the file afterwards: every preview page shows it, and how to
        # fix it, until it is fixed
        story = content / "news" / "2026" / "vizite-dobeles-socialaja-dienesta" / "index.lv.md"
        story.write_text(story.read_text("utf-8").replace("kind: visit", "kind: vizite"),
                         "utf-8")
        page.goto(f"{url}/")
        expect(page.locator("#sitetool-problems")).to_contain_text("vizite", timeout=180_000)
        save(page, "problems")
        browser.close()


if __name__ == "__main__":
    main()
