"""Search that understands Latvian: the stemmer (`theme/assets/js/latvian-stemmer.js`, run
by Node: the browser's file, no second implementation) on a word list of our own, and the
search page in Chromium on the built sample site — inflected queries of the benchmark
(`benchmarks/search_queries.tsv`) find the page a resident expects in the first five, a
service is one result with its easy-to-read version as a link, and excerpts do not repeat
the title."""

import json
import re
import subprocess
from collections import Counter

import pytest

from benchmarks.search_recall import read_queries
from conftest import FIXTURES
from site_helpers import ROOT
from test_accessibility import AXE, _violations
from test_search import EN_SEARCH, LV_SEARCH, _search

STEMMER = ROOT / "theme" / "assets" / "js" / "latvian-stemmer.js"
RUN_STEMMER = """
const stemmer = require(process.argv[1]);
const asked = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  stems: asked.words.map(stemmer.stem), queries: asked.queries.map(stemmer.stemQuery)}));
"""
# Queries of the benchmark whose page plain Pagefind left out of the first five; each
# names its page in search_queries.tsv.
SAMPLE = ["apkures pabalsts", "pabalsts apkurei", "komunālie maksājumi",
          "garantēto minimālo ienākumu", "socialo dzivokli", "barenu pabalsti",
          "sociālā dienesta tālrunis", "jaundzimušā pabalsts", "aprupetaju"]


def _run_stemmer(words=(), queries=()):
    ran = subprocess.run(["node", "-e", RUN_STEMMER, str(STEMMER)], check=True, text=True,
                         capture_output=True,
                         input=json.dumps({"words": list(words), "queries": list(queries)}))
    return json.loads(ran.stdout)


def _word_list():
    lines = (FIXTURES / "latvian_stems.tsv").read_text("utf-8").splitlines()
    return [(stem, forms.split()) for stem, forms in
            (line.split("\t") for line in lines if line and not line.startswith("#"))]


def test_the_forms_of_a_word_share_one_stem_and_other_words_have_others():
    words = _word_list()
    forms = [form for _, word_forms in words for form in word_forms]
    stems = dict(zip(forms, _run_stemmer(words=forms)["stems"], strict=True))
    wrong = {form: stems[form] for stem, word_forms in words for form in word_forms
             if stems[form] != stem}
    assert not wrong, f"stems other than the word list's: {wrong}"
    assert len(words) > 25 and len(forms) > 100
    shared = [stem for stem, count in Counter(stem for stem, _ in words).items() if count > 1]
    assert not shared, f"different words with one stem: {shared}"


def test_a_query_is_stemmed_word_by_word_and_a_quoted_phrase_is_left_as_typed():
    queries = ["Apkures Pabalsts", 'pabalsts "mājokļa pabalsts" 112', "e-pasts: kontakti!"]
    assert _run_stemmer(queries=queries)["queries"] == [
        "apkur pabalst", 'pabalst "mājokļa pabalsts" 112', "e-past: kontakt!"]


def _expected_pages():
    return {words: expected for lang, words, expected in read_queries() if lang == "lv"}


@pytest.mark.browser
@pytest.mark.parametrize("words", SAMPLE)
def test_an_inflected_query_finds_the_page_a_resident_expects_in_the_first_five(
        page, served_site, words):
    assert _expected_pages()[words] in _search(page, served_site, LV_SEARCH, words)[:5]


def _shown_results(page):
    return page.eval_on_selector_all(".search-result", """items => items.map(item => ({
        url: new URL(item.querySelector('.search-result__title a').href).pathname,
        title: item.querySelector('.search-result__title').textContent,
        excerpt: item.querySelector('.search-result__excerpt').textContent,
        easyRead: [...item.querySelectorAll('.search-result__easy-read a')].map(
            link => ({href: new URL(link.href).pathname, text: link.textContent}))}))""")


@pytest.mark.browser
@pytest.mark.parametrize(("search_url", "words", "lang", "easy_read_part", "label"), [
    (LV_SEARCH, "mājokļa pabalsts", "lv", "viegla-valoda/", "Viegli lasīt"),
    (EN_SEARCH, "housing benefit", "en", "easy-read/", "Easy to read"),
])
def test_a_service_is_one_result_with_its_easy_to_read_version_as_a_link(
        page, served_site, search_url, words, lang, easy_read_part, label):
    service = "/pakalpojumi/majokla-pabalsts/"
    if lang != "lv":  # the English page has an address of its own
        service = served_site.translation_of(service, lang)
    easy_read = service + easy_read_part
    _search(page, served_site, search_url, words)
    results = _shown_results(page)
    titles = [result["title"] for result in results]
    assert len(titles) == len(set(titles)), titles
    assert easy_read not in [result["url"] for result in results]
    (found,) = [result for result in results if result["url"] == service]
    assert found["easyRead"] == [{"href": easy_read, "text": label}]
    assert served_site.tree(easy_read).xpath("string(//h1)") == found["title"]


@pytest.mark.browser
@pytest.mark.parametrize(("search_url", "words"), [(LV_SEARCH, "pabalsts"),
                                                   (LV_SEARCH, "apkures pabalstam"),
                                                   (EN_SEARCH, "benefit")])
def test_excerpts_do_not_open_with_the_title(page, served_site, search_url, words):
    """Pagefind reads a page's h1 as its title (and ranks by it) but not into the text the
    excerpt is cut from: neither the title nor a service's type line opens an excerpt."""
    _search(page, served_site, search_url, words)
    results = _shown_results(page)
    assert results
    for result in results:
        opening = re.escape(result["title"].rstrip("."))
        assert not re.match(rf"(\w+\. )?{opening}", result["excerpt"]), result


@pytest.mark.browser
def test_results_with_an_easy_to_read_link_have_no_wcag_violations(page, served_site):
    _search(page, served_site, LV_SEARCH, "pabalsts")
    assert page.locator(".search-result__easy-read a").count() >= 2
    assert not _violations(page, AXE.read_text("utf-8"))
