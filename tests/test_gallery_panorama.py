"""A phone's panorama (9000×1200) is published like any photo: a letterboxed thumbnail
that shows all of it, sizes for the viewer and one as high as GALLERY_PANORAMA_HEIGHT
carrying its whole length; the strict build passes, and the viewer on a phone shows the
whole picture. What Pillow cannot decode safely is still refused (test_gallery_build)."""

import socket

import pytest
from PIL import Image

from site_helpers import BuiltSite, build_site, serve_folder
from test_gallery_build import (
    LV_PAGE,
    RENDITIONS,
    WIDTHS,
    settings_file,
    sidecar,
    upright_marker,
    write_story,
)

PANORAMA_HEIGHT = 300  # the test's GALLERY_PANORAMA_HEIGHT: 9000×1200 gives 2250×300


@pytest.fixture(scope="module")
def panorama_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("panorama")
    story = write_story(folder / "content")
    upright_marker(9000, 1200).save(story / "photos" / "panorama.jpg", "JPEG", quality=60)
    upright_marker(480, 360).save(story / "photos" / "zale.jpg", "JPEG")
    sidecar(story, ("panorama.jpg", "Ezers no krasta", "The lake from the shore"),
            ("zale.jpg", "Zāle", "Hall"))
    with socket.socket() as probe:  # the address it is built for, to be served at
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    result = build_site(folder / "content", folder / "output", "--strict", "--settings",
                        str(settings_file(folder, GALLERY_PANORAMA_HEIGHT=PANORAMA_HEIGHT)),
                        site_url=url)
    assert result.returncode == 0, result.stderr
    return BuiltSite(folder / "output", url)


def test_a_panorama_is_published_with_a_size_for_its_whole_length(panorama_site):
    folder = panorama_site.root / RENDITIONS
    sizes = {path.name: Image.open(path).size for path in folder.glob("panorama-*.jpg")}
    assert sizes == {f"panorama-{width}.jpg": (width, round(width * 1200 / 9000))
                     for width in [*WIDTHS, 2250]}
    assert sizes["panorama-2250.jpg"] == (2250, PANORAMA_HEIGHT)
    # a photo of ordinary shape gets no such size
    assert sorted(path.name for path in folder.glob("zale-*.jpg")) == [
        f"zale-{width}.jpg" for width in sorted(WIDTHS, key=str)]
    tree = panorama_site.tree(LV_PAGE)
    [link] = tree.xpath('//a[@data-gallery-photo][.//img[@alt="Ezers no krasta"]]')
    assert link.get("href").endswith("/panorama-2250.jpg")  # without JavaScript
    assert link.xpath(".//img/@class") == ["gallery__image gallery__image--panorama"]
    assert tree.xpath('//img[@alt="Zāle"]/@class') == ["gallery__image"]


@pytest.mark.browser
def test_the_viewer_shows_the_whole_panorama_on_a_phone(panorama_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        with serve_folder(panorama_site.root, int(panorama_site.url.rpartition(":")[2])):
            page.goto(f"{panorama_site.url}/{LV_PAGE}")
            thumbnail = page.locator('img[alt="Ezers no krasta"]')
            # measured once its pixels are there: a lazy image not yet loaded has no
            # natural size (seen in CI: the ratio came out NaN)
            thumbnail.scroll_into_view_if_needed()
            page.wait_for_function("image => image.complete && image.naturalWidth > 0",
                                   arg=thumbnail.element_handle())
            box = thumbnail.evaluate("""image => {
                const ratio = image.naturalWidth / image.naturalHeight;
                const box = image.getBoundingClientRect();
                // object-fit: contain draws it at the box's width, letterboxed
                return {fit: getComputedStyle(image).objectFit, drawn: box.width / ratio,
                        height: box.height};
            }""")
            assert box["fit"] == "contain" and box["drawn"] <= box["height"]
            thumbnail.click()
            page.wait_for_function(
                "document.querySelector('dialog[data-gallery-viewer] img')?.complete")
            shown = page.evaluate("""() => {
                const image = document.querySelector('dialog[data-gallery-viewer] img');
                const box = image.getBoundingClientRect();
                return {ratio: image.naturalWidth / image.naturalHeight, left: box.left,
                        right: box.right, top: box.top, bottom: box.bottom,
                        width: box.width, height: box.height};
            }""")
    finally:
        context.close()
    assert shown["ratio"] == pytest.approx(7.5, rel=0.03)  # heights are rounded
    assert shown["left"] >= 0 and shown["right"] <= 390  # the whole length on the screen
    assert shown["top"] >= 0 and shown["bottom"] <= 844
    assert shown["width"] / shown["height"] == pytest.approx(7.5, rel=0.03)  # not cropped
    assert shown["width"] > 300
