"""Check one file's front matter against FIELDS and return clean values."""

import difflib
import re
from collections.abc import Mapping

from .dates import ACCEPTED as ACCEPTED_DATES
from .dates import parse_date
from .fields import FIELDS, KIND_FIELDS, Field
from .front_matter import FrontMatter
from .hours import ACCEPTED as ACCEPTED_HOURS
from .hours import HoursError, parse_hours, rejoin_split_days
from .problems import Problem


def _allowed(field: Field, settings: Mapping) -> tuple[str, ...]:
    if isinstance(field.choices, str):
        return tuple(settings[field.choices])
    return tuple(field.choices or ())


def _clean(name, field, value, settings, path, line, front_matter=None):
    """Return (clean value, problem or None)."""
    if field.type in ("record", "records"):
        return _clean_records(name, field, value, settings, path, front_matter)
    if field.type == "url":
        text = str(value).strip()
        if not text.startswith(("https://", "http://", "mailto:")):
            return None, Problem(path, line, name, "'{value}' is not a web address",
                                 "write the full address, starting with https://",
                                 params={"value": text})
        return text, None
    if field.type == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None, Problem(path, line, name, "'{value}' is not a number",
                                 "write digits only, e.g. {field}: {example}",
                                 params={"value": value, "field": name,
                                         "example": field.example})
        return value, None
    if field.type == "bool":
        if not isinstance(value, bool):
            return None, Problem(path, line, name, "'{value}' is not yes or no",
                                 "write {field}: true or {field}: false",
                                 params={"value": value, "field": name})
        return value, None
    if field.type == "text":
        if isinstance(value, (dict, list)):
            return None, Problem(path, line, name, "must be plain text",
                                 "write it on one line, e.g. {field}: {example}",
                                 params={"field": name, "example": field.example})
        text = str(value).strip()
        if not text:
            return None, Problem(path, line, name, "is empty", "e.g. {field}: {example}",
                                 params={"field": name, "example": field.example})
        return text, None
    if field.type == "date":
        parsed = parse_date(value, settings.get("TIMEZONE", "Europe/Riga"))
        if parsed is None:
            return None, Problem(path, line, name, "'{value}' is not a date",
                                 "write it as {accepted}",
                                 params={"value": value, "accepted": ACCEPTED_DATES})
        return parsed, None
    if field.type == "choice":
        allowed = _allowed(field, settings)
        if str(value) not in allowed:
            return None, Problem(path, line, name, "'{value}' is not allowed",
                                 "use one of: {choices}",
                                 params={"value": value, "choices": ", ".join(allowed)})
        return str(value), None
    if field.type in ("list", "hours"):
        items = value.split(",") if isinstance(value, str) and field.type == "list" else value
        items = [items] if isinstance(items, str) else items
        if not isinstance(items, list) or any(isinstance(i, (dict, list)) for i in items):
            return None, Problem(path, line, name, "must be a list",
                                 "write it as {field}: {example}",
                                 params={"field": name, "example": field.example})
        cleaned = [str(i).strip() for i in items if str(i).strip()]
        if field.type == "hours":
            return _clean_hours(name, cleaned, path, line, front_matter)
        allowed = _allowed(field, settings)
        for index, item in enumerate(cleaned):
            if allowed and item not in allowed:
                item_line = front_matter.line(f"{name}[{index}]") if front_matter else line
                return None, Problem(path, item_line, name, "'{value}' is not allowed",
                                     "use one of: {choices}",
                                     params={"value": item, "choices": ", ".join(allowed)})
        return cleaned, None
    raise ValueError(f"unknown field type {field.type!r}")


def _clean_hours(name, items, path, line, front_matter):
    """A list of weekly times (`Mon 9:00–12:00`), each parsed; a problem names the item."""
    parsed = []
    for index, item in rejoin_split_days(items):
        try:
            parsed.append(parse_hours(item))
        except HoursError as error:
            item_line = front_matter.line(f"{name}[{index}]") if front_matter else line
            return None, Problem(path, item_line, name, "'{value}' {reason}",
                                 "write it as {accepted}",
                                 params={"value": item, "reason": str(error),
                                         "accepted": ACCEPTED_HOURS})
    return parsed, None


