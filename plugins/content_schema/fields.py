"""The fields' type (`Field`) and the fields of the content every site has: stories
(`news`) and pages. A plugin declares the fields of its own content in its package
(`FIELDS`, `KIND_FIELDS`: see schema.py), so a feature's fields live with its code.

A field's `choices` names a setting whose keys are the allowed values (so vocabularies
live in pelicanconf.py) or lists the values. `inherit` fields may be left out of a
translation: it takes them from the default-language file of the same bundle.
"""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    # text | date (a time may follow) | choice | list (of text; `choices` limits its items)
    # | url | number | bool | record (a mapping of `fields`) | records (a list of such
    # mappings) | hours (a list of weekly times, `Mon 9:00–12:00`: see hours.py) | slug
    # (the last part of an address: a–z, digits, hyphens) | email (one address, for a
    # mailto: link) | phone (one number, for a tel: link)
    type: str
    required: bool = False
    choices: str | tuple[str, ...] | None = None
    inherit: bool = False
    example: str = ""  # in the default language; `sitetool new` shows it, messages quote it
    fields: dict[str, "Field"] | None = None
    # the example in the other languages, for a field written per language: {lang: text}
    examples: Mapping[str, str] | None = None
    # one of a record's fields of which only one is given (a document's file or link):
    # `sitetool new` shows its example commented out within the record's
    alternative: bool = False
    # False: `sitetool new` leaves it out of new files (`slug:`, whose example, once
    # uncommented in every new file, would give them all one address)
    scaffolded: bool = True
    # text residents read (not a file name, an address or a code): its quotation marks
    # become the language's (plugins/typography); so does any text of a per-language
    # record (`name: {lv: …, en: …}`), in the language that names it
    prose: bool = False
    # still read in files written before, but written as another field now: `sitetool
    # new` and the web editor write that one (`gallery:` as the gallery's `photos:`)
    replaced_by: str = ""

    def example_in(self, lang: str) -> str:
        return (self.examples or {}).get(lang, self.example)


STATUS = Field("choice", choices=("draft", "published"), inherit=True, example="draft")
# The last part of a translation's address (plugins/translated_addresses); without it, the
# address is made from the title when first published and kept.
SLUG = Field("slug", scaffolded=False, example="about-us")

CORE_FIELDS: dict[str, dict[str, Field]] = {
    "news": {
        "title": Field("text", required=True, prose=True,
                       example="Sociālie darbinieki pieredzes vizītē",
                       examples={"en": "Social workers on a study visit"}),
        "date": Field("date", required=True, inherit=True, example="2010-06-11"),
        "kind": Field("choice", required=True, choices="NEWS_KINDS", inherit=True,
                      example="visit"),
        "modified": Field("date", inherit=True, example="2018-10-23"),
        "author": Field("text", inherit=True, prose=True, example="Vārds Uzvārds"),
        "author_role": Field("text", prose=True,
                             example="Sociālā dienesta vadītājas vietniece",
                             examples={"en": "Deputy Head of the Social Service"}),
        "summary": Field("text", prose=True,
                         example="Viena vai divas teikuma garas ziņas kopsavilkums.",
                         examples={"en": "A sentence or two about the story."}),
        "tags": Field("list", example="[pieredzes apmaiņa]",
                      examples={"en": "[experience exchange]"}),
        # the photo of `sitetool new`'s `photos:` example (sitetool/scaffold.py)
        "cover": Field("text", inherit=True, example="photos/foto-1.jpg"),
        # the photos to show, in order, instead of all of photos/ (plugins/gallery)
        "gallery": Field("list", inherit=True, example="[photos/foto-1.jpg]",
                         replaced_by="photos"),
        "services": Field("list", inherit=True, example="[sociala-virtuve]"),
        "slug": SLUG,
        "status": STATUS,
    },
    "pages": {
        "title": Field("text", required=True, prose=True, example="Par mums",
                       examples={"en": "About us"}),
        "summary": Field("text", prose=True, example="Ko dara Sociālais dienests.",
                         examples={"en": "What the Social Service does."}),
        "modified": Field("date", inherit=True, example="2026-11-23"),
        "review_by": Field("date", inherit=True, example="2027-05-01"),
        "slug": SLUG,
        "status": STATUS,
    },
}


def translated(example_lv: str, example_en: str, required: bool = False) -> Field:
    """Text in both languages, for data files that are not translated file by file
    (offices, notices): `name: {lv: …, en: …}`."""
    return Field("record", required=required, fields={
        "lv": Field("text", required=True, example=example_lv),
        "en": Field("text", required=True, example=example_en),
    })
