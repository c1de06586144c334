"""Site search: Pagefind's index of the built sample site, searched in a real Chromium from
the search page of each language, the 404 page's search boxes, and the page without
JavaScript."""

import json
import re
import unicodedata

import pytest

from site_helpers import apply_policy, build_site, nginx_header
from sitetool_helpers import story

LV_SEARCH, EN_SEARCH = "/meklet/", "/en/search/"
PREILI_STORY_LV = "/jaunumi/2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos/"
RESULT_LINKS = ".search-result__title a"


def _without_diacritics(word):
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _open(page, site, search_url):
    """The search page, once its script has loaded the index's filters."""
    page.goto(site.url + search_url)
    page.wait_for_selector("#search-type option:nth-child(2)", state="attached")


def _submit(page, words):
    """Type the words as a person would, press Enter, and return the result links
    (root-relative) once the results are shown."""
    page.fill("#search-words", words)
    page.press("#search-words", "Enter")
    return _results(page)


def _choose(page, select, value):
    """Choose a filter (which searches at once) and return the result links."""
    page.select_option(select, value)
    return _results(page)


def _results(page):
    page.wait_for_function(
        """() => {
          const status = document.querySelector('[data-search-status]').textContent;
          return status && !status.endsWith('…');
        }""")
    return [re.sub(r"^https?://[^/]+", "", href) for href in page.eval_on_selector_all(
        RESULT_LINKS, "links => links.map(link => link.href)")]


def _search(page, site, search_url, words):
    _open(page, site, search_url)
    return _submit(page, words)


@pytest.mark.browser
def test_latvian_word_typed_without_diacritics_finds_the_story_in_latvian_only(
        page, served_site):
    # its stem "preil" finds the other story of a visit to Preiļi too ("Preiļu novada")
    latvian = _search(page, served_site, LV_SEARCH, "preilos")
    assert PREILI_STORY_LV in latvian and not any(url.startswith("/en/") for url in latvian)
    english = _search(page, served_site, EN_SEARCH, "preilos")
    assert PREILI_STORY_LV not in english
    assert all(url.startswith("/en/") for url in english)


@pytest.mark.browser
@pytest.mark.parametrize(("typed", "found", "stem"), [("gimenes", "ģimenes", "gimen"),
                                                      ("socialais", "sociālais", "social")])
def test_results_highlight_the_latvian_word_that_was_typed_without_diacritics(
        page, served_site, typed, found, stem):
    results = _search(page, served_site, LV_SEARCH, typed)
    assert results and all(not url.startswith("/en/") for url in results)
    marked = page.eval_on_selector_all(".search-result__excerpt mark",
                                       "marks => marks.map(mark => mark.textContent)")
    # Pagefind marks a word with the punctuation that follows it
    words = {word.lower().rstrip(".,;:!?»”)") for word in marked}
    assert found in words
    # and its other forms: search looks for the stem (test_search_latvian.py)
    assert all(_without_diacritics(word).startswith(stem) for word in words), words


@pytest.mark.browser
def test_type_filter_keeps_only_that_kind_and_is_remembered_in_the_address(
        page, served_site):
    _open(page, served_site, LV_SEARCH)
    page.select_option("#search-type", "Sabiedriskās apspriešanas")
    results = _submit(page, "socialais")
    assert results
    for url in results:
        kind = served_site.tree(url).xpath('//*[@data-pagefind-filter="type"]')[0]
        assert kind.text_content() == "Sabiedriskās apspriešanas", url
    assert page.input_value("#search-type") == "Sabiedriskās apspriešanas"
    assert "type=Sabiedrisk" in page.url and "q=socialais" in page.url


@pytest.mark.browser
def test_type_filter_offers_the_kinds_and_pages_in_the_page_language(page, served_site):
    expected = {
        LV_SEARCH: {"Pieredzes vizītes", "Pakalpojumu izmaiņas", "Sabiedriskās apspriešanas",
                    "Informatīvās lapas"},
        EN_SEARCH: {"Experience visits", "Service changes", "Public consultations",
                    "Information pages"},
    }
    expected[LV_SEARCH] |= {"Pakalpojumi un pabalsti", "Viegli lasīt"}
    expected[EN_SEARCH] |= {"Services and benefits", "Easy to read"}
    for url, types in expected.items():
        _open(page, served_site, url)
        offered = page.eval_on_selector_all("#search-type option[value]:not([value=''])",
                                            "options => options.map(option => option.value)")
        assert types <= set(offered), url


