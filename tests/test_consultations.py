"""Public consultations on the built site: status on a fixed day, the box at the top of a
story, meetings, documents with type and size, the Consultations pages and the home page,
in both languages."""

import pytest

from site_helpers import ROOT, BuiltSite, build_site

HOUSING = "jaunumi/2026/aicinam-izteikt-viedokli-par-majokla-pabalsta-grozijumiem/"
HOME_CARE = "jaunumi/2026/aicinas-apspriest-samaksu-par-aprupi-majas/"
SOUTH_KURZEME = "jaunumi/2021/dienvidkurzemes-novada-apspriez-socialas-aizsardzibas-planus/"


def _en(site, latvian: str) -> str:
    """The English page of a Latvian one (its own English address), without the '/'."""
    return site.translation_of("/" + latvian).lstrip("/")


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _status(site, url) -> str:
    return _text(site.tree(url).xpath('//*[@class="consultation-box"]'
                                      '//*[@data-consultation-status]')[0])


# --- status on a fixed day, on real builds -------------------------------------------

BUILD_DAY = "2026-03-29"
STORY_LV = """---
title: Apspriež {title}
date: 2026-03-02
kind: consultation
subject: Dienas centra “Pīlādzis” darba laiks
opens: {opens}
closes: {closes}
{results}---
Teksts.
"""
STORY_EN = """---
title: Consultation on {title}
subject: Opening hours of the day centre “Pīlādzis”
---
Text.
"""
# Consultations whose periods stand each in its own way to the build day: opens,
# closes, results, the status shown in Latvian and in English.
STATUSES = {
    "day-before": ("2026-03-30", "2026-04-19", "", "Gaidāma — sākums 2026. gada 30. marts",
                   "Upcoming: opens 30 March 2026"),
    "first-day": ("2026-03-29", "2026-04-18", "", "Atvērta — termiņš 2026. gada 18. aprīlis",
                  "Open until 18 April 2026"),
    "last-day": ("2026-03-09", "2026-03-29", "", "Atvērta — termiņš 2026. gada 29. marts",
                 "Open until 29 March 2026"),
    "day-after": ("2026-03-08", "2026-03-28", "", "Noslēgusies", "Closed"),
    "results": ("2026-02-09", "2026-03-01", "results: https://example.lv/rezultati\n",
                "Noslēgusies — rezultāti publicēti", "Closed: results published"),
}


@pytest.fixture(scope="module")
def statuses_site(tmp_path_factory) -> BuiltSite:
    """A consultation of each of STATUSES (titled by its name), built on BUILD_DAY."""
    root = tmp_path_factory.mktemp("statuses")
    for name, (opens, closes, results, _, _) in STATUSES.items():
        bundle = root / "content/news/2026" / name
        bundle.mkdir(parents=True)
        (bundle / "index.lv.md").write_text(STORY_LV.format(
            title=name, opens=opens, closes=closes, results=results), "utf-8")
        (bundle / "index.en.md").write_text(STORY_EN.format(title=name), "utf-8")
    result = build_site(root / "content", root / "output", today=BUILD_DAY)
    assert result.returncode == 0, result.stderr
    return BuiltSite(root / "output", "")


@pytest.mark.parametrize("name", STATUSES)
def test_status_is_computed_for_the_build_day(statuses_site, name):
    *_, lv, en = STATUSES[name]
    built = statuses_site
    assert _status(built, f"/jaunumi/2026/{name}/") == lv
    assert _status(built, built.translation_of(f"/jaunumi/2026/{name}/")) == en
    listed = built.tree("/en/consultations/")
    section = "consultations-closed" if "Closed" in en else "consultations-current"
    assert listed.xpath(f'//section[@aria-labelledby="{section}"]'
                        f'//a[text()="Consultation on {name}"]')


# --- the sample site, built as on 2026-11-23 ----------------------------------------------

