"""Consultation meetings as iCalendar files: parsed with icalendar, times in Europe/Riga on
both sides of the daylight-saving change, the page address in each event, stable UIDs."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from site_helpers import BuiltSite, build_site

PLAN_2024 = "jaunumi/2024/apspriesanai-nodots-socialo-pakalpojumu-attistibas-plans/"
HOUSING = "jaunumi/2026/aicinam-izteikt-viedokli-par-majokla-pabalsta-grozijumiem/"
HOME_CARE = "jaunumi/2026/aicinas-apspriest-samaksu-par-aprupi-majas/"


def _en(site, latvian: str) -> str:
    """The English page of a Latvian one (its own English address), without the '/'."""
    return site.translation_of("/" + latvian).lstrip("/")


def _calendar(site, url) -> Calendar:
    file = site.file_for(url)
    assert file is not None, url
    return Calendar.from_ical(file.read_bytes())


def test_every_calendar_file_parses_with_riga_times(site):
    files = sorted(site.root.rglob("*.ics"))
    assert len(files) == 2 + 7 + 7  # a feed per language, 7 meetings in each
    for file in files:
        calendar = Calendar.from_ical(file.read_bytes())
        assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Riga"], file
        for event in calendar.events:
            assert str(event.start.tzinfo) == "Europe/Riga", file


@pytest.mark.parametrize(("url", "wall_clock", "utc", "name"), [
    (f"{PLAN_2024}sanaksme-1.ics", datetime(2024, 10, 17, 17, 30),
     datetime(2024, 10, 17, 14, 30, tzinfo=UTC), "EEST"),  # summer time, UTC+3
    (f"{HOUSING}sanaksme-1.ics", datetime(2026, 11, 26, 17, 30),
     datetime(2026, 11, 26, 15, 30, tzinfo=UTC), "EET"),  # winter time, UTC+2
])
def test_times_carry_europe_riga_across_the_daylight_saving_change(site, url, wall_clock,
                                                                   utc, name):
    raw = site.file_for(url).read_text("utf-8")
    assert f"DTSTART;TZID=Europe/Riga:{wall_clock:%Y%m%dT%H%M%S}" in raw
    calendar = Calendar.from_ical(raw)
    event = calendar.events[0]
    assert event.start.replace(tzinfo=None) == wall_clock
    assert event.start.astimezone(UTC) == utc
    # the VTIMEZONE itself (what a calendar without a zone database uses) gives that offset
    own_zone = calendar.timezones[0].to_tz()
    assert wall_clock.replace(tzinfo=own_zone).astimezone(UTC) == utc
    assert wall_clock.replace(tzinfo=own_zone).tzname() == name


def test_an_event_links_back_to_its_page(site):
    event = _calendar(site, f"/{_en(site, HOUSING)}meeting-1.ics").events[0]
    page = f"{site.url}/{_en(site, HOUSING)}"
    assert event.url == page
    assert event.description.splitlines()[-1] == page
    assert site.file_for(page) is not None
    assert event.summary == ("How the housing benefit calculation will change — "
                             "Have your say on changes to the housing benefit rules")
    assert "Join online: https://video.example.lv/majokla-pabalsts" in event.description
    assert event.location == "Social Service hall, Raiņa iela 15, Novada pilsēta"
    assert event.end - event.start == timedelta(minutes=90)


@pytest.mark.parametrize(("url", "name", "words"), [
    ("/apspriesanas/sanaksmes.ics",
     "Sabiedrisko apspriešanu sanāksmes — Novada Sociālais dienests",
     "Pieslēgties tiešsaistē"),
    ("/en/consultations/meetings.ics",
     "Public consultation meetings — Municipal Social Service", "Join online"),
])
def test_each_language_has_a_feed_of_the_meetings_ahead(site, url, name, words):
    calendar = _calendar(site, url)
    assert calendar.calendar_name == name
    assert calendar["X-WR-CALNAME"] == name
    starts = [event.start for event in calendar.events]
    # 19 November (Avotkalne) is before the build day; 26 November and 9 December are ahead
    assert [(s.month, s.day, s.hour, s.minute) for s in starts] == [
        (11, 26, 17, 30), (12, 9, 17, 0)]
    assert all(words in event.description for event in calendar.events)
    assert [e.uid for e in calendar.events] == [
        "news-2026-aicinam-izteikt-viedokli-par-majokla-pabalsta-grozijumiem-meeting-1"
        "@socialais-dienests.example.lv",
        "news-2026-aicinas-apspriest-samaksu-par-aprupi-majas-meeting-1"
        "@socialais-dienests.example.lv",
    ]


def test_a_meeting_has_one_uid_in_both_languages(site):
    lv = _calendar(site, f"/{HOME_CARE}sanaksme-1.ics").events[0]
    en = _calendar(site, f"/{_en(site, HOME_CARE)}meeting-1.ics").events[0]
    assert lv.uid == en.uid
    assert lv.summary.startswith("Samaksa par aprūpi mājās un dienas centriem — ")
    assert en.summary.startswith("Charges for home care and day centres — ")


STORY = """---
title: {title}
date: 2026-11-02
kind: consultation
subject: Dienas centra darba laiks
opens: 2026-11-02
closes: 2026-11-30
meetings:
  - start: 2026-11-10 17:00
  - start: {second}
---
Teksts.
"""


def _uids(tmp_path, title, second) -> dict[str, str]:
    bundle = tmp_path / "content/news/2026/darba-laiks"
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "index.lv.md").write_text(STORY.format(title=title, second=second), "utf-8")
    result = build_site(tmp_path / "content", tmp_path / "output", today="2026-11-03")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "output", "")
    feed = _calendar(site, "/apspriesanas/sanaksmes.ics")
    return {event.start.isoformat(): event.uid for event in feed.events}


def test_uids_survive_a_new_title_and_a_moved_meeting(tmp_path):
    first = _uids(tmp_path, "Apspriež darba laiku", "2026-11-20 17:00")
    retitled = _uids(tmp_path, "Aicinām apspriest dienas centra darba laiku",
                     "2026-11-20 17:00")
    assert retitled == first
    moved = _uids(tmp_path, "Aicinām apspriest dienas centra darba laiku", "2026-11-24 18:00")
    assert list(moved.values()) == list(first.values())
    assert list(moved) == ["2026-11-10T17:00:00+02:00", "2026-11-24T18:00:00+02:00"]
