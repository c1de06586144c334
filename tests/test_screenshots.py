"""Screenshots of every page type in both languages on a phone (390 px) and a desktop
(1280 px), saved in test-artifacts/screenshots/ for a person to review the look."""

import shutil
import struct

import pytest

from page_types import type_and_lang_params, urls_to_check
from site_helpers import ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])  # the IHDR chunk: width, height


@pytest.fixture(scope="module")
def screenshots():
    """The folder, emptied first, so no picture of a page type that is gone is left."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_screenshot_of_each_page_type(reused_page, served_site, screenshots, page_type, lang,
                                      width):
    page, url = reused_page, urls_to_check(served_site, page_type, lang)[0]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    # Photos below the fold load lazily: load them all so the picture shows the whole page.
    page.evaluate("""() => Promise.all([...document.images].map(image => {
        image.loading = 'eager';
        return image.complete ? null
          : new Promise(done => { image.onload = image.onerror = done; });
    }))""")
    target = screenshots / f"{page_type}-{lang}-{width}.png"
    target.write_bytes(page.screenshot(full_page=True, animations="disabled"))
    # A full-page screenshot is as wide as the page: wider would mean sideways scrolling.
    shot_width, shot_height = _png_size(target.read_bytes())
    assert shot_width == width and shot_height >= 400, (url, shot_width, shot_height)
