"""The service catalogue of the sample site: service pages in both languages, the catalogue
and target-group pages, Latvian order, JSON-LD, easy-to-read versions, recent changes,
urgent help and the menus."""

import json
import shutil
from pathlib import Path

import pytest

from content_schema import read_front_matter
from site_helpers import ROOT, BuiltSite, build_site
from typography import quote_text
from ui_language import latvian_sort_key

SERVICES = ROOT / "content" / "services"
FIXTURE = Path(__file__).parent / "fixtures" / "services_site"
SETTINGS = {}
exec((ROOT / "pelicanconf.py").read_text("utf-8"), {"__file__": str(ROOT / "pelicanconf.py")},
     SETTINGS)
TARGET_GROUPS = SETTINGS["TARGET_GROUPS"]
SERVICE_URLS = SETTINGS["SERVICE_URLS"]
LATVIAN_URL = "/pakalpojumi/{slug}/"



def _page(site, slug: str, lang: str) -> str:
    """A service's page: its folder's name in Latvian, its own English address."""
    latvian = LATVIAN_URL.format(slug=slug)
    return latvian if lang == "lv" else site.translation_of(latvian, lang)

def _front_matter(slug: str, lang: str) -> dict:
    return read_front_matter(SERVICES / slug / f"index.{lang}.md").data


def _services() -> list[str]:
    return sorted(folder.name for folder in SERVICES.iterdir() if folder.is_dir())


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _card_links(tree) -> list[str]:
    return [a.get("href") for a in tree.xpath('//li[@class="service-card"]//h3/a')]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_there_are_at_least_ten_services_and_benefits_in_both_languages():
    assert len(_services()) >= 10
    for slug in _services():
        assert (SERVICES / slug / "index.en.md").is_file(), slug
    types = {_front_matter(slug, "lv")["type"] for slug in _services()}
    assert types == {"benefit", "service"}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_service_has_its_page_in_each_language(site, lang):
    for slug in _services():
        tree = site.tree(_page(site, slug, lang))
        assert tree.get("lang") == lang
        assert _text(tree.xpath("//h1")[0]) == _front_matter(slug, lang)["title"]
        summary = tree.xpath('//p[@class="service__summary"]')[0]
        # typed quotes and apostrophes are published as the language's (plugins/typography)
        assert _text(summary) == quote_text(_front_matter(slug, lang)["summary"],
                                            SETTINGS["QUOTATION_MARKS"][lang])


@pytest.mark.parametrize(("lang", "headings"), [
    ("lv", ["Kas var saņemt", "Kā pieteikties", "Nepieciešamie dokumenti", "Cik tas maksā",
            "Cik ilgi jāgaida", "Kur vērsties", "Sociālā virtuve",
            "Sociālais dienests, Raiņa iela 15", "Plašāka informācija", "Tiesiskais pamats",
            "Jaunākās izmaiņas",
            "Vajadzīga palīdzība tūlīt?"]),
    ("en", ["Who can get it", "How to apply", "Documents you need", "What it costs",
            "How long it takes", "Where to apply", "Social kitchen",
            "Social Service, Raiņa iela 15", "More information", "Legal basis",
            "Recent changes", "Need help now?"]),
])
def test_a_service_page_answers_in_the_order_residents_ask(site, lang, headings):
    tree = site.tree(_page(site, "sociala-virtuve", lang))
    article = tree.xpath('//article[@class="service"]')[0]
    found = [_text(h) for h in article.xpath(".//h2 | .//h3")]
    assert [h for h in found if h in headings] == headings
    steps = article.xpath('.//ol[@class="service__steps"]/li')
    assert [_text(li) for li in steps] == _front_matter("sociala-virtuve", lang)["how_to_apply"]
    updated = article.xpath('.//p[@class="last-updated"]/time')[0]
    assert updated.get("datetime").startswith("2026-11-02")


