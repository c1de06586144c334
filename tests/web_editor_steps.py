"""What an editor does in the web editor's forms (Decap CMS, Latvian interface), step by
step, waiting on what the page shows: used by tests/test_web_editor.py and by
scripts/web_editor_screenshots.py (the editor guides' pictures)."""

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect


def open_new_story(page: Page, url: str, collection: str = "visit") -> None:
    page.goto(f"{url}/admin/#/collections/{collection}/new")
    page.get_by_label("Virsraksts").first.wait_for()


def write_story(page: Page, titles: tuple[str, str], day: str,
                texts: tuple[str, str]) -> None:
    """Both titles, the date (`YYYY-MM-DD`, as the browser's date field takes it) and
    the text in both languages."""
    fields = page.get_by_label("Virsraksts")
    for index, title in enumerate(titles):
        fields.nth(index).fill(title)
    page.get_by_label("Datums").first.fill(day)
    editors = page.locator("[data-slate-editor]")
    for index, text in enumerate(texts):
        editors.nth(index).click()
        expect(editors.nth(index)).to_be_focused()
        # put in at once, as a paste or a phone's keyboard's suggestion does: typed key by
        # key, each key re-rendered the form (Chromium's pages: 29 -> 24 CPU s a run)
        page.keyboard.insert_text(text)
        expect(editors.nth(index)).to_contain_text(text)


def upload(page: Page, choose: str, file: Path) -> None:
    """The media library opened by the button `choose`: upload `file` and use it."""
    page.get_by_role("button", name=choose).last.click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Augšupielādēt").click()
    chooser.value.set_files(file)
    # the upload is done when the library shows the file, selected
    page.get_by_role("button", name="Izmantot izvēlēto").click()
    expect(page.get_by_role("button", name="Izmantot izvēlēto")).to_have_count(0)


def add_photo(page: Page, photo: Path, alt: dict[str, str], caption: dict[str, str]) -> None:
    """A photo of the story's `photos:` list, with its alt text and caption in Latvian
    and English (the new entry's fields are the last of their labels; a language
    missing from `alt` is left empty)."""
    page.get_by_role("button", name="Pievienot: fotogrāfijas").click()
    upload(page, "Izvēlēties attēlu", photo)
    for lang in ("lv", "en"):
        if lang in alt:
            describe_last_photo(page, lang, alt[lang])
        last_photo_fields(page, lang).last.fill(caption[lang])


def last_photo_fields(page: Page, lang: str):
    """The alt text and caption fields in `lang` of the photos, the last photo's last."""
    label = {"lv": "Latviski", "en": "Angliski"}[lang]
    # the Latvian pane's (the English pane holds hidden copies of its fields)
    return page.get_by_label(re.compile(f"^{label}")).filter(visible=True)


def describe_last_photo(page: Page, lang: str, alt: str) -> None:
    """The last photo's alt text in `lang`; a saved story shows its photos folded:
    unfolded first."""
    bar = page.locator("*:has(> [data-testid=expand-button])",
                       has_text=re.compile(r"^\d+ fotogrāfijas$")).filter(visible=True).first
    toggle = bar.locator("> [data-testid=expand-button]")
    if toggle.get_attribute("aria-label") == "Izvērst":
        toggle.click()
        expect(toggle).to_have_attribute("aria-label", "Sakļaut")
    last_photo_fields(page, lang).nth(-2).fill(alt)


def add_document(page: Page, document: Path, title: str) -> None:
    """A document linked at the end of the Latvian text (the text's "Dokuments"
    element: the file is uploaded beside index.lv.md)."""
    text = page.locator("[data-slate-editor]").first
    text.click()
    expect(text).to_be_focused()
    page.keyboard.press("Control+End")
    # the toolbar's "+" menu (its wrapper is the menu button), open before it is used
    menu = page.locator('[aria-haspopup="true"]',
                        has=page.get_by_title("Pievienot elementu")).first
    open_menu(menu)
    page.get_by_role("menuitem", name="Dokuments").click()
    page.get_by_label("Saites teksts (dokumenta nosaukums)").fill(title)
    upload(page, "Izvēlēties datni", document)
    expect(page.get_by_text(document.name).first).to_be_visible()


def open_menu(menu: Locator, attempts: int = 3) -> None:
    """Click a menu button until it says it is open: under load, Decap's toolbar can
    take the first click while it is still settling after the text got focus (the menu
    then stays closed: seen in CI), so a click that opened nothing is made again."""
    for attempt in range(attempts):
        menu.click()
        try:
            expect(menu).to_have_attribute("aria-expanded", "true", timeout=4000)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise


def publish(page: Page) -> None:
    saved = page.get_by_text(re.compile("^Ieraksts (saglabāts|publicēts)$"))
    # the last save's notice may still be showing (Decap closes it after a few seconds):
    # gone first, so the one waited for is this save's
    expect(saved).to_have_count(0, timeout=20_000)
    page.get_by_role("button", name="Publicēt").click()
    page.get_by_text("Publicēt tūlīt").click()
    saved.wait_for()