def test_an_open_consultation_shows_status_deadline_and_ways_to_take_part(site):
    tree = site.tree("/" + HOUSING)
    box = tree.xpath('//section[@class="consultation-box"]')[0]
    assert _status(site, "/" + HOUSING) == "Atvērta — termiņš 2026. gada 7. decembris"
    status = box.xpath('.//*[@data-consultation-status]')[0]
    assert status.get("data-opens") == "2026-11-16T00:00:00+02:00"
    assert status.get("data-closes-at") == "2026-12-08T00:00:00+02:00"  # end of the 7th
    facts = {_text(d.getprevious()): _text(d) for d in box.xpath(".//dd")}
    assert facts["Ko apspriež"] == "Grozījumi saistošajos noteikumos „Par mājokļa pabalstu”"
    # a CLDR interval: the shared year said once
    assert facts["Norises laiks"] == "2026. gada 16. novembris – 7. decembris"
    assert facts["Nākamā sanāksme"] == "2026. gada 26. novembris, 17:30"
    ways = [_text(li) for li in box.xpath('.//*[@id="take-part"]//li')]
    assert ways == [
        "Pa e-pastu: socialais.dienests@example.lv",
        "Uz mūsu e-adresi portālā latvija.gov.lv: Novada Sociālais dienests (latvija.gov.lv)",
        "Pa pastu: Novada Sociālais dienests, Raiņa iela 15, Novada pilsēta, LV-5301",
        "Klātienē: Sociālajā dienestā Raiņa ielā 15 darba laikā vai jebkurā pagasta pārvaldē",
    ]
    assert box.xpath('.//a[@href="mailto:socialais.dienests@example.lv"]')
    assert box.xpath('.//a[@href="https://www.latvija.gov.lv/"]')  # where an e-address is
    # the box comes before the story's text
    assert tree.xpath('//section[@class="consultation-box"]/following-sibling::div'
                      '[contains(@class, "story__body")]')


def test_a_closed_consultation_no_longer_asks_for_proposals(site):
    assert _status(site, "/" + SOUTH_KURZEME) == "Noslēgusies"
    assert _status(site, "/" + _en(site, SOUTH_KURZEME)) == "Closed"
    assert not site.tree("/" + SOUTH_KURZEME).xpath('//*[@id="take-part"]')


def test_meetings_are_listed_in_riga_time_with_their_links(site):
    tree = site.tree("/" + _en(site, HOUSING))
    meeting = tree.xpath('//li[@id="meeting-1"]')[0]
    assert _text(meeting.xpath(".//h3")[0]) == "26 November 2026, 17:30–19:00"
    assert meeting.xpath('.//time')[0].get("datetime") == "2026-11-26T17:30:00+02:00"
    links = {_text(a): a.get("href") for a in meeting.xpath(".//a")}
    assert links["Join online"] == "https://video.example.lv/majokla-pabalsts"
    calendar = links["Add to calendar"]
    assert calendar == f"{site.url}/{_en(site, HOUSING)}meeting-1.ics"
    assert site.file_for(calendar) is not None


def test_the_south_kurzeme_meetings_carry_the_recording_and_the_next_topic(site):
    meetings = site.tree("/" + SOUTH_KURZEME).xpath('//ol[@class="meeting-list"]/li')
    assert [_text(m.xpath(".//h3")[0]) for m in meetings] == [
        "2021. gada 1. decembris, 17:30", "2021. gada 3. decembris, 17:30"]
    first, second = meetings
    assert [_text(a) for a in first.xpath(".//a")] == ["Skatīt ierakstu"]
    assert [_text(p) for m in meetings for p in m.xpath('.//p[@class="meeting__held"]')] == [
        "Sanāksme ir notikusi."] * 2
    assert "Pārvaldības un pakalpojumu sistēma" in _text(second)
    # past meetings offer neither joining nor adding to a calendar
    assert not second.xpath('.//a[text()="Pieslēgties tiešsaistē"]')


