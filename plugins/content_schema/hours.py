"""Weekly opening and reception hours as editors write them: `Mon 9:00–12:00`,
`Mon–Fri 8:30–16:00` or `Mon, Wed 13:00–16:00` — English day abbreviations, then the
times with an en dash or a hyphen between them. Social-service providers must publish
their reception times (MK noteikumi Nr. 338, p. 3.4), so a time that does not parse
stops the build instead of being shown as the editor typed it."""

import re
from dataclasses import dataclass
from datetime import time

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ACCEPTED = "Mon 9:00–12:00, Mon–Fri 8:30–16:00 or Mon, Wed 13:00–16:00"

_DAY = "|".join(DAYS)
_DASH = r"\s*[–-]\s*"
_PATTERN = re.compile(
    rf"^(?P<days>(?:{_DAY})(?:{_DASH}(?:{_DAY})|(?:\s*,\s*(?:{_DAY}))*))"
    rf"\s+(?P<opens>\d{{1,2}}:\d{{2}}){_DASH}(?P<closes>\d{{1,2}}:\d{{2}})$"
)


@dataclass(frozen=True)
class WeeklyHours:
    days: tuple[int, ...]  # 0 = Monday
    opens: time
    closes: time
    is_range: bool  # written as Mon–Fri: shown as a range, not as five days

    @property
    def last_day(self) -> int:
        return self.days[-1]


_BARE_DAYS = re.compile(rf"^(?:{_DAY})(?:\s*,\s*(?:{_DAY}))*$")


def rejoin_split_days(items: list[str]) -> list[tuple[int, str]]:
    """In a YAML list written on one line, `[Mon, Wed 13:00–16:00]`, the comma splits the
    days into two items: a bare day is joined to the item after it. Returns each entry
    with the index of its first item (for the problem's line)."""
    entries, pending, first = [], [], None
    for index, item in enumerate(items):
        if _BARE_DAYS.match(item) and index + 1 < len(items):
            pending.append(item)
            first = index if first is None else first
            continue
        entries.append((index if first is None else first, ", ".join([*pending, item])))
        pending, first = [], None
    return entries


class HoursError(ValueError):
    """Why a text is not a day and time; the message ends a Problem line."""


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    try:
        return time(hours, minutes)
    except ValueError:
        raise HoursError("has an hour or a minute that does not exist") from None


def parse_hours(text: str) -> WeeklyHours:
    match = _PATTERN.match(str(text).strip())
    if not match:
        raise HoursError("is not a day and time")
    day_names = re.split(r"\s*[–,-]\s*", match["days"])
    days = tuple(DAYS.index(name) for name in day_names)
    is_range = "–" in match["days"] or "-" in match["days"]
    if is_range:
        first, last = days
        if last <= first:
            raise HoursError("the first day must come before the last")
        days = tuple(range(first, last + 1))
    elif len(set(days)) != len(days) or list(days) != sorted(days):
        raise HoursError("name each day once, from Monday to Sunday")
    opens, closes = _clock(match["opens"]), _clock(match["closes"])
    if closes <= opens:
        raise HoursError("ends before it starts")
    return WeeklyHours(days, opens, closes, is_range)
