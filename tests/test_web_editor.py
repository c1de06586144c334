"""The web editor (Decap CMS at /admin/ of `sitetool serve`, docs/web-editor.md): its form
follows the content schema, and an editor's story written in the browser lands in
content/ as the files `sitetool check` and the site expect."""

import re
import urllib.request
from pathlib import Path

import pytest
import yaml
from PIL import Image
from playwright.sync_api import expect

import web_editor_steps as steps
from content_schema import schema, slugify_title
from site_helpers import build_site, troubles_of
from sitetool.cms_config import (
    BODY,
    PHOTO_FIELDS,
    REFERENCES,
    TRANSLATIONS_ONLY,
    cms_config,
    labels,
)
from sitetool.i18n import Messages, choose_lang
from sitetool.pipeline import load_settings
from sitetool.web_editor import LOCAL_BACKEND, WebEditorMissing, assemble
from sitetool_helpers import ROOT, running_preview, sitetool, story, write

SETTINGS = load_settings(ROOT / "pelicanconf.py", {})
SCHEMA = schema(SETTINGS)  # the core's fields and those the loaded plugins declare
# What each type of the schema is in the form (independent of cms_config's own mapping,
# so a new type or a changed mapping fails here).
WIDGETS = {"text": "string", "url": "string", "number": "number", "bool": "boolean",
           "date": "datetime", "choice": "select", "list": "list", "hours": "list",
           "record": "object", "records": "list", "slug": "string", "email": "string",
           "phone": "string"}


# --- The form and the schema ----------------------------------------------------------

def _schema_of(collection: dict) -> dict:
    name = collection["name"]
    if name in SETTINGS["NEWS_KINDS"]:
        return SCHEMA.fields("news", name)
    return SCHEMA.fields(name)


def _expected_widget(path: str, field, collection: str) -> str:
    """`path`: the field's, within its record's (`photos.file`)."""
    if path == "kind" and collection in SETTINGS["NEWS_KINDS"]:
        return "hidden"  # each kind is its own collection
    if path in PHOTO_FIELDS:
        return "image"
    if path in SETTINGS["PUBLISHED_FILE_FIELDS"]:
        return "file"
    if field.type == "list" and (field.choices or path in REFERENCES):
        return "select"
    return WIDGETS[field.type]


def _compare(fields: dict, widgets: list[dict], collection: str, where: str,
             translated: bool) -> list[str]:
    """Every difference between schema fields and form fields, said in words."""
    drift = []
    by_name = {w["name"]: w for w in widgets}
    for name, field in fields.items():
        widget = by_name.get(name)
        path = f"{where}.{name}".partition(".")[2]
        if field.replaced_by:  # asked as the field that replaces it (gallery: as photos:)
            if widget is not None or field.replaced_by not in by_name:
                drift.append(f"{where}.{name}: should be asked as {field.replaced_by}")
            continue
        if widget is None:
            drift.append(f"{where}.{name}: in the schema, not in the form")
            continue
        expected = _expected_widget(path, field, collection)
        if widget["widget"] != expected:
            drift.append(f"{where}.{name}: widget {widget['widget']}, expected {expected}")
        if widget["required"] != field.required:
            drift.append(f"{where}.{name}: required {widget['required']}, schema "
                         f"{field.required}")
        if translated and widget["i18n"] != (not field.inherit):
            drift.append(f"{where}.{name}: asked in every language is {widget['i18n']}, "
                         f"but the translation inherits it: {field.inherit}")
        if translated and field.type == "slug" and name not in TRANSLATIONS_ONLY:
            drift.append(f"{where}.{name}: a translation's address, asked in the default "
                         "language's pane too")
        if widget["widget"] == "select" and isinstance(field.choices, str):
            values = [option["value"] for option in widget["options"]]
            if values != list(SETTINGS[field.choices]):
                drift.append(f"{where}.{name}: choices {values}, settings "
                             f"{list(SETTINGS[field.choices])}")
        if field.fields:
            drift += _compare(field.fields, widget["fields"], collection, f"{where}.{name}",
                              translated=False)
    drift += [f"{where}.{name}: in the form, not in the schema"
              for name in by_name.keys() - fields.keys() - {BODY}]
    return drift


