"""Check one file's front matter against its fields (`schema`) and return clean values."""

import re
from collections.abc import Mapping

from .field_types import Place, check_fields
from .fields import Field
from .front_matter import FrontMatter
from .problems import Problem
from .schema import schema


def validate(section: str, front_matter: FrontMatter, path: str, settings: Mapping,
             inherited: Mapping | None = None, fields: Mapping[str, Field] | None = None,
             lang: str | None = None) -> tuple[dict, list[Problem]]:
    """Validate `front_matter` of a file in `section` (news, pages, …).

    `inherited` is the default-language twin's raw front matter, for a translation.
    `fields` replaces the section's fields (plugins with their own content use it).
    `lang` is the language the file is written in: its text takes that language's
    quotation marks (a data file's text is per language, `name: {lv: …, en: …}`).
    """
    data = dict(front_matter.data)
    if fields is None:
        kind = data.get("kind", (inherited or {}).get("kind"))
        fields = schema(settings).fields(section, kind)
    taken = set()  # the twin's to carry: its value, or its "is missing"
    for name, field in fields.items():
        if name not in data and field.inherit and inherited is not None:
            taken.add(name)
            if name in inherited:
                data[name] = inherited[name]
    values, problems = check_fields(data, fields, Place(path, front_matter, settings, lang))
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