def _type_sections(tree) -> dict[str, list[str]]:
    return {
        section.xpath("./h2")[0].get("id"): [_text(a) for a in section.xpath(".//h3/a")]
        for section in tree.xpath('//section[@class="service-group"]')
    }


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_catalogue_lists_every_service_by_type_in_latvian_order(site, lang):
    tree = site.tree("/" + SERVICE_URLS[lang]["catalogue"])
    sections = _type_sections(tree)
    expected = {"type-benefit": [], "type-service": []}
    for slug in _services():
        expected["type-" + _front_matter(slug, "lv")["type"]].append(
            _front_matter(slug, lang)["title"])
    for titles in expected.values():
        titles.sort(key=latvian_sort_key)
    assert sections == expected


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> BuiltSite:
    """Services whose titles start with letters the code-point order misplaces."""
    root = tmp_path_factory.mktemp("services-order")
    shutil.copytree(FIXTURE, root / "content")
    result = build_site(root / "content", root / "output")
    assert result.returncode == 0, result.stderr
    return BuiltSite(root / "output", "http://localhost:8000")


def test_services_are_listed_in_latvian_alphabetical_order(fixture_site):
    sections = _type_sections(fixture_site.tree("/pakalpojumi/"))
    assert sections == {
        "type-benefit": ["Apbedīšanas pabalsts", "Ārkārtas pabalsts"],
        "type-service": ["Aprūpe mājās", "Cits atbalsts", "Čaklo roku darbnīca",
                         "Ēdināšana mājās", "Zupas virtuve"],
    }
    seniors = _type_sections(fixture_site.tree("/pakalpojumi/kam/seniori/"))
    assert seniors == {"type-service": ["Aprūpe mājās", "Čaklo roku darbnīca",
                                        "Ēdināšana mājās"]}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_each_target_group_page_lists_exactly_the_services_for_that_group(site, lang):
    for key, group in TARGET_GROUPS.items():
        url = "/" + SERVICE_URLS[lang]["target_group"].format(slug=group["slug"][lang])
        tree = site.tree(url)
        assert _text(tree.xpath("//h1")[0]) == group[lang]
        expected = {_page(site, slug, lang) for slug in _services()
                    if key in _front_matter(slug, "lv")["for"]}
        listed = [_path(href) for href in _card_links(tree)]
        assert sorted(listed) == sorted(expected), key
        current = tree.xpath('//nav[@class="target-groups"]//a[@aria-current="page"]')
        assert [_path(a.get("href")) for a in current] == [url]


def test_target_group_counts_match_their_pages(site):
    tree = site.tree("/pakalpojumi/")
    for link in tree.xpath('//nav[@class="target-groups"]//a')[1:]:
        count = int(link.xpath('./span[@class="target-groups__count"]')[0].text.strip("()"))
        assert len(_card_links(site.tree(_path(link.get("href"))))) == count


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_json_ld_describes_each_service_as_a_government_service(site, lang):
    for slug in _services():
        tree = site.tree(_page(site, slug, lang))
        blocks = [json.loads(script.text) for script in
                  tree.xpath('//script[@type="application/ld+json"]')]
        services = [b for b in blocks if b.get("@type") == "GovernmentService"]
        assert len(services) == 1, slug
        data = services[0]
        front_matter = {**_front_matter(slug, "lv"), **_front_matter(slug, lang)}
        assert data["name"] == front_matter["title"]
        assert data["description"] == quote_text(front_matter["summary"],
                                                 SETTINGS["QUOTATION_MARKS"][lang])
        assert _path(data["url"]) == _page(site, slug, lang)
        assert data["inLanguage"] == lang
        assert [a["audienceType"] for a in data["audience"]] == [
            TARGET_GROUPS[key][lang] for key in front_matter["for"]]
        assert len(data["availableChannel"]) == len(front_matter["offices"])
        assert data["dateModified"] == str(front_matter["modified"])


def test_json_ld_cannot_end_its_script_element(site):
    """A `</script>` in a title would end the data block early: `<` is escaped."""
    for slug in _services():
        html = site.file_for(_page(site, slug, "lv")).read_text("utf-8")
        start = html.index('<script type="application/ld+json">')
        block = html[start:html.index("</script>", start)]
        assert "<" not in block[len('<script type="application/ld+json">'):]