@pytest.mark.parametrize("lang", SETTINGS["WEB_EDITOR_LANGUAGES"])
def test_the_editors_form_is_the_content_schema(lang):
    config = cms_config(SETTINGS, lang, LOCAL_BACKEND)
    collections = {c["name"]: c for c in config["collections"]}
    assert set(collections) == {*SETTINGS["NEWS_KINDS"], "services", "pages", "offices",
                                "notices"}
    drift = []
    for name, collection in collections.items():
        drift += _compare(_schema_of(collection), collection["fields"], name, name,
                          translated=collection.get("i18n", False))
    assert not drift, "\n".join(drift)
    # choices from what exists: the services and offices of content/
    visit = {w["name"]: w for w in collections["visit"]["fields"]}
    assert {o["value"] for o in visit["services"]["options"]} == {
        p.name for p in (ROOT / "content" / "services").iterdir() if p.is_dir()}
    service = {w["name"]: w for w in collections["services"]["fields"]}
    assert {o["value"] for o in service["offices"]["options"]} == {
        p.stem for p in (ROOT / "content" / "offices").glob("*.yml")}
    assert visit["date"]["date_format"] == "DD.MM.YYYY"
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["lv", "en"],
                              "default_locale": "lv"}


def test_a_translations_address_is_asked_in_the_translations_pane_only():
    """Decap cannot leave a field out of the default language's pane: the editor's
    stylesheet hides it there, by the field's name, and its hint says what it is and
    what changing it does (the browser test sees it in the English pane only)."""
    stylesheet = (ROOT / "sitetool" / "admin" / "editor.css").read_text("utf-8")
    for name in TRANSLATIONS_ONLY:
        assert f'label[for^="{name}-field-"]' in stylesheet
        hint = labels()[f"hint.{name}"]
        assert "angļu" in hint["lv"] and "saites" in hint["lv"]
        assert "English" in hint["en"] and "links" in hint["en"]


@pytest.mark.parametrize(("collection", "fields"), [
    ("visit", SCHEMA.sections["news"]),  # the core's
    ("consultation", SCHEMA.kinds["consultation"]),  # declared by plugins/consultations
])
def test_a_schema_field_the_form_lacks_is_drift(monkeypatch, collection, fields):
    """The comparison itself: a field added to the schema after the form was made."""
    config = cms_config(SETTINGS, "lv", LOCAL_BACKEND)
    made = next(c for c in config["collections"] if c["name"] == collection)
    monkeypatch.setitem(fields, "mood", SCHEMA.sections["news"]["author"])
    assert _compare(_schema_of(made), made["fields"], collection, collection, True) == [
        f"{collection}.mood: in the schema, not in the form"]


def test_the_editors_files_are_written_for_each_language(tmp_path):
    try:
        admin = assemble(SETTINGS, tmp_path / "admin", LOCAL_BACKEND)
    except WebEditorMissing as error:
        pytest.fail(str(error))
    latvian = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    english = yaml.safe_load((admin / "config.en.yml").read_text("utf-8"))
    assert (latvian["locale"], english["locale"]) == ("lv", "en")
    assert latvian["collections"][0]["label"] == "Pieredzes vizītes"
    assert english["collections"][0]["label"] == "Visits"
    assert (admin / "decap" / "decap-cms.js").is_file()
    assert not list(admin.rglob("*.map"))


GITLAB = {"name": "gitlab", "repo": "novads/socialais-dienests", "auth_type": "pkce",
          "base_url": "https://git.novads.lv", "api_root": "https://git.novads.lv/api/v4",
          "app_id": "example", "branch": "main"}


