"""Where to get help: offices and reception hours in both languages, the pages of each
office, the offices a service links to, and how reception hours are read."""

from collections import defaultdict
from datetime import time

import pytest
import yaml

from content_schema import read_front_matter
from content_schema.hours import HoursError, parse_hours
from site_helpers import ROOT
from typography import quote_text

OFFICES = ROOT / "content" / "offices"
SETTINGS = {}
exec((ROOT / "pelicanconf.py").read_text("utf-8"), {"__file__": str(ROOT / "pelicanconf.py")},
     SETTINGS)
AREAS = SETTINGS["AREAS"]
HELP = {"lv": "/kur-sanemt-palidzibu/", "en": "/en/where-to-get-help/"}
WEEKDAYS = {"lv": ["pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena",
                   "sestdiena", "svētdiena"],
            "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"]}


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _offices() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text("utf-8"))
            for path in sorted(OFFICES.glob("*.yml"))}


def _area_sections(tree):
    return {section.xpath("./h2")[0].get("id"): section
            for section in tree.xpath('//section[@class="area"]')}


def test_offices_cover_at_least_six_areas_the_town_and_every_parish():
    served = {area for office in _offices().values() for area in office.get("areas", [])}
    assert served == set(AREAS)
    assert len(served) >= 6


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_where_to_get_help_lists_each_area_in_order_then_the_centres(site, lang):
    tree = site.tree(HELP[lang])
    assert tree.get("lang") == lang
    headings = [_text(h) for h in tree.xpath('//section[@class="area"]/h2')]
    centres = "Centri visiem iedzīvotājiem" if lang == "lv" else "Centres for all residents"
    assert headings == [area[lang] for area in AREAS.values()] + [centres]
    in_page = [a.get("href").split("#")[1] for a in tree.xpath('//nav[@class="area-nav"]//a')]
    assert in_page == list(_area_sections(tree))


@pytest.mark.parametrize(("lang", "area", "expected"), [
    ("lv", "eglupe", ["Egļupes pagasta pārvalde", "Santa Vītola, sociālais darbinieks",
                      "Otrdiena 08:30–12:00", "Ceturtdiena 08:30–12:00",
                      "Dace Ozola, sociālās palīdzības organizators", "Otrdiena 12:30–16:00",
                      "Pēc iepriekšēja pieraksta.", "+371 65300031"]),
    ("en", "eglupe", ["Egļupe parish administration", "Santa Vītola, social worker",
                      "Tuesday 08:30–12:00", "Thursday 08:30–12:00",
                      "Dace Ozola, social assistance organiser", "Tuesday 12:30–16:00",
                      "By appointment.", "Book by calling the specialist"]),
    ("lv", "pilseta", ["Sociālais dienests, Raiņa iela 15", "Pirmdiena 08:00–18:00",
                       "Otrdiena–ceturtdiena 08:00–17:00", "Laura Zariņa"]),
    ("en", "rudzupe", ["Rudzupe parish administration", "Rudzupe day centre",
                       "Tuesday–Friday 10:00–16:00", "Monday 08:30–12:00", "Friday 08:30–12:00"]),
])
def test_each_area_says_who_receives_residents_when_and_how_to_book(site, lang, area, expected):
    section = _area_sections(site.tree(HELP[lang]))[f"area-{area}"]
    text = _text(section)
    for phrase in expected:
        assert phrase in text, phrase


def test_each_parish_specialist_serves_two_areas_on_the_same_two_days(site):
    """The seed story: a specialist serves two parishes, two days a week, by appointment."""
    areas, days = defaultdict(set), defaultdict(set)
    tree = site.tree(HELP["lv"])
    parishes = [key for key in AREAS if key != "pilseta"]
    for key, section in _area_sections(tree).items():
        for person in section.xpath('.//li[@class="person"]'):
            name = _text(person.xpath('.//p[@class="person__name"]/strong')[0])
            areas[name].add(key)
            for hours in person.xpath('.//ul[@class="person__hours"]/li'):
                for day in _text(hours).lower().split()[0].split("–")[0].split(","):
                    days[name].add(WEEKDAYS["lv"].index(day.strip(",")))
    in_parishes = {name for name, where in areas.items()
                   if any(f"area-{p}" in where for p in parishes)}
    assert len(in_parishes) >= 6
    for name in in_parishes:
        assert len(areas[name]) == 2, (name, areas[name])
        assert len(days[name]) == 2, (name, days[name])
    for section in (_area_sections(tree)[f"area-{p}"] for p in parishes):
        assert "Pēc iepriekšēja pieraksta." in _text(section)


