"""Service notices: shown on the services and offices they concern and on the home page
only while current on the build day, urgent ones at the top of every page; expired ones
left out of the build and hidden in the browser once their end date passes in Riga."""

import shutil
from pathlib import Path

import pytest

from site_helpers import BuiltSite, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "services_site"
# The fixture's notices: storm (urgent, 22–25 Nov, home care), soup kitchen (limited,
# 24–26 Dec, announced from 10 Dec), office repairs (changed, 1–30 Nov, office birojs).
DAYS = ["2026-11-21", "2026-11-25", "2026-12-12", "2026-12-27"]
STORM = {"lv": "Vētras dēļ aprūpētāji kavējas", "en": "Care workers delayed by the storm"}
KITCHEN = {"lv": "Zupas virtuve svētkos slēgta", "en": "Soup kitchen closed over Christmas"}
REPAIRS = {"lv": "Ieeja no pagalma", "en": "Entrance from the courtyard"}


@pytest.fixture(scope="module")
def built_on(tmp_path_factory) -> dict[str, BuiltSite]:
    """The fixture content built as on each of DAYS."""
    root = tmp_path_factory.mktemp("notices")
    shutil.copytree(FIXTURE, root / "content")
    sites = {}
    for day in DAYS:
        result = build_site(root / "content", root / day, today=day)
        assert result.returncode == 0, result.stderr
        sites[day] = BuiltSite(root / day, "http://localhost:8000")
    return sites


def _titles(element, where="") -> list[str]:
    """Notice titles inside `element` (a page or a part of it), within `where`."""
    return [" ".join(h.text_content().split())
            for h in element.xpath(f'.{where}//*[contains(@class, "notice__title")]')]


def _page(site, latvian: str, lang: str) -> str:
    """A page in `lang`: the Latvian address, or its translation's own English one."""
    return latvian if lang == "lv" else site.translation_of(latvian, lang)


def _banner(tree) -> list[str]:
    return _titles(tree, '//div[@class="notice-banner"]')


@pytest.mark.parametrize(("day", "on_service", "in_banner"), [
    ("2026-11-21", False, False),
    ("2026-11-25", True, True),   # the end date is the last day it shows
    ("2026-12-12", False, False),
])
@pytest.mark.parametrize("lang", ["lv", "en"])
def test_an_urgent_notice_is_a_banner_on_every_page_while_current(
        built_on, day, on_service, in_banner, lang):
    site = built_on[day]
    service = _page(site, "/pakalpojumi/aprupe-majas/", lang)
    home = "/" if lang == "lv" else "/en/"
    catalogue = "/pakalpojumi/" if lang == "lv" else "/en/services/"
    other_service = _page(site, "/pakalpojumi/zupas-virtuve/", lang)
    for url in (home, catalogue, service, other_service):
        assert (_banner(site.tree(url)) == [STORM[lang]]) is in_banner, url
    main = site.tree(service).xpath("//main")[0]
    assert (STORM[lang] in _titles(main)) is on_service


@pytest.mark.parametrize(("day", "shown"), [
    ("2026-11-25", False),  # before announce_from
    ("2026-12-12", True),   # announced before it starts
    ("2026-12-27", False),  # over
])
def test_a_notice_shows_on_its_service_and_the_home_page_within_its_dates(built_on, day, shown):
    site = built_on[day]
    for lang, home in (("lv", "/"), ("en", "/en/")):
        service = _page(site, "/pakalpojumi/zupas-virtuve/", lang)
        assert (KITCHEN[lang] in _titles(site.tree(service))) is shown
        home_notices = _titles(site.tree(home), '//section[@class="home-notices"]')
        assert (KITCHEN[lang] in home_notices) is shown
        assert KITCHEN[lang] not in _titles(site.tree("/pakalpojumi/aprupe-majas/"))