def test_documents_are_listed_with_type_and_size(site):
    bundle = ROOT / "content/news/2026/aicinam-izteikt-viedokli-par-majokla-pabalsta-grozijumiem"
    for url, expected in [
        (HOUSING, ["Saistošo noteikumu projekts (PDF, 39 kB)",
                   "Paskaidrojuma raksts (ODT, 3 kB)"]),
        (_en(site, HOUSING), ["Draft binding regulations (in Latvian) (PDF, 39 kB)",
                      "Explanatory memorandum (in Latvian) (ODT, 3 kB)"]),
    ]:
        links = site.tree("/" + url).xpath('//ul[@class="document-list"]//a')
        assert [_text(a) for a in links] == expected
        for link in links:
            published = site.file_for(link.get("href"))
            assert published is not None, link.get("href")
            assert published.read_bytes() == (bundle / published.name).read_bytes()
    assert (bundle / "noteikumu-projekts.pdf").stat().st_size == 38127  # 38.1 kB → "39 kB"


def test_a_linked_document_names_the_site_it_leads_to(site):
    links = site.tree("/" + _en(site, SOUTH_KURZEME)).xpath('//ul[@class="document-list"]//a')
    assert [_text(a) for a in links] == [
        "Draft development planning documents on the municipality’s website (in Latvian) "
        "(www.pavilosta.lv)"]


@pytest.mark.parametrize(("url", "lang", "current", "closed"), [
    ("/apspriesanas/", "lv",
     ["Aicina apspriest dienas centra izveidi Avotkalnē",
      "Aicinām izteikt viedokli par grozījumiem mājokļa pabalsta noteikumos",
      "Decembrī aicinās apspriest samaksu par aprūpi mājās"],
     ["Apspriešanai nodots sociālo pakalpojumu attīstības plāns",
      "Aicinām vērtēt mājokļa pabalsta noteikumu projektu",
      "Dienvidkurzemes novadā apspriež sociālās aizsardzības plānus"]),
    ("/en/consultations/", "en",
     ["Residents invited to discuss a new day centre in Avotkalne",
      "Have your say on changes to the housing benefit rules",
      "Consultation on charges for home care to open in December"],
     ["Draft social services development plan open for consultation",
      "South Kurzeme discusses its plans for social protection"]),
])
def test_consultations_page_lists_open_and_upcoming_first_then_closed(site, url, lang,
                                                                      current, closed):
    tree = site.tree(url)
    assert tree.get("lang") == lang

    def titles(section):
        return [_text(a) for a in tree.xpath(
            f'//section[@aria-labelledby="{section}"]//h3/a')]

    assert titles("consultations-current") == current  # soonest deadline first
    assert titles("consultations-closed") == closed  # most recently closed first
    calendar = tree.xpath('//section[@aria-labelledby="consultations-calendar"]//a')[0]
    assert site.file_for(calendar.get("href")) is not None
    nav = tree.xpath('//nav[@class="main-nav"]//a[@aria-current="page"]')
    assert [a.get("href") for a in nav] == [f"{site.url}{url}"]


def test_home_page_shows_the_open_consultations_before_the_news(site):
    # built, the count names the build's day: without JavaScript it stays true
    for url, heading, count_line in [
        ("/", "Izsakiet savu viedokli",
         "Atvērtās sabiedriskās apspriešanas (2026. gada 23. novembris): 2."),
        ("/en/", "Have your say", "Public consultations open on 23 November 2026: 2."),
    ]:
        section = site.tree(url).xpath('//section[@class="home-consultations"]')[0]
        assert section.xpath('following::section[@class="home__news"]')
        assert _text(section.xpath("h2")[0]) == heading
        assert _text(section.xpath("p")[0]) == count_line
        statuses = [_text(p) for p in section.xpath('.//*[@data-consultation-status]')]
        assert len(statuses) == 2
        assert all(s.startswith(("Atvērta", "Open")) for s in statuses), statuses