def _pages_with_filter(site, name, value, lang="lv"):
    return {site.url_of(file).removeprefix(site.url) for file in site.html_files()
            if site.tree(file).get("lang") == lang and site.tree(file).xpath(
                f'//*[@data-pagefind-body]//*[@data-pagefind-filter="{name}"][.="{value}"]')}


@pytest.mark.browser
def test_target_group_filter_lists_exactly_the_services_for_that_group(page, served_site):
    _open(page, served_site, LV_SEARCH)
    seniors = _choose(page, "#search-group", "Seniori")
    # easy-to-read versions are links within their service's result (test_search_latvian)
    expected = {url for url in _pages_with_filter(served_site, "group", "Seniori")
                if not url.endswith("/viegla-valoda/")}
    assert seniors and sorted(seniors) == sorted(expected)
    assert all(url.startswith("/pakalpojumi/") for url in seniors)


@pytest.mark.browser
def test_easy_to_read_texts_are_found_on_their_own(page, served_site):
    _open(page, served_site, LV_SEARCH)
    easy = _choose(page, "#search-type", "Viegli lasīt")
    assert easy and all(url.endswith("/viegla-valoda/") for url in easy)
    assert sorted(easy) == sorted(_pages_with_filter(served_site, "type", "Viegli lasīt"))


def test_only_the_main_content_of_content_pages_is_indexed(site):
    """Pagefind keeps one index per language, of the pages with a data-pagefind-body
    (stories, pages, services and their easy-to-read versions; not home pages, lists, the
    search pages or the 404 page), and of that element only: it is inside <main>, so
    menus, header and footer are never searched."""
    with_body = {"lv": 0, "en": 0}
    for file in site.html_files():
        tree = site.tree(file)
        if tree.xpath("//*[@data-pagefind-body]"):
            with_body[tree.get("lang")] += 1
            assert not tree.xpath("//*[@data-pagefind-body][not(ancestor::main)]"), file
    entry = json.loads((site.root / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == with_body
    assert with_body["lv"] > 10 and with_body["en"] > 10


@pytest.mark.browser
def test_the_404_page_searches_in_the_language_of_the_box_used(page, served_site):
    page.goto(served_site.url + "/404.html")
    english = page.locator('section[lang="en"]')
    english.get_by_label("What are you looking for?").fill("home care")
    english.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/en/search/\?q=home\+care$"))
    page.wait_for_selector(RESULT_LINKS)
    links = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")
    assert links and all("/en/" in link for link in links)
    assert page.input_value("#search-words") == "home care"


def test_the_404_page_helps_in_both_languages(site):
    tree = site.tree(site.root / "404.html")
    assert tree.get("lang") == "lv"
    parts = {part.get("lang"): part for part in tree.xpath("//main//section[@lang]")}
    assert set(parts) == {"lv", "en"}
    expected = {"lv": ("Lapa nav atrasta", "/meklet/", "/jaunumi/"),
                "en": ("Page not found", "/en/search/", "/en/news/")}
    for lang, (heading, search_url, news_url) in expected.items():
        part = parts[lang]
        assert part.xpath("./h1|./h2")[0].text_content() == heading
        assert part.xpath(".//form")[0].get("action") == site.url + search_url
        assert site.url + news_url in part.xpath(".//a/@href")


@pytest.mark.browser
@pytest.mark.parametrize(("url", "notice", "links"), [
    (LV_SEARCH, "Meklēšanai nepieciešams JavaScript", ("Pakalpojumu katalogs", "Jaunumu arhīvs")),
    (EN_SEARCH, "Search needs JavaScript", ("Service catalogue", "News archive")),
])
def test_without_javascript_the_search_page_says_so_and_links_elsewhere(
        browser, served_site, url, notice, links):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url + url)
        assert page.get_by_text(notice).is_visible()
        for name in links:
            assert page.locator("main").get_by_role("link", name=name).is_visible()
        assert not page.locator("main form").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_search_works_under_the_strict_content_security_policy(page, served_site):
    refused = apply_policy(page, served_site.url,
                           nginx_header("Content-Security-Policy"))
    assert PREILI_STORY_LV in _search(page, served_site, LV_SEARCH, "preilos")
    assert not refused


def test_a_failed_pagefind_fails_the_build_with_one_line(tmp_path, monkeypatch):
    """Pagefind's own failure (here: a binary that only exits with status 1) is one
    error line, and no site without a search index is published."""
    content = tmp_path / "content"
    story(content, "2024/laba-zina", "Laba ziņa")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 1
    assert "search index: Pagefind failed (exit status 1): it said nothing" in \
        result.stderr.splitlines()
    assert not (tmp_path / "output").exists()