def test_a_notice_shows_the_period_and_the_end_date_for_the_browser(built_on):
    tree = built_on["2026-12-12"].tree("/pakalpojumi/zupas-virtuve/")
    notice = tree.xpath('//div[contains(@class, "notice--limited")]')[0]
    assert notice.get("data-notice-end") == "2026-12-26"
    assert [t.get("datetime") for t in notice.xpath(".//time")] == ["2026-12-24", "2026-12-26"]
    assert "Ierobežota pieejamība" in notice.text_content()
    # the year and month said once (CLDR's interval format)
    period = " ".join(notice.xpath('.//*[@class="notice__period"]')[0].text_content().split())
    assert period == "Kad: 2026. gada 24.–26. decembris"


def test_a_notice_names_what_it_concerns_as_a_service_or_an_office(site):
    """A soup kitchen is a service and a place with one name: each is said for what it is."""
    for url, concerns in (
            ("/", "Attiecas uz: Sociālā virtuve (pakalpojums), Sociālā virtuve (iestāde)"),
            ("/en/", "Concerns: Social kitchen (service), Social kitchen (office)")):
        found = [" ".join(p.text_content().split())
                 for p in site.tree(url).xpath('//*[@class="notice__concerns"]')]
        assert concerns in found


@pytest.mark.parametrize(("day", "shown"), [("2026-11-25", True), ("2026-12-12", False)])
def test_an_office_notice_shows_on_the_office_page(built_on, day, shown):
    site = built_on[day]
    for lang in ("lv", "en"):
        url = _page(site, "/kur-sanemt-palidzibu/birojs/", lang)
        assert (REPAIRS[lang] in _titles(site.tree(url))) is shown


def test_a_banner_notice_is_not_repeated_in_the_home_page_list(built_on):
    tree = built_on["2026-11-25"].tree("/")
    assert _banner(tree) == [STORM["lv"]]
    assert STORM["lv"] not in _titles(tree, '//section[@class="home-notices"]')
    assert REPAIRS["lv"] in _titles(tree, '//section[@class="home-notices"]')


def test_expired_notices_are_written_nowhere(site):
    """The sample site's psychologist's leave ended in August."""
    for file in site.html_files():
        assert "Psihologs atvaļinājumā" not in file.read_text("utf-8"), file
        assert "Psychologist on leave" not in file.read_text("utf-8"), file


def test_no_script_is_loaded_when_no_notice_is_current(built_on):
    tree = built_on["2026-12-27"].tree("/")
    assert not [s for s in tree.xpath("//script/@src") if "notice-expiry" in s]
    tree = built_on["2026-12-12"].tree("/")
    assert [s for s in tree.xpath("//script/@src") if "notice-expiry" in s]


@pytest.fixture
def page_in_new_york(browser, served_site):
    """A reader far from Riga: the script must still count days in Riga."""
    context = browser.new_context(timezone_id="America/New_York")
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        served_site.url) else route.abort())
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("now", "banner_shown"), [
    ("2026-11-25T21:30:00Z", True),   # 23:30 in Riga on the storm notice's last day
    ("2026-11-25T22:30:00Z", False),  # 00:30 on 26 November in Riga
])
def test_the_browser_hides_a_notice_once_its_end_date_has_passed_in_riga(
        page_in_new_york, served_site, now, banner_shown):
    """The sample site is built as on 23 November, when the snowstorm notice (to 25
    November) is current; a reader who opens that page later must not see it."""
    page = page_in_new_york
    page.clock.install(time=now)
    page.goto(served_site.url + "/")
    banner = page.locator(".notice-banner")
    if banner_shown:
        assert banner.is_visible()
    else:
        page.wait_for_function("document.querySelector('.notice-banner').hidden")
        assert not banner.is_visible()
    kitchen = page.get_by_role("heading", name="Sociālā virtuve Ziemassvētkos slēgta")
    assert kitchen.is_visible(), "a notice still current stays"


@pytest.mark.parametrize(("day", "shown"), [("2026-11-25", True), ("2026-12-12", False)])
def test_an_office_notice_shows_under_the_office_on_where_to_get_help(built_on, day, shown):
    tree = built_on[day].tree("/kur-sanemt-palidzibu/")
    town = tree.xpath('//section[@aria-labelledby="area-pilseta"]')[0]
    parish = tree.xpath('//section[@aria-labelledby="area-eglupe"]')[0]
    assert (REPAIRS["lv"] in _titles(town)) is shown
    assert REPAIRS["lv"] not in _titles(parish)