def _office_page(site, slug: str, lang: str) -> str:
    """An office's page: its file's name in Latvian, an English address of its own."""
    page = f"{HELP['lv']}{slug}/"
    return page if lang == "lv" else site.translation_of(page, lang)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_office_has_a_page_with_its_contacts_and_services(site, lang):
    services = {folder.name: read_front_matter(folder / f"index.{lang}.md").data
                for folder in (ROOT / "content" / "services").iterdir()}
    for slug, office in _offices().items():
        tree = site.tree(_office_page(site, slug, lang))
        assert tree.get("lang") == lang
        # typed quotes are published as the language's (plugins/typography)
        assert _text(tree.xpath("//h1")[0]) == quote_text(office["name"][lang],
                                                         SETTINGS["QUOTATION_MARKS"][lang])
        calls = [a.get("href") for a in tree.xpath('//a[starts-with(@href, "tel:")]')]
        assert "tel:" + office["phone"].replace(" ", "") in calls
        listed = {_text(a) for a in tree.xpath('//ul[@class="office-page__services"]//a')}
        expected = {data["title"] for folder, data in services.items()
                    if slug in read_front_matter(ROOT / "content" / "services" / folder
                                                 / "index.lv.md").data["offices"]}
        assert listed == expected, slug


def test_a_service_links_to_its_offices_and_shows_their_reception_hours(site):
    tree = site.tree("/pakalpojumi/sociala-virtuve/")
    section = tree.xpath('//section[@aria-labelledby="where-to-apply"]')[0]
    links = [a.get("href") for a in section.xpath('.//h3[@class="office__name"]/a')]
    assert [link.rsplit("/", 2)[1] for link in links] == ["sociala-virtuve", "socialais-dienests"]
    for link in links:
        assert site.file_for(link)
    assert "Pirmdiena–piektdiena 11:30–13:30" in _text(section)


def test_a_service_offered_in_every_parish_folds_its_offices(site):
    tree = site.tree(site.translation_of("/pakalpojumi/garantetais-minimalais-ienakums/"))
    folded = tree.xpath('//section[@aria-labelledby="where-to-apply"]//details')
    names = [_text(d.xpath("./summary")[0]) for d in folded]
    assert names == ["Social Service, Raiņa iela 15", "Avotkalne parish administration",
                     "Egļupe parish administration", "Kalnāji parish administration",
                     "Lejasmuiža parish administration", "Rudzupe parish administration"]
    for details in folded:
        assert details.xpath('.//ul[@class="person__hours"]/li')
        assert site.file_for(details.xpath(".//p/a")[-1].get("href"))


def test_a_centre_without_a_published_address_says_why(site):
    text = _text(site.tree(_office_page(site, "krizes-centrs", "en")).xpath("//main")[0])
    assert "Address" not in text
    assert "the address is not published" in text


@pytest.mark.parametrize(("text", "days", "opens", "closes"), [
    ("Mon 9:00–12:00", (0,), time(9), time(12)),
    ("Tue–Thu 8:30-16:00", (1, 2, 3), time(8, 30), time(16)),
    ("Mon, Wed 13:00–16:00", (0, 2), time(13), time(16)),
    ("  Sat 10:00 – 14:00 ", (5,), time(10), time(14)),
])
def test_reception_hours_are_read_strictly(text, days, opens, closes):
    hours = parse_hours(text)
    assert (hours.days, hours.opens, hours.closes) == (days, opens, closes)


@pytest.mark.parametrize(("text", "reason"), [
    ("Monday 9:00–12:00", "is not a day and time"),
    ("Mon 9–12", "is not a day and time"),
    ("P 9:00–12:00", "is not a day and time"),
    ("Mon 9.00–12.00", "is not a day and time"),
    ("Mon 12:00–9:00", "ends before it starts"),
    ("Fri–Mon 9:00–12:00", "the first day must come before the last"),
    ("Wed, Mon 9:00–12:00", "name each day once, from Monday to Sunday"),
    ("Mon 25:00–26:00", "has an hour or a minute that does not exist"),
])
def test_reception_hours_that_do_not_parse_say_why(text, reason):
    with pytest.raises(HoursError) as error:
        parse_hours(text)
    assert str(error.value) == reason
