"""The web editor (Decap CMS at /admin/ of `sitetool serve`, docs/web-editor.md): its form
follows the content schema, and an editor's story written in the browser lands in
content/ as the files `sitetool check` and the site expect."""

import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from content_schema import schema, slugify_title
from site_helpers import build_site
from sitetool.cms_config import BODY, PHOTO_FIELDS, REFERENCES, cms_config
from sitetool.pipeline import load_settings
from sitetool.web_editor import LOCAL_BACKEND, WebEditorMissing, assemble
from sitetool_helpers import ROOT, running_preview, sitetool, write

SETTINGS = load_settings(ROOT / "pelicanconf.py", {})
SCHEMA = schema(SETTINGS)  # the core's fields and those the loaded plugins declare
# What each type of the schema is in the form (independent of cms_config's own mapping,
# so a new type or a changed mapping fails here).
WIDGETS = {"text": "string", "url": "string", "number": "number", "bool": "boolean",
           "date": "datetime", "choice": "select", "list": "list", "hours": "list",
           "record": "object", "records": "list"}


# --- The form and the schema ----------------------------------------------------------

def _schema_of(collection: dict) -> dict:
    name = collection["name"]
    if name in SETTINGS["NEWS_KINDS"]:
        return SCHEMA.fields("news", name)
    return SCHEMA.fields(name)


def _expected_widget(name: str, field, collection: str) -> str:
    if name == "kind" and collection in SETTINGS["NEWS_KINDS"]:
        return "hidden"  # each kind is its own collection
    if name in PHOTO_FIELDS:
        return "image" if field.type == "text" else "list"
    if field.type == "list" and (field.choices or name in REFERENCES):
        return "select"
    return WIDGETS[field.type]