def test_a_published_site_has_the_editor_only_with_a_git_backend(site, tmp_path):
    assert not (site.root / "admin").exists()  # the default: no Git backend, no /admin/
    settings = write(tmp_path / "witheditor.py", (
        f"import sys\nsys.path.append({str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"WEB_EDITOR_BACKEND = {GITLAB!r}\nWEB_EDITOR_EDITORIAL_WORKFLOW = True\n"))
    output = tmp_path / "output"
    content = tmp_path / "content"  # any content: the editor's files come with the settings
    story(content, "2024/zina", "Ziņa")
    built = build_site(content, output, "--settings", str(settings))
    assert built.returncode == 0, built.stdout + built.stderr
    config = yaml.safe_load((output / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"] == GITLAB
    assert config["publish_mode"] == "editorial_workflow"
    assert (output / "admin" / "index.html").is_file()
    assert (output / "admin" / "decap" / "decap-cms.js").is_file()


# --- In the browser ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """`sitetool serve` on a copy of the sample content, with the web editor: one for the
    module (its start is a full build), each test writing a story or service of its own."""
    with running_preview(tmp_path_factory.mktemp("editor")) as started:
        yield started


@pytest.fixture
def admin_page(browser, editor):
    """A page of the editor; requests to other hosts, refused ones and console errors
    are collected and fail the test."""
    _, url, _ = editor
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    troubles: list[str] = []

    def guard(route):
        if route.request.url.startswith((url + "/", "blob:", "data:")):
            route.continue_()
        else:
            troubles.append(f"other host: {route.request.url}")
            route.abort()

    page.route("**/*", guard)
    # The tests follow the preview's rebuilds themselves (_wait_for_page); its reload
    # script would reload a page while a test opens another.
    page.route("**/_sitetool/reload.js", lambda route: route.fulfill(
        content_type="text/javascript", body=""))
    page.on("console", lambda m: troubles.append(f"console: {m.text}")
            if m.type == "error" else None)
    page.on("response", lambda r: troubles.append(f"{r.status}: {r.url}")
            if r.status >= 400 else None)
    yield page, url, troubles
    context.close()


def _next_event(events) -> str:
    """The next event the preview sends its tabs (a build's reload or problems, or the
    ping it sends every 15 s)."""
    name = ""
    for line in events:
        if line.startswith(b"event: "):
            name = line[7:].decode().strip()
        elif line == b"\n" and name:
            return name
    raise AssertionError("the preview closed its events")


def _wait_for_page(page, url: str, text: str) -> None:
    """Until the preview, rebuilt after the save, shows `text` at `url`. The preview's
    events are followed from before the page is loaded, so a build that ends after the
    page was read is always heard of."""
    origin = re.match(r"https?://[^/]+", url)[0]
    with urllib.request.urlopen(f"{origin}/_sitetool/events", timeout=60) as events:
        _next_event(events)  # connected: the problems that stand, if any
        for _ in range(40):
            # asked first outside the page: a page not built yet is no trouble of the page
            if page.request.get(url).ok:
                page.goto(url)
                if text in page.locator("main").text_content():
                    return
            _next_event(events)
    pytest.fail(f"{url} does not show {text!r}")


def _photo(path: Path, colour: str) -> Path:
    Image.new("RGB", (1200, 800), colour).save(path, quality=85)
    return path


PHOTOS = [  # file, colour, alt text and caption in Latvian and English
    ("zale-1.jpg", "#2a6f97", {"lv": "Dienas centra zāle ar apaļu galdu",
                               "en": "The hall of the day centre with a round table"},
     {"lv": "Dienas centra zāle", "en": "The hall of the day centre"}),
    ("zale-2.jpg", "#c9a227", {"lv": "Kolēģi no Dobeles pie ieejas",
                               "en": "Colleagues from Dobele at the entrance"},
     {"lv": "Pie ieejas", "en": "At the entrance"}),
]


@pytest.mark.browser
def test_an_editor_writes_a_bilingual_story_with_photos_and_a_document(admin_page, editor,
                                                                       tmp_path):
    """A visit story written in the form, with two photos described in both languages
    and a programme (PDF) linked from the text: the files on disk pass `sitetool check`
    and both languages' pages show the gallery with those alt texts."""
    page, url, troubles = admin_page
    content = editor[0]
    title, english = "Vizīte Dobeles sociālajā dienestā", "A visit to the Dobele social service"
    steps.open_new_story(page, url)
    expect(page.get_by_text("Rakstāt valodā: LV")).to_be_visible()  # Latvian interface
    # the English page's address: in the English pane, not in the Latvian one
    expect(page.get_by_label("Angļu lapas adrese").filter(visible=True)).to_have_count(1)
    expect(page.locator(".Pane2").get_by_label("Angļu lapas adrese")).to_be_visible()
    steps.write_story(page, (title, english), "2026-11-20",
                      ("Kolēģi no Dobeles iepazinās ar mūsu dienas centru.",
                       "Colleagues from Dobele visited our day centre."))
    for name, colour, alt, caption in PHOTOS:
        steps.add_photo(page, _photo(tmp_path / name, colour), alt, caption)
    programme = tmp_path / "programma.pdf"
    programme.write_bytes(b"%PDF-1.4\n% the visit's programme\n%%EOF\n")
    steps.add_document(page, programme, "Vizītes programma")
    page.get_by_title("Rādīt vai slēpt priekšskatījumu").click()  # the preview pane
    preview = page.frame_locator("iframe")
    expect(preview.locator("h1")).to_have_text(title)
    site_css = re.search(r'href="[^"]*(/theme/site\.[0-9a-f]+\.css)"',
                         page.request.get(f"{url}/").text())[1]
    expect(preview.locator(f'link[rel="stylesheet"][href$="{site_css}"]')).to_have_count(1)
    steps.publish(page)

    folder = content / "news" / "2026" / slugify_title(title)  # as `sitetool new` names it
    latvian = (folder / "index.lv.md").read_text("utf-8")
    translation = (folder / "index.en.md").read_text("utf-8")
    assert f"title: {title}\ndate: 20.11.2026\nkind: visit\n" in latvian
    assert "Kolēģi no Dobeles iepazinās ar mūsu dienas centru." in latvian
    # the translation has its own words; date, kind and photos come from the Latvian file
    assert translation.startswith(f"---\ntitle: {english}\n---\n")
    assert "Colleagues from Dobele visited our day centre." in translation
    # the photos in photos/, described in the story's `photos:` (the gallery's entries)
    assert _front_matter(folder / "index.lv.md")["photos"] == [
        {"file": f"photos/{name}", "alt": alt, "caption": caption}
        for name, _, alt, caption in PHOTOS]
    for name, *_ in PHOTOS:
        assert (folder / "photos" / name).read_bytes() == (tmp_path / name).read_bytes()
    # the document beside index.lv.md, linked from the text
    assert (folder / "programma.pdf").read_bytes() == programme.read_bytes()
    assert "[Vizītes programma](programma.pdf)" in latvian

    checked = sitetool("check", "--content", str(content))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"{folder.name}/" not in checked.stdout, checked.stdout  # not even a warning

    latvian_page = f"{url}/jaunumi/2026/{folder.name}/"
    _wait_for_page(page, latvian_page, title)
    english_page = url + page.locator('link[rel="alternate"][hreflang="en"]').get_attribute(
        "href").removeprefix(url)  # its address, whatever makes it
    for address, lang, heading in ((latvian_page, "lv", title), (english_page, "en", english)):
        _wait_for_page(page, address, heading)
        gallery = page.locator("main img[alt]")
        assert [gallery.nth(i).get_attribute("alt") for i in range(gallery.count())] == [
            alt[lang] for _, _, alt, _ in PHOTOS]
        for _, _, _, caption in PHOTOS:
            expect(page.locator("main").get_by_text(caption[lang], exact=True)).to_be_visible()
    page.goto(latvian_page)
    document = page.get_by_role("link", name="Vizītes programma")
    assert page.request.get(document.evaluate("link => link.href")).body() == (
        programme.read_bytes())  # published, where the link points
    assert not troubles, "\n".join(troubles)


@pytest.mark.browser
def test_the_preview_shows_what_check_says_about_a_saved_story(admin_page, editor, browser,
                                                               tmp_path):
    """A story saved with a photo described in Latvian only: the preview's problem
    panel, in the tab beside the editor, shows `check`'s line for it (file:line, in the
    preview's language) without the page failing; described in English too and saved
    again, the panel is gone. The panel works under the site's headers: no inline style
    or script refused."""
    page, url, troubles = admin_page
    content = editor[0]
    title = "Tikšanās ar brīvprātīgajiem"
    name, colour, alt, caption = PHOTOS[0]
    context = browser.new_context()
    preview_troubles = troubles_of(context, url)
    preview = context.new_page()
    preview.goto(f"{url}/")
    preview.locator("html[data-sitetool-preview=connected]").wait_for(state="attached")
    steps.open_new_story(page, url)
    steps.write_story(page, (title, "A meeting with volunteers"), "2026-11-21",
                      ("Tikāmies ar brīvprātīgajiem.", "We met the volunteers."))
    steps.add_photo(page, _photo(tmp_path / name, colour), {"lv": alt["lv"]}, caption)
    steps.publish(page)

    source = content / "news" / "2026" / slugify_title(title) / "index.lv.md"
    checked = sitetool("check", "--content", str(content))
    [said] = [line for line in checked.stdout.splitlines()
              if line.startswith(f"content/news/2026/{source.parent.name}/")]
    assert re.match(r"content/\S+/index\.lv\.md:\d+: photos\[0\]\.alt\.en: ", said), said
    lang = choose_lang()  # the preview's, as the editor's terminal's
    line = said.split(": ", 1)[0]  # file:line
    panel = preview.locator("#sitetool-problems")
    expect(panel.locator("li").filter(has_text=line)).to_have_count(1, timeout=60_000)
    expect(panel).to_have_attribute("role", "status")  # the page built: said politely
    expect(panel.get_by_role("heading")).to_have_text(
        Messages(lang)._("Warnings (the published site's build refuses these too):"))
    if lang == "en":
        expect(panel.locator("li").filter(has_text=line)).to_have_text(said)
    assert preview.eval_on_selector("#sitetool-problems",
                                    "e => getComputedStyle(e).position") == "fixed"
    preview.goto(f"{url}/jaunumi/2026/{source.parent.name}/")  # on every page
    expect(preview.locator("main h1")).to_have_text(title)  # the page is there
    expect(panel.locator("li").filter(has_text=line)).to_have_count(1)
    hide = panel.get_by_role("button")
    hide.focus()  # reachable from the keyboard, and Enter hides it
    preview.keyboard.press("Enter")
    expect(panel).to_have_count(0)
    preview.reload()  # hidden stays hidden while the problems are the same
    preview.locator("html[data-sitetool-problems='1']").wait_for(state="attached")
    expect(panel).to_have_count(0)

    steps.describe_last_photo(page, "en", alt["en"])
    steps.publish(page)
    preview.locator("html[data-sitetool-problems='0']").wait_for(state="attached",
                                                                 timeout=60_000)
    expect(panel).to_have_count(0)
    rechecked = sitetool("check", "--content", str(content))
    assert f"{source.parent.name}/" not in rechecked.stdout, rechecked.stdout
    context.close()
    assert not troubles, "\n".join(troubles)
    assert not preview_troubles, "\n".join(preview_troubles)


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


@pytest.mark.browser
def test_an_editor_changes_a_services_cost(admin_page, editor):
    """Decap writes the front matter in its own layout; every value but the cost stays."""
    page, url, troubles = admin_page
    folder = editor[0] / "services" / "sociala-virtuve"
    before = {lang: _front_matter(folder / f"index.{lang}.md") for lang in ("lv", "en")}
    page.goto(f"{url}/admin/?lang=en#/collections/services/entries/sociala-virtuve/index")
    page.get_by_text("Writing in LV").wait_for()  # the English interface
    page.goto(f"{url}/admin/#/collections/services/entries/sociala-virtuve/index")
    cost = page.get_by_label("Maksa").first
    cost.wait_for()
    cost.fill("2,50 EUR par pusdienām")
    steps.publish(page)
    assert _front_matter(folder / "index.lv.md") == {**before["lv"],
                                                      "cost": "2,50 EUR par pusdienām"}
    assert _front_matter(folder / "index.en.md") == before["en"]
    _wait_for_page(page, f"{url}/pakalpojumi/sociala-virtuve/", "2,50 EUR par pusdienām")
    assert not troubles, "\n".join(troubles)
    # the preview said where the editor is, after the site's address
    printed = "".join(editor[2])
    assert printed.index(f"{url}/admin/ ") > printed.index(f"{url}/ ")


@pytest.mark.parametrize(("lang", "words"), [("lv", "Tīmekļa redaktors nav uzstādīts"),
                                             ("en", "The web editor is not installed")])
def test_the_editor_not_installed_is_said_in_the_clis_language(lang, words):
    said = WebEditorMissing("decap-cms").says(Messages(lang))
    assert said.startswith(words) and "decap-cms" in said and "make test-tools" in said
