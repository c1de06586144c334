"""Dates as editors write them: ISO `2010-06-11` or Latvian `11.06.2010` (with an
optional trailing dot, as the department's old site printed them), optionally followed
by a time `10:00`. Times are local (Europe/Riga) unless an offset is given."""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_LATVIAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")

ACCEPTED = "2010-06-11 or 11.06.2010, optionally with a time such as 10:00"


def parse_date(value, timezone: str = "Europe/Riga") -> datetime | None:
    """Return an aware datetime, or None when the value is not a date we accept."""
    zone = ZoneInfo(timezone)
    if isinstance(value, datetime):
        return value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=zone)
    if not isinstance(value, str):
        return None
    day_part, _, time_part = value.strip().partition(" ")
    clock = time()
    if time_part:
        match = _TIME.match(time_part.strip())
        if not match:
            return None
        try:
            clock = time(int(match[1]), int(match[2]))
        except ValueError:
            return None
    if match := _ISO.match(day_part):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _LATVIAN.match(day_part):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    else:
        return None
    try:
        return datetime.combine(date(year, month, day), clock, tzinfo=zone)
    except ValueError:
        return None


def as_typed(data, key: str) -> str:
    """The value of `key` ("closes", "meetings[1].end") in raw front matter `data` as the
    editor typed it, for messages: `05.11.2025` stays so (YAML reads `2025-11-05` as a
    date, printed the same)."""
    value = data
    for name, index in re.findall(r"([^.[\]]+)|\[(\d+)\]", key):
        value = value[int(index)] if index else value[name]
    return str(value)


def written_like(typed: str, day: date) -> str:
    """`day` in the form of a date the editor typed (`11.06.2010` or `2010-06-11`), for a
    message that suggests a date."""
    if _LATVIAN.match(typed.strip().partition(" ")[0]):
        return f"{day:%d.%m.%Y}"
    return day.isoformat()


def build_today(settings) -> date:
    """The day the build publishes for: `BUILD_DATE` (tests and previews of a
    scheduled day set it), else today in the site's time zone."""
    configured = settings.get("BUILD_DATE")
    if configured:
        parsed = parse_date(configured, settings.get("TIMEZONE", "Europe/Riga"))
        if parsed is None:
            raise ValueError(f"BUILD_DATE: '{configured}' is not a date — write it as {ACCEPTED}")
        return parsed.date()
    return datetime.now(ZoneInfo(settings.get("TIMEZONE", "Europe/Riga"))).date()