@pytest.mark.parametrize(("lang", "other"), [("lv", "en"), ("en", "lv")])
def test_easy_to_read_versions_have_their_own_page_and_a_labelled_switch(site, lang, other):
    with_easy_read = [slug for slug in _services() if "easy_read" in _front_matter(slug, lang)]
    assert len(with_easy_read) >= 3
    for slug in _services():
        full = site.tree(_page(site, slug, lang))
        switch = full.xpath('//nav[@class="easy-read-switch"]')
        if slug not in with_easy_read:
            assert not switch, slug
            continue
        links = switch[0].xpath(".//a")
        assert links[0].get("aria-current") == "page"
        easy = site.tree(_path(links[1].get("href")))
        assert easy.get("lang") == lang
        assert easy.xpath('//nav[@class="easy-read-switch"]//a')[1].get("aria-current") == "page"
        first_line = _front_matter(slug, lang)["easy_read"].splitlines()[0]
        assert first_line in _text(easy.xpath('//div[@class="prose easy-read"]')[0])
        assert easy.xpath('//article[@data-pagefind-body]'), "indexed on its own"
        alternates = {link.get("hreflang"): _path(link.get("href")) for link in
                      easy.xpath('//link[@rel="alternate"][@hreflang]')}
        assert alternates[other].startswith(_page(site, slug, other))
        assert alternates[other] != _page(site, slug, other)


@pytest.mark.parametrize(("lang", "slug", "listed", "not_listed"), [
    ("lv", "sociala-virtuve", ["Sociālā virtuve pārceļas uz Stacijas ielu"], []),
    ("en", "sociala-virtuve", ["Social kitchen moves to Stacijas iela"], []),
    ("lv", "majokla-pabalsts", ["Pieteikšanās apkures pabalstam sāksies 1. oktobrī"],
     ["Aicinām vērtēt mājokļa pabalsta noteikumu projektu"]),
])
def test_recent_changes_are_the_service_change_stories_naming_the_service(
        site, lang, slug, listed, not_listed):
    tree = site.tree(_page(site, slug, lang))
    section = tree.xpath('//section[@aria-labelledby="recent-changes"]')
    titles = [_text(a) for a in section[0].xpath(".//a")] if section else []
    for title in listed:
        assert title in titles
    for title in not_listed:
        assert title not in titles
    for link in section[0].xpath(".//a"):
        assert site.file_for(link.get("href")), link.get("href")


def test_a_service_without_stories_has_no_recent_changes(site):
    tree = site.tree(_page(site, "asistenta-pakalpojums", "lv"))
    assert not tree.xpath('//section[@aria-labelledby="recent-changes"]')


URGENT_NUMBERS = ["tel:112", "tel:+37165300050", "tel:116123"]


@pytest.mark.parametrize("url", [
    "/", "/en/", ("lv", "krizes-centrs"), ("en", "aprupe-majas"), "/kur-sanemt-palidzibu/",
])
def test_urgent_help_numbers_are_one_tap_away(site, url):
    if isinstance(url, tuple):  # a service's page: (language, folder)
        url = _page(site, url[1], url[0])
    block = site.tree(url).xpath('//section[@class="urgent-help"]')
    assert len(block) == 1
    assert [a.get("href") for a in block[0].xpath(".//a")] == URGENT_NUMBERS


def test_every_service_page_has_the_urgent_help_block(site):
    for lang in ("lv", "en"):
        for slug in _services():
            tree = site.tree(_page(site, slug, lang))
            assert tree.xpath('//section[@class="urgent-help"]'), slug


@pytest.mark.parametrize(("url", "labels"), [
    ("/", ["Jaunumi", "Pakalpojumi", "Kur saņemt palīdzību", "Kontakti"]),
    ("/en/", ["News", "Services", "Where to get help", "Contacts"]),
])
def test_main_menu_leads_to_services_and_help_and_about_us_moved_to_the_footer(
        site, url, labels):
    tree = site.tree(url)
    menu = [_text(a) for a in tree.xpath('//nav[@class="main-nav"]//a')]
    assert [label for label in menu if label in labels] == labels
    about = "Par mums" if url == "/" else "About us"
    assert about not in menu
    assert about in [_text(a) for a in tree.xpath('//footer//a')]
    for link in tree.xpath('//nav[@class="main-nav"]//a'):
        assert site.file_for(link.get("href")), link.get("href")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_home_page_leads_to_each_target_group(site, lang):
    tree = site.tree("/" + SETTINGS["LISTING_URLS"][lang]["home"])
    links = tree.xpath('//section[@class="find-help"]//ul//a')
    assert [_text(a) for a in links] == [group[lang] for group in TARGET_GROUPS.values()]
    for link in links:
        assert site.file_for(link.get("href"))
