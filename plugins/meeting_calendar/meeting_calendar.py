"""Consultation meetings as iCalendar files, made with `icalendar`.

Signal `get_generators`: `MeetingCalendarGenerator`
- `generate_context`: every meeting of `consultations_by_lang` (the consultations plugin)
  gets `calendar_url`, the ICS file beside its story (`MEETING_CALENDAR["event_file"]`), so
  the story page can offer "Add to calendar";
- `generate_output`: writes that file for each meeting, and per language a feed of the
  meetings from the build day on (`MEETING_CALENDAR["feed"]`) to subscribe to.

Each event carries a VTIMEZONE and TZID Europe/Riga (wall-clock times stay right across the
daylight-saving change), the story's address as URL and at the end of DESCRIPTION (so an
entry in a phone's calendar links back), and a UID made from the story's folder and the
meeting's position — retitling a story or moving a meeting keeps it, so calendars update
the entry instead of adding a second one.
"""

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator

from content_schema import build_today
from ui_language.ui_language import load_catalog


def _texts(settings, lang):
    return load_catalog(str(Path(settings["UI_TRANSLATIONS_DIR"])), lang).gettext


def event_uid(consultation, meeting, settings) -> str:
    folder = consultation.story.bundle.replace("/", "-")
    return f"{folder}-meeting-{meeting.number}@{settings['MEETING_CALENDAR']['uid_domain']}"


# `icalendar` is imported where a calendar is made: a build after an edit to story texts
# alone keeps every calendar (FRONT_MATTER_OUTPUT) and need not pay for the import
# (0.07-0.09 CPU s, docs/incremental-build.md).


def meeting_event(consultation, meeting, settings):
    from icalendar import Event

    story = consultation.story
    text = _texts(settings, story.lang)
    page = f"{settings['SITEURL']}/{story.url}"
    lines = [f"{text('Public consultation')}: {consultation.subject}"]
    if meeting.place:
        lines.append(f"{text('Place')}: {meeting.place}")
    if meeting.online:
        lines.append(f"{text('Join online')}: {meeting.online}")
    if meeting.recording:
        lines.append(f"{text('Recording')}: {meeting.recording}")
    lines += ["", story.title, page]
    stamp = getattr(story, "modified", None) or story.date
    return Event.new(
        uid=event_uid(consultation, meeting, settings),
        summary=f"{meeting.topic} — {story.title}" if meeting.topic else story.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.place or meeting.online,
        url=page,
        description="\n".join(lines),
        stamp=stamp.astimezone(ZoneInfo("UTC")),
    )


def calendar_of(events, settings, lang, uid, name, **extra) -> bytes:
    """A calendar of events with the VTIMEZONE of the site's zone for the days they span
    (the build day for a feed with no meetings): a one-meeting file then carries a single
    observance, which keeps the ~350 files of ten years of consultations small and quick."""
    # (an event without DTEND has its start as its end)
    from icalendar import Calendar, Timezone

    days = [moment.date() for event in events for moment in (event.start, event.end)
            ] or [build_today(settings)]
    calendar = Calendar.new(
        prodid=f"-//{settings['SITENAME']}//meeting_calendar//{lang.upper()}",
        uid=uid, name=name, language=lang, **extra,
        subcomponents=[Timezone.from_tzid(settings["TIMEZONE"], first_date=min(days),
                                          last_date=max(days) + timedelta(days=1)),
                       *events])
    return calendar.to_ical()


class MeetingCalendarGenerator(Generator):
    def generate_context(self):
        event_files = self.settings["MEETING_CALENDAR"]["event_file"]
        for lang, consultations in self.context.get("consultations_by_lang", {}).items():
            for consultation in consultations:
                for meeting in consultation.meetings:
                    meeting.calendar_url = consultation.story.url + event_files[lang].format(
                        number=meeting.number)

    def _write(self, url, data: bytes):
        target = Path(self.output_path) / url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def generate_output(self, writer):
        settings = self.settings
        domain = settings["MEETING_CALENDAR"]["uid_domain"]
        today = build_today(settings)
        for lang, consultations in self.context.get("consultations_by_lang", {}).items():
            upcoming = []
            for consultation in consultations:
                for meeting in consultation.meetings:
                    event = meeting_event(consultation, meeting, settings)
                    self._write(meeting.calendar_url, calendar_of(
                        [event], settings, lang, uid=f"{lang}-{event.uid}", name=event.summary))
                    if meeting.start.date() >= today:
                        upcoming.append(event)
            upcoming.sort(key=lambda event: event.start)
            feed = settings["MEETING_CALENDAR"]["feed"][lang]
            text = _texts(settings, lang)
            self._write(feed, calendar_of(
                upcoming, settings, lang, uid=f"meetings-{lang}@{domain}",
                name=f"{text('Public consultation meetings')} — "
                     f"{settings['DEPARTMENT'][lang]['name']}",
                url=f"{settings['SITEURL']}/{feed}", refresh_interval=timedelta(days=1)))


def get_generators(pelican):
    return MeetingCalendarGenerator


def register():
    signals.get_generators.connect(get_generators)