def _clean_records(name, field, value, settings, path, front_matter):
    """A mapping (`record`) or a list of mappings (`records`), each checked field by field;
    a problem names the item, e.g. `meetings[1].start`."""
    single = field.type == "record"
    items = [value] if single else value
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        line = front_matter.line(name) if front_matter else 1
        return None, Problem(path, line, name,
                             "must be a group of fields" if single
                             else "must be a list of entries starting with '- '",
                             "see the example in the editor guide for '{field}'",
                             params={"field": name})
    cleaned, problems = [], []
    for index, item in enumerate(items):
        prefix = name if single else f"{name}[{index}]"
        values, item_problems = _check_fields(item, field.fields or {}, settings, path,
                                              front_matter, prefix)
        problems += item_problems
        cleaned.append(values)
    if problems:
        return None, problems
    return (cleaned[0] if single else cleaned), None


def _check_fields(data, fields, settings, path, front_matter, prefix=""):
    values, problems = {}, []
    for name, value in data.items():
        key = f"{prefix}.{name}" if prefix else str(name)
        line = front_matter.line(key) if front_matter else 1
        field = fields.get(name)
        if field is None:
            guess = difflib.get_close_matches(str(name), fields, n=1, cutoff=0.6)
            problems.append(Problem(path, line, key, "is not a field we know",
                                    "did you mean {guess}?" if guess else "known fields: {known}",
                                    params={"guess": guess[0] if guess else "",
                                            "known": ", ".join(fields)}))
            continue
        if value is None:
            continue  # "name:" with nothing after it is the same as leaving it out
        clean, problem = _clean(key, field, value, settings, path, line, front_matter)
        if isinstance(problem, list):
            problems += problem
        elif problem:
            problems.append(problem)
        else:
            values[name] = clean
    for name, field in fields.items():
        key = f"{prefix}.{name}" if prefix else name
        if field.required and name not in values and not any(
                p.field == key or p.field.startswith((f"{key}.", f"{key}[")) for p in problems):
            line = front_matter.line(prefix) if (front_matter and prefix) else 1
            problems.append(Problem(path, line, key, "is missing",
                                    "add a line such as  {field}: {example}",
                                    params={"field": name, "example": field.example}))
    return values, problems


def validate(section: str, front_matter: FrontMatter, path: str, settings: Mapping,
             inherited: Mapping | None = None, fields: Mapping[str, Field] | None = None,
             ) -> tuple[dict, list[Problem]]:
    """Validate `front_matter` of a file in `section` (news, pages, …).

    `inherited` is the default-language twin's raw front matter, for a translation.
    `fields` replaces the section's fields (plugins with their own content use it).
    """
    data = dict(front_matter.data)
    if fields is None:
        fields = dict(FIELDS[section])
        kind = data.get("kind", (inherited or {}).get("kind"))
        fields.update(KIND_FIELDS.get(str(kind), {}))
    taken = set()  # the twin's to carry: its value, or its "is missing"
    for name, field in fields.items():
        if name not in data and field.inherit and inherited is not None:
            taken.add(name)
            if name in inherited:
                data[name] = inherited[name]
    values, problems = _check_fields(data, fields, settings, path, front_matter)
    # A value taken from the default-language file (or missing there) is wrong there, and
    # reported there: one line per mistake, not one per translation.
    problems = [p for p in problems if re.split(r"[.[]", p.field)[0] not in taken]
    return values, sorted(problems, key=lambda p: (p.line, p.field))


def title_length_problems(values: Mapping, front_matter: FrontMatter, path: str,
                          settings: Mapping) -> list[Problem]:
    """A title longer than a search result or a browser tab shows (`TITLE_MAX_LENGTH`)
    is cut off there, and makes a heading of many lines on a phone."""
    title, limit = values.get("title", ""), settings["TITLE_MAX_LENGTH"]
    if len(title) <= limit:
        return []
    return [Problem(path, front_matter.line("title"), "title",
                    "is {length} characters long: search results and browser tabs show "
                    "only about {limit}",
                    "shorten it to {limit} characters or fewer and say the rest in summary",
                    severity="warning", params={"length": len(title), "limit": limit})]
