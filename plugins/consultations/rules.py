"""Rules a consultation's front matter must follow beyond each field's own type.

A problem is reported against the file that wrote the field: a translation that inherits
`closes` from the Latvian file is not blamed for it (the Latvian file is).
"""

import os
from datetime import timedelta

from content_schema import Problem
from content_schema.dates import as_typed, written_like

from .model import bundle_file


def _where(story, key):
    """The line of `key` in the story's own front matter, or None when it inherits it."""
    return (getattr(story, "front_matter_lines", None) or {}).get(key)


def _typed(story, key, value) -> str:
    """`key`'s value as the story's file has it typed (`05.11.2025`): dates in messages
    are echoed so; a value the file takes from its twin, in ISO form."""
    try:
        return as_typed(getattr(story, "front_matter_data", None) or {}, key)
    except (KeyError, IndexError, TypeError):
        return f"{value:%Y-%m-%d %H:%M}" if value.hour or value.minute else f"{value:%Y-%m-%d}"


def period_problems(story, settings) -> list[Problem]:
    line = _where(story, "closes") or _where(story, "opens")
    if line is None:
        return []
    opens, closes = story.opens.date(), story.closes.date()
    if closes < opens:
        return [Problem(story.source_file, line, "closes", "{closes} is before opens ({opens})",
                        "write the last day proposals are accepted, on or after opens",
                        params={"closes": _typed(story, "closes", story.closes),
                                "opens": _typed(story, "opens", story.opens)})]
    minimum = settings["CONSULTATION_REGULATION_MIN_DAYS"]
    days = (closes - opens).days + 1  # both days count: 1–14 May is two weeks
    if getattr(story, "regulation", False) and days < minimum:
        typed = _typed(story, "closes", story.closes)
        return [Problem(story.source_file, line, "closes",
                        "a draft binding regulation is open only {days} days, the law asks "
                        "for at least {minimum}",
                        "open it by {latest_opening} or close it on {earliest_closing} or later",
                        severity="warning",
                        params={"days": days, "minimum": minimum,
                                "latest_opening": written_like(
                                    typed, closes - timedelta(days=minimum - 1)),
                                "earliest_closing": written_like(
                                    typed, opens + timedelta(days=minimum - 1))})]
    return []


def meeting_problems(story) -> list[Problem]:
    problems = []
    for index, meeting in enumerate(getattr(story, "meetings", None) or []):
        line = _where(story, f"meetings[{index}].end")
        if line and meeting.get("end") and meeting["end"] < meeting["start"]:
            problems.append(Problem(
                story.source_file, line, f"meetings[{index}].end",
                "{end} is before the start ({start})",
                "write the date and time the meeting ends, e.g. end: {example}",
                params={"end": _typed(story, f"meetings[{index}].end", meeting["end"]),
                        "start": _typed(story, f"meetings[{index}].start", meeting["start"]),
                        "example": written_like(
                            _typed(story, f"meetings[{index}].start", meeting["start"]),
                            meeting["start"].date()) + " 19:00"}))
    return problems


def document_problems(story) -> list[Problem]:
    problems = []
    folder = os.path.dirname(story.source_file)
    for index, document in enumerate(getattr(story, "documents", None) or []):
        key = f"documents[{index}]"
        line = _where(story, key)
        if line is None:
            continue
        if ("file" in document) == ("link" in document):
            problems.append(Problem(
                story.source_file, line, key, "needs either file or link",
                "write file: followed by the name of a file in the story's folder, or "
                "link: followed by a web address"))
        elif "file" in document and bundle_file(story, document["file"]) is None:
            problems.append(Problem(
                story.source_file, _where(story, f"{key}.file"), f"{key}.file",
                "'{file}' is not in the story's folder",
                "put the file in {folder}/ or correct its name (capitals count)",
                params={"file": document["file"], "folder": folder}))
    return problems


def translation_problems(story, original) -> list[Problem]:
    """A translation that repeats `meetings` must keep the Latvian file's times, so both
    languages' calendars describe the same meetings."""
    if _where(story, "meetings") is None or original is None:
        return []
    own, theirs = story.meetings or [], getattr(original, "meetings", None) or []
    source = os.path.basename(original.source_file)
    if len(own) != len(theirs):
        return [Problem(story.source_file, _where(story, "meetings"), "meetings",
                        "lists {count} meetings, {source} lists {original_count}",
                        "list the same meetings in the same order as {source}",
                        params={"count": len(own), "source": source,
                                "original_count": len(theirs)})]
    return [
        Problem(story.source_file, _where(story, f"meetings[{index}].start"),
                f"meetings[{index}].start", "{start} differs from {source} ({original_start})",
                "a translation keeps the meeting times of {source}",
                params={"start": _typed(story, f"meetings[{index}].start", mine["start"]),
                        "source": source,
                        "original_start": _typed(original, f"meetings[{index}].start",
                                                 other["start"])})
        for index, (mine, other) in enumerate(zip(own, theirs, strict=True))
        if mine["start"] != other["start"]
    ]
