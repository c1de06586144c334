"""A consultation as the templates and the calendar see it: its period, status on the
build day, meetings in time order and documents with their type and size."""

import math
import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import quote, urlsplit

from babel.units import format_unit

# Status on a given day, in the order residents care about them.
UPCOMING, OPEN, CLOSED, RESULTS = "upcoming", "open", "closed", "results"


@dataclass
class Meeting:
    number: int  # 1-based position in the front matter: the calendar's stable UID uses it
    start: datetime
    end: datetime | None = None
    topic: str | None = None
    place: str | None = None
    online: str | None = None
    recording: str | None = None
    past: bool = False  # began before the build day
    calendar_url: str | None = None  # set by the meeting_calendar plugin


@dataclass
class Document:
    title: str
    url: str  # site-relative for a file in the bundle, absolute for a link
    is_file: bool
    file_type: str | None = None  # "PDF", "ODT" … from the name
    size: str | None = None  # "245 kB", in the story's language

    @property
    def host(self) -> str | None:
        """The website a link leads to (`tapportals.mk.gov.lv`)."""
        return None if self.is_file else urlsplit(self.url).hostname


@dataclass
class Consultation:
    story: object  # the Pelican Article
    subject: str
    opens: datetime
    closes: datetime
    status: str
    status_day: date  # the build's day, on which `status` holds
    regulation: bool = False
    results: str | None = None
    participation: dict = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    @property
    def closes_has_time(self) -> bool:
        return self.closes.time() != time()

    @property
    def closes_at(self) -> datetime:
        """The moment it stops being open: the given time, else the end of the last day."""
        return self.closes if self.closes_has_time else self.closes + timedelta(days=1)

    @property
    def is_current(self) -> bool:
        return self.status in (UPCOMING, OPEN)

    @property
    def next_meeting(self) -> Meeting | None:
        return next((m for m in self.meetings if not m.past), None)


def status_on(day: date, opens: datetime, closes: datetime, results: str | None) -> str:
    if day < opens.date():
        return UPCOMING
    if day <= closes.date():
        return OPEN
    return RESULTS if results else CLOSED


def file_size(size_bytes: int, locale: str) -> str:
    """`245 kB`, `1,2 MB` (CLDR units in the reader's language); never `0 kB`."""
    if size_bytes < 1000 * 1000:
        return format_unit(max(1, math.ceil(size_bytes / 1000)), "digital-kilobyte",
                           length="short", locale=locale)
    return format_unit(round(size_bytes / 1000 / 1000, 1), "digital-megabyte",
                       length="short", locale=locale)


def file_type(name: str) -> str | None:
    extension = os.path.splitext(name.split("?")[0])[1].lstrip(".")
    return extension.upper() if extension.isalnum() and len(extension) <= 4 else None


def bundle_file(story, name: str) -> str | None:
    """Absolute path of `name` inside the story's folder, or None when it is not there."""
    folder = os.path.dirname(os.path.abspath(story.source_path))
    path = os.path.normpath(os.path.join(folder, name))
    return path if path.startswith(folder + os.sep) and os.path.isfile(path) else None


def _document(story, entry: dict, settings) -> Document:
    title = entry["title"]
    if "link" in entry:
        return Document(title, entry["link"], False, file_type(entry["link"]))
    path = bundle_file(story, entry.get("file", ""))
    relative = os.path.relpath(path or os.path.join(os.path.dirname(story.source_path),
                                                     entry.get("file", "")),
                               settings["PATH"]).replace(os.sep, "/")
    size = None
    if path:
        locale = settings["LANGUAGES"][story.lang]["locale"]
        size = file_size(os.path.getsize(path), locale)
    # Pelican's static generator publishes bundle attachments at STATIC_URL; a name as an
    # upload keeps it (spaces, diacritics) is written percent-encoded in the address
    return Document(title, settings["STATIC_URL"].format(path=quote(relative)), True,
                    file_type(relative), size)


def consultation_of(story, settings, today: date) -> Consultation:
    meetings = sorted(
        (Meeting(number, m["start"], m.get("end"), m.get("topic"), m.get("place"),
                 m.get("online"), m.get("recording"), past=m["start"].date() < today)
         for number, m in enumerate(getattr(story, "meetings", None) or [], 1)),
        key=lambda meeting: meeting.start)
    results = getattr(story, "results", None)
    return Consultation(
        story=story,
        subject=story.subject,
        opens=story.opens,
        closes=story.closes,
        status=status_on(today, story.opens, story.closes, results),
        status_day=today,
        regulation=getattr(story, "regulation", False),
        results=results,
        participation=getattr(story, "participation", None) or {},
        meetings=meetings,
        documents=[_document(story, d, settings)
                   for d in getattr(story, "documents", None) or []],
    )
