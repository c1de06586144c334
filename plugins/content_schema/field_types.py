"""One check per field type (`CHECKS`): each takes a value as typed and returns the
clean value and the problems of it (a list, empty when the value is good).

`check_fields()` applies them to a mapping of fields (a file's front matter, a record):
an unknown field, a bad value and a missing required field are each one Problem."""

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from typography import quote_text

from .addresses import on_this_computer
from .dates import ACCEPTED as ACCEPTED_DATES
from .dates import parse_date
from .fields import Field
from .front_matter import FrontMatter
from .hours import ACCEPTED as ACCEPTED_HOURS
from .hours import HoursError, parse_hours, rejoin_split_days
from .problems import Problem
from .slugs import slugify_title


@dataclass(frozen=True)
class Place:
    """Where the values are: the file (as the editor knows it), its front matter (for the
    line of each key; None for values with no file lines), the settings and the language
    its text is written in (None in a data file, whose text is per language)."""

    path: str
    front_matter: FrontMatter | None
    settings: Mapping
    lang: str | None = None

    def line(self, key: str, otherwise: int = 1) -> int:
        return self.front_matter.line(key) if self.front_matter else otherwise

    def as_typed(self, key: str, value):
        """`value` as the editor typed it where YAML read it as other than text."""
        return self.front_matter.as_typed.get(key, value) if self.front_matter else value


Checked = tuple[object, list[Problem]]  # (clean value or None, problems)


def _allowed(field: Field, settings: Mapping) -> tuple[str, ...]:
    if isinstance(field.choices, str):
        return tuple(settings[field.choices])
    return tuple(field.choices or ())


def _url(name, field, value, place, line) -> Checked:
    text = str(value).strip()
    if not text.startswith(("https://", "http://", "mailto:")):
        return None, [Problem(place.path, line, name, "'{value}' is not a web address",
                              "write the full address, starting with https://",
                              params={"value": text})]
    if on_this_computer(text):  # copied from the preview's address bar
        return None, [Problem(place.path, line, name, "'{value}' is the preview on this "
                              "computer, which residents cannot open",
                              "write the address residents open, starting with https://",
                              params={"value": text})]
    return text, []


def _number(name, field, value, place, line) -> Checked:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None, [Problem(place.path, line, name, "'{value}' is not a number",
                              "write digits only, e.g. {field}: {example}",
                              params={"value": value, "field": name, "example": field.example})]
    return value, []


def _bool(name, field, value, place, line) -> Checked:
    if not isinstance(value, bool):
        return None, [Problem(place.path, line, name, "'{value}' is not yes or no",
                              "write {field}: true or {field}: false",
                              params={"value": value, "field": name})]
    return value, []


def _prose(name: str, field: Field, text: str, place: Place) -> str:
    """Text residents read with the quotation marks of its language: a per-language
    record's text is in the language that names it (`title.lv`), other text in the
    file's — a data file's text given once for every language (an office's address, a
    person's name) is a Latvian name, in the default language's; a file name, a web or
    e-mail address or a code is left as typed."""
    lang = name.rsplit(".", 1)[-1]
    if field.type != "text" or lang not in place.settings.get("LANGUAGES", ()):
        if not field.prose:
            return text
        lang = place.lang or place.settings.get("DEFAULT_LANG")
    return quote_text(text, place.settings.get("QUOTATION_MARKS", {}).get(lang))


def _text(name, field, value, place, line) -> Checked:
    if isinstance(value, (dict, list)):
        return None, [Problem(place.path, line, name, "must be plain text",
                              "write it on one line, e.g. {field}: {example}",
                              params={"field": name, "example": field.example})]
    text = str(value).strip()
    if not text:
        return None, [Problem(place.path, line, name, "is empty", "e.g. {field}: {example}",
                              params={"field": name, "example": field.example})]
    return _prose(name, field, text, place), []


# What a `mailto:` and a `tel:` link can be made of: one address (one @, a dot in the
# domain, no spaces, commas or brackets); one number (digits, the spaces or hyphens that
# group them; with + a whole international number). A typo, words or a second number
# would make a link that reaches nobody.
EMAIL = re.compile(r"[^\s@,;:<>()\[\]\"]+@[^\s@,;:<>()\[\]\"]+\.[^\s@,;:<>()\[\]\".]+")
PHONE = re.compile(r"\+\d(?:[ -]?\d){6,}|\d(?:[ -]?\d){2,}")  # 112; +371 and 8 digits


def _email(name, field, value, place, line) -> Checked:
    text, problems = _text(name, field, value, place, line)
    if problems or EMAIL.fullmatch(text):
        return text, problems
    return None, [Problem(place.path, line, name, "'{value}' is not an e-mail address",
                          "write one address without spaces, e.g. {field}: {example}",
                          params={"value": text, "field": name, "example": field.example})]


def _phone(name, field, value, place, line) -> Checked:
    text, problems = _text(name, field, value, place, line)
    if problems or PHONE.fullmatch(text):
        return text, problems
    return None, [Problem(place.path, line, name, "'{value}' is not one phone number",
                          "write one number in digits (spaces between them are fine), e.g. "
                          "{field}: {example}; words and a second number belong in a note",
                          params={"value": text, "field": name, "example": field.example})]


def _slug(name, field, value, place, line) -> Checked:
    """The last part of an address: what `slugify_title` makes of it, unchanged."""
    text, problems = _text(name, field, value, place, line)
    if problems or slugify_title(text) == text:
        return text, problems
    return None, [Problem(place.path, line, name, "'{value}' cannot be part of an address",
                          "use lower-case letters a–z, digits and hyphens, e.g. "
                          "{field}: {suggestion}",
                          params={"value": text, "field": name,
                                  "suggestion": slugify_title(text) or field.example})]


