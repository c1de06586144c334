"""Finding a service in a real Chromium: without JavaScript through the target-group
pages, with JavaScript through the catalogue's instant filter."""

import pytest

from content_schema import read_front_matter
from site_helpers import ROOT

pytestmark = pytest.mark.browser

SERVICES = ROOT / "content" / "services"


def _expected_titles(lang, group=None, kind=None, words=()):
    titles = []
    for folder in sorted(SERVICES.iterdir()):
        own = read_front_matter(folder / "index.lv.md").data
        text = read_front_matter(folder / f"index.{lang}.md").data
        if group and group not in own["for"]:
            continue
        if kind and own["type"] != kind:
            continue
        if not all(w in f"{text['title']} {text['summary']}".lower() for w in words):
            continue
        titles.append(text["title"])
    return sorted(titles)


def _visible_titles(page):
    return sorted(page.locator(".service-card:visible h3").all_inner_texts())


@pytest.fixture
def page_without_javascript(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        served_site.url) else route.abort())
    yield page
    context.close()


def test_without_javascript_every_service_shows_and_group_links_filter(
        page_without_javascript, served_site):
    page = page_without_javascript
    page.goto(served_site.url + "/pakalpojumi/")
    assert page.locator("form.service-filter").count() == 0, "no controls that do nothing"
    assert _visible_titles(page) == _expected_titles("lv")
    groups = page.get_by_role("navigation", name="Kam paredzēts")
    groups.get_by_role("link", name="Seniori").click()
    page.wait_for_url("**/pakalpojumi/kam/seniori/")
    assert page.locator("h1").inner_text() == "Seniori"
    assert _visible_titles(page) == _expected_titles("lv", group="seniors")


def test_with_javascript_the_catalogue_filters_as_you_choose(page, served_site):
    page.goto(served_site.url + "/pakalpojumi/")
    status = page.get_by_role("status")
    page.get_by_role("combobox", name="Kam paredzēts").select_option(label="Seniori")
    assert _visible_titles(page) == _expected_titles("lv", group="seniors")
    count = len(_expected_titles("lv", group="seniors"))
    assert status.inner_text() == f"Atrasti pakalpojumi un pabalsti: {count}"

    page.get_by_role("combobox", name="Veids").select_option("benefit")
    expected = _expected_titles("lv", group="seniors", kind="benefit")
    assert _visible_titles(page) == expected
    assert not page.locator("#type-service").is_visible(), "an empty group is hidden"
    assert status.inner_text() == f"Atrasti pakalpojumi un pabalsti: {len(expected)}"

    page.get_by_role("combobox", name="Kam paredzēts").select_option("")
    page.get_by_role("combobox", name="Veids").select_option("")
    page.get_by_role("searchbox", name="Vārdi nosaukumā vai aprakstā").fill("virtuve")
    assert _visible_titles(page) == _expected_titles("lv", words=["virtuve"])

    page.get_by_role("searchbox", name="Vārdi nosaukumā vai aprakstā").fill("nekas tāds nav")
    assert _visible_titles(page) == []
    assert page.locator(".catalogue__empty").is_visible()
    assert status.inner_text() == "Atrasti pakalpojumi un pabalsti: 0"


def test_the_filter_speaks_english_on_the_english_catalogue(page, served_site):
    page.goto(served_site.url + "/en/services/")
    groups = page.get_by_role("combobox", name="Who is it for")
    groups.select_option(label="People with disabilities")
    expected = _expected_titles("en", group="disability")
    assert _visible_titles(page) == expected
    assert page.get_by_role("status").inner_text() == (
        f"Services and benefits found: {len(expected)}")
    page.get_by_role("searchbox", name="Words in the name or summary").press("Enter")
    assert page.url == served_site.url + "/en/services/", "the form never submits"


def test_the_filter_is_reached_and_used_with_the_keyboard(page, served_site):
    page.goto(served_site.url + "/pakalpojumi/")
    page.locator("#service-filter-group").focus()
    page.keyboard.press("ArrowDown")  # the first group after "Visiem"
    assert _visible_titles(page) == _expected_titles("lv", group="seniors")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "service-filter-type"


@pytest.mark.parametrize(("typed", "expected"), [
    ("majokla pabalstu", ["Mājokļa pabalsts"]),  # without diacritics, another case
    ("barenis", ["Pabalsts bārenim pēc pilngadības sasniegšanas"]),  # title: "bārenim"
    ("socialo dzivokli", ["Sociālais dzīvoklis"]),
    ("Mājokļa pabalsts", ["Mājokļa pabalsts"]),  # as the title says it
])
def test_the_latvian_filter_finds_a_word_in_any_form(page, served_site, typed, expected):
    """Words match as the site's search matches them (latvian-stemmer.js): a typed word's
    stem begins a word of the card, diacritics folded on both sides."""
    page.goto(served_site.url + "/pakalpojumi/")
    page.get_by_role("searchbox", name="Vārdi nosaukumā vai aprakstā").fill(typed)
    assert _visible_titles(page) == expected


def test_the_english_filter_finds_words_where_they_occur(page, served_site):
    page.goto(served_site.url + "/en/services/")
    page.get_by_role("searchbox", name="Words in the name or summary").fill("kitchen")
    assert _visible_titles(page) == _expected_titles("en", words=["kitchen"])
