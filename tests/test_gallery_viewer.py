"""The photo viewer in Debian's Chromium: open, next/previous by button, keyboard and
swipe, Esc back to the thumbnail; usable at 200% zoom; plain links without JavaScript."""

import pytest

pytestmark = pytest.mark.browser

STORY_LV = "/jaunumi/2022/socialaja-dienesta-viesojas-kolegi-no-lietuvas/"
THUMBNAILS = "a[data-gallery-photo]"
VIEWER = "dialog[data-gallery-viewer]"


def _open(page, url: str, index: int = 0):
    page.goto(url)
    page.wait_for_load_state("load")
    thumbnail = page.locator(THUMBNAILS).nth(index)
    thumbnail.scroll_into_view_if_needed()
    thumbnail.click()
    page.wait_for_selector(f"{VIEWER}[open]")
    return thumbnail


def _shown(page) -> dict:
    """What the viewer shows now: counter, image alt, caption, and the image's load."""
    page.wait_for_function(
        f"document.querySelector('{VIEWER} img')?.complete")
    return page.evaluate(f"""() => {{
        const viewer = document.querySelector('{VIEWER}');
        const image = viewer.querySelector('img');
        return {{
            counter: viewer.querySelector('[data-gallery-counter]').textContent,
            alt: image.alt,
            caption: viewer.querySelector('[data-gallery-caption]').textContent,
            loaded: image.naturalWidth > 0,
            source: image.currentSrc,
            status: viewer.querySelector('[data-gallery-status]').textContent,
        }};
    }}""")


def _thumbnail_texts(page):
    return page.evaluate(f"""() => [...document.querySelectorAll('{THUMBNAILS}')].map(link => ({{
        alt: link.querySelector('img').alt,
        caption: link.parentNode.querySelector('figcaption').textContent.trim(),
    }}))""")


def test_viewer_opens_moves_and_closes_back_to_the_thumbnail(page, served_site):
    thumbnail = _open(page, served_site.url + STORY_LV)
    expected = _thumbnail_texts(page)
    shown = _shown(page)
    assert shown["counter"] == "Fotogrāfija 1 no 4"
    assert shown["alt"] == expected[0]["alt"] and shown["caption"] == expected[0]["caption"]
    assert shown["loaded"] and shown["source"].endswith(".webp")  # WebP: no AVIF over 800 px
    assert shown["status"] == f"Fotogrāfija 1 no 4. {expected[0]['alt']}"
    assert page.evaluate(f"document.activeElement.closest('{VIEWER}') !== null")

    page.keyboard.press("ArrowRight")
    assert _shown(page)["counter"] == "Fotogrāfija 2 no 4"
    page.get_by_role("button", name="Nākamā fotogrāfija").click()
    shown = _shown(page)
    assert shown["counter"] == "Fotogrāfija 3 no 4" and shown["alt"] == expected[2]["alt"]
    page.keyboard.press("ArrowLeft")
    page.get_by_role("button", name="Iepriekšējā fotogrāfija").click()
    page.get_by_role("button", name="Iepriekšējā fotogrāfija").click()
    assert _shown(page)["counter"] == "Fotogrāfija 4 no 4", "it goes round"

    page.keyboard.press("Escape")
    page.wait_for_selector(f"{VIEWER}:not([open])", state="attached")
    assert thumbnail.evaluate("link => link === document.activeElement")


def test_close_button_returns_focus_to_the_photo_it_was_opened_from(page, served_site):
    thumbnail = _open(page, served_site.url + served_site.translation_of(STORY_LV), index=2)
    assert _shown(page)["counter"] == "Photo 3 of 4"
    page.get_by_role("button", name="Close").click()
    assert not page.locator(VIEWER).evaluate("viewer => viewer.open")
    assert thumbnail.evaluate("link => link === document.activeElement")


def test_a_sideways_swipe_turns_the_page(page, served_site):
    _open(page, served_site.url + served_site.translation_of(STORY_LV))
    frame = page.locator("[data-gallery-frame]").bounding_box()
    y = frame["y"] + frame["height"] / 2

    def swipe(from_x, to_x):
        for kind, x in (("pointerdown", from_x), ("pointerup", to_x)):
            page.dispatch_event("[data-gallery-frame]", kind,
                                {"pointerType": "touch", "clientX": x, "clientY": y,
                                 "isPrimary": True, "bubbles": True})

    swipe(frame["x"] + 300, frame["x"] + 100)  # finger moves left: the next photo
    assert _shown(page)["counter"] == "Photo 2 of 4"
    swipe(frame["x"] + 100, frame["x"] + 300)
    assert _shown(page)["counter"] == "Photo 1 of 4"
    swipe(frame["x"] + 100, frame["x"] + 120)  # a tap or a short drag changes nothing
    assert _shown(page)["counter"] == "Photo 1 of 4"


def test_viewer_fits_the_screen_at_200_percent_zoom(page, served_site):
    page.set_viewport_size({"width": 640, "height": 400})  # 1280×800 at 200%
    _open(page, served_site.url + served_site.translation_of(STORY_LV))
    _shown(page)
    for name in ("Close", "Previous photo", "Next photo"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 640, name
        assert box["y"] >= 0 and box["y"] + box["height"] <= 400, name
        assert box["height"] >= 44 and box["width"] >= 44, name
    image = page.locator(f"{VIEWER} img").bounding_box()
    assert image["width"] >= 150 and image["height"] >= 100
    assert page.evaluate(
        f"document.querySelector('{VIEWER}').scrollWidth <= window.innerWidth")


def test_without_javascript_a_thumbnail_opens_the_full_size_photo(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        served_site.url) else route.abort())
    try:
        page.goto(served_site.url + STORY_LV)
        assert page.locator(f"{VIEWER}").is_hidden()
        with page.expect_navigation() as navigation:
            page.locator(THUMBNAILS).first.click()
        response = navigation.value
        assert response.ok and response.headers["content-type"] == "image/jpeg"
        assert page.url.endswith("/birzu-kolegi-1920.jpg")
    finally:
        context.close()
