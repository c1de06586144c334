"""Which front-matter fields each kind of content takes.

A field's `choices` names a setting whose keys are the allowed values (so vocabularies
live in pelicanconf.py) or lists the values. `inherit` fields may be left out of a
translation: it takes them from the default-language file of the same bundle.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    # text | date (a time may follow) | choice | list (of text) | url | number | bool
    # | record (a mapping of `fields`) | records (a list of such mappings)
    type: str
    required: bool = False
    choices: str | tuple[str, ...] | None = None
    inherit: bool = False
    example: str = ""
    fields: dict[str, "Field"] | None = None


STATUS = Field("choice", choices=("draft", "published"), inherit=True, example="draft")

FIELDS: dict[str, dict[str, Field]] = {
    "news": {
        "title": Field("text", required=True, example="Sociālie darbinieki pieredzes vizītē"),
        "date": Field("date", required=True, inherit=True, example="2010-06-11"),
        "kind": Field("choice", required=True, choices="NEWS_KINDS", inherit=True,
                      example="visit"),
        "modified": Field("date", inherit=True, example="2018-10-23"),
        "author": Field("text", inherit=True, example="Anita Gāga"),
        "author_role": Field("text", example="Sociālā dienesta vadītājas vietniece"),
        "summary": Field("text", example="Viena vai divas teikuma garas ziņas kopsavilkums."),
        "tags": Field("list", example="[pieredzes apmaiņa]"),
        "cover": Field("text", inherit=True, example="photos/vizite-1.jpg"),
        "services": Field("list", inherit=True, example="[socialā-virtuve]"),
        "status": STATUS,
    },
    "pages": {
        "title": Field("text", required=True, example="Par mums"),
        "summary": Field("text", example="Ko dara Sociālais dienests."),
        "modified": Field("date", inherit=True, example="2026-11-23"),
        "review_by": Field("date", inherit=True, example="2027-05-01"),
        "status": STATUS,
    },
}


# Extra fields of one news kind (added to FIELDS["news"] when `kind` is that kind).
KIND_FIELDS: dict[str, dict[str, Field]] = {}