def _date(name, field, value, place, line) -> Checked:
    parsed = parse_date(value, place.settings.get("TIMEZONE", "Europe/Riga"))
    if parsed is None:
        return None, [Problem(place.path, line, name, "'{value}' is not a date",
                              "write it as {accepted}",
                              params={"value": value, "accepted": ACCEPTED_DATES})]
    return parsed, []


def _choice(name, field, value, place, line) -> Checked:
    allowed = _allowed(field, place.settings)
    if str(value) not in allowed:
        return None, [Problem(place.path, line, name, "'{value}' is not allowed",
                              "use one of: {choices}",
                              params={"value": value, "choices": ", ".join(allowed)})]
    return str(value), []


def _items(name, field, value, place, line) -> Checked:
    """The items of a list as text (`a, b` and a single value are lists too)."""
    items = value.split(",") if isinstance(value, str) and field.type == "list" else value
    items = [items] if isinstance(items, str) else items
    if not isinstance(items, list) or any(isinstance(i, (dict, list)) for i in items):
        return None, [Problem(place.path, line, name, "must be a list",
                              "write it as {field}: {example}",
                              params={"field": name, "example": field.example})]
    return [str(i).strip() for i in items if str(i).strip()], []


def _list(name, field, value, place, line) -> Checked:
    items, problems = _items(name, field, value, place, line)
    if problems:
        return None, problems
    allowed = _allowed(field, place.settings)
    for index, item in enumerate(items):
        if allowed and item not in allowed:
            return None, [Problem(place.path, place.line(f"{name}[{index}]", line), name,
                                  "'{value}' is not allowed", "use one of: {choices}",
                                  params={"value": item, "choices": ", ".join(allowed)})]
    return [_prose(name, field, item, place) for item in items], []


def _hours(name, field, value, place, line) -> Checked:
    """A list of weekly times (`Mon 9:00–12:00`), each parsed; a problem names the item."""
    items, problems = _items(name, field, value, place, line)
    if problems:
        return None, problems
    parsed = []
    for index, item in rejoin_split_days(items):
        try:
            parsed.append(parse_hours(item))
        except HoursError as error:
            return None, [Problem(place.path, place.line(f"{name}[{index}]", line), name,
                                  "'{value}' {reason}", "write it as {accepted}",
                                  params={"value": item, "reason": str(error),
                                          "accepted": ACCEPTED_HOURS})]
    return parsed, []


def _records(name, field, value, place, line) -> Checked:
    """A mapping (`record`) or a list of mappings (`records`), each checked field by field;
    a problem names the item, e.g. `meetings[1].start`."""
    single = field.type == "record"
    items = [value] if single else value
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None, [Problem(place.path, line, name,
                              "must be a group of fields" if single
                              else "must be a list of entries starting with '- '",
                              "see the example in the editor guide for '{field}'",
                              params={"field": name})]
    cleaned, problems = [], []
    for index, item in enumerate(items):
        values, item_problems = check_fields(item, field.fields or {}, place,
                                             name if single else f"{name}[{index}]")
        problems += item_problems
        cleaned.append(values)
    if problems:
        return None, problems
    return (cleaned[0] if single else cleaned), []


# {Field.type: check(name, field, value, place, line) -> (clean value, [Problem])}
CHECKS: dict[str, Callable[..., Checked]] = {
    "text": _text, "date": _date, "choice": _choice, "list": _list, "url": _url,
    "number": _number, "bool": _bool, "record": _records, "records": _records,
    "hours": _hours, "slug": _slug, "email": _email, "phone": _phone,
}


# The types whose value is text however YAML reads it (`title: yes`, `phone: 010203`).
TYPED_AS_TEXT = {"text", "email", "phone", "slug", "url", "choice"}


def check_fields(data: Mapping, fields: Mapping[str, Field], place: Place,
                 prefix: str = "") -> tuple[dict, list[Problem]]:
    """The clean values of `data` and the problems: unknown fields (with a guess), bad
    values, missing required fields. `prefix` names a record (`meetings[0]`)."""
    values, problems = {}, []
    for name, value in data.items():
        key = f"{prefix}.{name}" if prefix else str(name)
        line = place.line(key)
        field = fields.get(name)
        if field is None:
            guess = difflib.get_close_matches(str(name), fields, n=1, cutoff=0.6)
            problems.append(Problem(place.path, line, key, "is not a field we know",
                                    "did you mean {guess}?" if guess else "known fields: {known}",
                                    params={"guess": guess[0] if guess else "",
                                            "known": ", ".join(fields)}))
            continue
        if value is None:
            continue  # "name:" with nothing after it is the same as leaving it out
        if field.type in TYPED_AS_TEXT:
            value = place.as_typed(key, value)
        clean, value_problems = CHECKS[field.type](key, field, value, place, line)
        problems += value_problems
        if not value_problems:
            values[name] = clean
    for name, field in fields.items():
        key = f"{prefix}.{name}" if prefix else name
        if field.required and name not in values and not any(
                p.field == key or p.field.startswith((f"{key}.", f"{key}[")) for p in problems):
            problems.append(Problem(place.path, place.line(prefix) if prefix else 1, key,
                                    "is missing", "add a line such as  {field}: {example}",
                                    params={"field": name,
                                            "example": field.example_in(place.lang)}))
    return values, problems