def test_pages_with_a_status_load_the_correcting_script_and_others_do_not(site):
    def scripts(url):
        return [s.get("src") for s in site.tree(url).xpath("//script[@src]")
                if "consultation-status" in s.get("src")]

    for url in ("/", "/en/", "/apspriesanas/", "/" + HOUSING, "/" + _en(site, SOUTH_KURZEME)):
        assert len(scripts(url)) == 1, url
        assert site.file_for(scripts(url)[0]) is not None
    assert scripts("/kontakti/") == []
    assert scripts("/jaunumi/2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos/") == []
    for script in site.tree("/" + HOUSING).xpath('//script[not(@type="application/ld+json")]'):
        assert script.get("src") and script.get("defer") is not None  # no inline scripts


# --- the browser corrects a status built before a date passed --------------------------
# On the module's page (`reused_page`): each test sets the page's clock before it loads.

def _shown_status(page, url, now):
    page.clock.set_fixed_time(now)
    page.goto(url)
    return page.locator(".consultation-box [data-consultation-status]")


@pytest.mark.browser
def test_the_script_closes_a_consultation_once_its_deadline_passes(reused_page, served_site):
    url = f"{served_site.url}/{HOUSING}"
    status = _shown_status(reused_page, url, "2026-12-07T23:59:00+02:00")
    assert status.inner_text() == "Atvērta — termiņš 2026. gada 7. decembris"
    assert reused_page.locator("#take-part").is_visible()

    status = _shown_status(reused_page, url, "2026-12-08T00:00:01+02:00")
    assert status.inner_text() == "Noslēgusies"
    assert status.get_attribute("data-consultation-status") == "closed"
    assert reused_page.locator("#take-part").is_hidden()


@pytest.mark.browser
def test_the_script_opens_an_upcoming_consultation_on_its_first_day(reused_page, served_site):
    address = f"{served_site.url}/{_en(served_site, HOME_CARE)}"
    status = _shown_status(reused_page, address, "2026-11-30T23:59:00+02:00")
    assert status.inner_text() == "Upcoming: opens 1 December 2026"
    status = _shown_status(reused_page, address, "2026-12-01T00:00:01+02:00")
    assert status.inner_text() == "Open until 15 December 2026"


@pytest.mark.browser
@pytest.mark.parametrize(("url", "now", "count", "open_cards"), [
    ("/", "2026-11-30T12:00:00+02:00", "Šobrīd notiek 2 sabiedriskās apspriešanas.", 2),
    # Avotkalne closed on 1 December, the housing benefit's on 7 December
    ("/", "2026-12-02T09:00:00+02:00", "Šobrīd notiek 1 sabiedriskā apspriešana.", 1),
    ("/en/", "2026-12-02T09:00:00+02:00", "1 public consultation is open now.", 1),
    ("/en/", "2026-12-08T00:00:01+02:00", "No consultation is open at the moment.", 0),
])
def test_the_home_pages_count_agrees_with_its_cards_between_builds(
        reused_page, served_site, url, now, count, open_cards):
    reused_page.clock.set_fixed_time(now)
    reused_page.goto(served_site.url + url)
    section = reused_page.locator(".home-consultations")
    assert section.locator("[data-consultations-open-count]").inner_text() == count
    assert section.locator('[data-consultation-status="open"]').count() == open_cards


@pytest.mark.browser
def test_the_script_corrects_every_card_of_the_consultations_page(reused_page, served_site):
    reused_page.clock.set_fixed_time("2026-12-02T09:00:00+02:00")  # Avotkalne closed 1 December
    reused_page.goto(f"{served_site.url}/en/consultations/")
    current = reused_page.locator(
        '[aria-labelledby="consultations-current"] [data-consultation-status]')
    assert current.all_inner_texts() == [
        "Closed", "Open until 7 December 2026", "Open until 15 December 2026"]
