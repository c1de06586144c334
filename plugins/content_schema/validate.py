"""Check one file's front matter against FIELDS and return clean values."""

import difflib
from collections.abc import Mapping

from .dates import ACCEPTED as ACCEPTED_DATES
from .dates import parse_date
from .fields import FIELDS, KIND_FIELDS, Field
from .front_matter import FrontMatter
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
            return None, Problem(path, line, name, f"'{text}' is not a web address",
                                 "write the full address, starting with https://")
        return text, None
    if field.type == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None, Problem(path, line, name, f"'{value}' is not a number",
                                 f"write digits only, e.g. {name}: {field.example}")
        return value, None
    if field.type == "bool":
        if not isinstance(value, bool):
            return None, Problem(path, line, name, f"'{value}' is not yes or no",
                                 f"write {name}: true or {name}: false")
        return value, None
    if field.type == "text":
        if isinstance(value, (dict, list)):
            return None, Problem(path, line, name, "must be plain text",
                                 f"write it on one line, e.g. {name}: {field.example}")
        text = str(value).strip()
        if not text:
            return None, Problem(path, line, name, "is empty", f"e.g. {name}: {field.example}")
        return text, None
    if field.type == "date":
        parsed = parse_date(value, settings.get("TIMEZONE", "Europe/Riga"))
        if parsed is None:
            return None, Problem(path, line, name, f"'{value}' is not a date",
                                 f"write it as {ACCEPTED_DATES}")
        return parsed, None
    if field.type == "choice":
        allowed = _allowed(field, settings)
        if str(value) not in allowed:
            return None, Problem(path, line, name, f"'{value}' is not allowed",
                                 "use one of: " + ", ".join(allowed))
        return str(value), None
    if field.type == "list":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or any(isinstance(i, (dict, list)) for i in items):
            return None, Problem(path, line, name, "must be a list",
                                 f"write it as {name}: {field.example}")
        return [str(i).strip() for i in items if str(i).strip()], None
    raise ValueError(f"unknown field type {field.type!r}")


def _clean_records(name, field, value, settings, path, front_matter):
    """A mapping (`record`) or a list of mappings (`records`), each checked field by field;
    a problem names the item, e.g. `meetings[1].start`."""
    single = field.type == "record"
    items = [value] if single else value
    example = f"see the example in the editor guide for '{name}'"
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        line = front_matter.line(name) if front_matter else 1
        shape = "a group of fields" if single else "a list of entries starting with '- '"
        return None, Problem(path, line, name, f"must be {shape}", example)
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
            fix = (f"did you mean {guess[0]}?" if guess
                   else "known fields: " + ", ".join(fields))
            problems.append(Problem(path, line, key, "is not a field we know", fix))
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
                p.field == key for p in problems):
            line = front_matter.line(prefix) if (front_matter and prefix) else 1
            problems.append(Problem(path, line, key, "is missing",
                                    f"add a line such as  {name}: {field.example}"))
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
    for name, field in fields.items():
        if name not in data and field.inherit and inherited and name in inherited:
            data[name] = inherited[name]
    values, problems = _check_fields(data, fields, settings, path, front_matter)
    return values, sorted(problems, key=lambda p: (p.line, p.field))