def _compare(fields: dict, widgets: list[dict], collection: str, where: str,
             translated: bool) -> list[str]:
    """Every difference between schema fields and form fields, said in words."""
    drift = []
    by_name = {w["name"]: w for w in widgets}
    for name, field in fields.items():
        widget = by_name.get(name)
        if widget is None:
            drift.append(f"{where}.{name}: in the schema, not in the form")
            continue
        expected = _expected_widget(name, field, collection)
        if widget["widget"] != expected:
            drift.append(f"{where}.{name}: widget {widget['widget']}, expected {expected}")
        if widget["required"] != field.required:
            drift.append(f"{where}.{name}: required {widget['required']}, schema "
                         f"{field.required}")
        if translated and widget["i18n"] != (not field.inherit):
            drift.append(f"{where}.{name}: asked in every language is {widget['i18n']}, "
                         f"but the translation inherits it: {field.inherit}")
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
    built = build_site(ROOT / "content", output, "--settings", str(settings))
    assert built.returncode == 0, built.stdout + built.stderr
    config = yaml.safe_load((output / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"] == GITLAB
    assert config["publish_mode"] == "editorial_workflow"
    assert (output / "admin" / "index.html").is_file()
    assert (output / "admin" / "decap" / "decap-cms.js").is_file()


# --- In the browser ---------------------------------------------------------------------

@pytest.fixture
def editor(tmp_path):
    """`sitetool serve` on a copy of the sample content, with the web editor."""
    with running_preview(tmp_path) as started:
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
    page.on("console", lambda m: troubles.append(f"console: {m.text}")
            if m.type == "error" else None)
    page.on("response", lambda r: troubles.append(f"{r.status}: {r.url}")
            if r.status >= 400 else None)
    yield page, url, troubles
    context.close()


def _publish(page) -> None:
    page.get_by_role("button", name="Publicēt").click()
    page.get_by_text("Publicēt tūlīt").click()
    page.get_by_text(re.compile("^Ieraksts (saglabāts|publicēts)$")).wait_for()


def _wait_for_page(page, url: str, text: str) -> None:
    """Until the preview, rebuilt after the save, shows `text` at `url`."""
    for _ in range(120):
        page.goto(url)
        if text in page.locator("body").text_content():
            return
        page.wait_for_timeout(1000)
    pytest.fail(f"{url} does not show {text!r}")


@pytest.mark.browser
def test_an_editor_writes_a_bilingual_story_in_the_browser(admin_page, editor):
    page, url, troubles = admin_page
    content = editor[0]
    title, english = "Vizīte Dobeles sociālajā dienestā", "A visit to the Dobele social service"
    page.goto(f"{url}/admin/#/collections/visit/new")
    titles = page.get_by_label("Virsraksts")
    titles.first.wait_for()
    assert page.get_by_text("Rakstāt valodā: LV").is_visible()  # Latvian interface
    titles.nth(0).fill(title)
    titles.nth(1).fill(english)
    page.get_by_label("Datums").first.fill("2026-11-20")  # the browser's date field
    texts = page.locator("[data-slate-editor]")
    texts.nth(0).click()
    page.keyboard.type("Kolēģi no Dobeles iepazinās ar mūsu dienas centru.")
    texts.nth(1).click()
    page.keyboard.type("Colleagues from Dobele visited our day centre.")
    page.get_by_title("Rādīt vai slēpt priekšskatījumu").click()  # the preview pane
    preview = page.frame_locator("iframe").locator("h1")
    assert preview.text_content() == title
    site_css = re.search(r'href="[^"]*(/theme/site\.[0-9a-f]+\.css)"',
                         page.request.get(f"{url}/").text())[1]
    assert page.frame_locator("iframe").locator(
        f'link[rel="stylesheet"][href$="{site_css}"]').count() == 1  # the site's CSS
    _publish(page)

    folder = content / "news" / "2026" / slugify_title(title)  # as `sitetool new` names it
    latvian = (folder / "index.lv.md").read_text("utf-8")
    translation = (folder / "index.en.md").read_text("utf-8")
    assert f"title: {title}\ndate: 20.11.2026\nkind: visit\n" in latvian
    assert "Kolēģi no Dobeles iepazinās ar mūsu dienas centru." in latvian
    # the translation has its own words; date and kind come from the Latvian file
    assert translation.startswith(f"---\ntitle: {english}\n---\n")
    assert "Colleagues from Dobele visited our day centre." in translation

    checked = sitetool("check", "--content", str(content))
    assert checked.returncode == 0, checked.stdout + checked.stderr

    _wait_for_page(page, f"{url}/jaunumi/2026/{folder.name}/", title)
    _wait_for_page(page, f"{url}/en/news/2026/{folder.name}/", english)
    assert not troubles, "\n".join(troubles)


@pytest.mark.browser
def test_photos_are_uploaded_into_the_storys_photos_folder(admin_page, editor, tmp_path):
    """Decap writes the photos and the `gallery:` list; the alt texts and captions of
    photos/photos.yml it cannot write (docs/web-editor.md), and check says so."""
    page, url, troubles = admin_page
    content = editor[0]
    photos = []
    for number, colour in enumerate(("#2a6f97", "#c9a227"), 1):
        photo = tmp_path / f"zale-{number}.jpg"
        Image.new("RGB", (1200, 800), colour).save(photo, quality=85)
        photos.append(photo)
    page.goto(f"{url}/admin/#/collections/visit/new")
    titles = page.get_by_label("Virsraksts")
    titles.first.wait_for()
    titles.nth(0).fill("Vizīte ar foto")
    titles.nth(1).fill("A visit with photos")
    page.get_by_label("Datums").first.fill("2026-11-21")
    for photo in photos:
        page.get_by_role("button", name="Pievienot: foto galerija").first.click()
        page.get_by_role("button", name="Izvēlēties attēlu").last.click()
        with page.expect_file_chooser() as chooser:
            page.get_by_text("Augšupielādēt").click()
        chooser.value.set_files(photo)
        page.get_by_role("button", name="Izmantot izvēlēto").click()
    _publish(page)

    folder = content / "news" / "2026" / "vizite-ar-foto"
    for photo in photos:
        assert (folder / "photos" / photo.name).read_bytes() == photo.read_bytes()
    front_matter = yaml.safe_load((folder / "index.lv.md").read_text("utf-8").split("---")[1])
    assert front_matter["gallery"] == [f"photos/{p.name}" for p in photos]
    checked = sitetool("check", "--content", str(content))
    missing_alt = re.findall(r"news/2026/vizite-ar-foto/photos/(zale-\d\.jpg).*no alt text",
                             checked.stdout)
    assert sorted(missing_alt) == [p.name for p in photos], checked.stdout
    assert not troubles, "\n".join(troubles)


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
    _publish(page)
    assert _front_matter(folder / "index.lv.md") == {**before["lv"],
                                                      "cost": "2,50 EUR par pusdienām"}
    assert _front_matter(folder / "index.en.md") == before["en"]
    _wait_for_page(page, f"{url}/pakalpojumi/sociala-virtuve/", "2,50 EUR par pusdienām")
    assert not troubles, "\n".join(troubles)
