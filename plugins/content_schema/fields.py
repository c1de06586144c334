"""Which front-matter fields each kind of content takes.

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
    # mappings) | hours (a list of weekly times, `Mon 9:00–12:00`: see hours.py)
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

    def example_in(self, lang: str) -> str:
        return (self.examples or {}).get(lang, self.example)


STATUS = Field("choice", choices=("draft", "published"), inherit=True, example="draft")

FIELDS: dict[str, dict[str, Field]] = {
    "news": {
        "title": Field("text", required=True, example="Sociālie darbinieki pieredzes vizītē"),
        "date": Field("date", required=True, inherit=True, example="2010-06-11"),
        "kind": Field("choice", required=True, choices="NEWS_KINDS", inherit=True,
                      example="visit"),
        "modified": Field("date", inherit=True, example="2018-10-23"),
        "author": Field("text", inherit=True, example="Vārds Uzvārds"),
        "author_role": Field("text", example="Sociālā dienesta vadītājas vietniece",
                             examples={"en": "Deputy Head of the Social Service"}),
        "summary": Field("text", example="Viena vai divas teikuma garas ziņas kopsavilkums.",
                         examples={"en": "A sentence or two about the story."}),
        "tags": Field("list", example="[pieredzes apmaiņa]",
                      examples={"en": "[experience exchange]"}),
        # the photo of `sitetool new`'s photos.yml example (sitetool/scaffold.py)
        "cover": Field("text", inherit=True, example="photos/foto-1.jpg"),
        # the photos to show, in order, instead of all of photos/ (plugins/gallery)
        "gallery": Field("list", inherit=True, example="[photos/foto-1.jpg]"),
        "services": Field("list", inherit=True, example="[sociala-virtuve]"),
        "status": STATUS,
    },
    "pages": {
        "title": Field("text", required=True, example="Par mums"),
        "summary": Field("text", example="Ko dara Sociālais dienests.",
                         examples={"en": "What the Social Service does."}),
        "modified": Field("date", inherit=True, example="2026-11-23"),
        "review_by": Field("date", inherit=True, example="2027-05-01"),
        "status": STATUS,
    },
}


# Extra fields of one news kind (added to FIELDS["news"] when `kind` is that kind).
KIND_FIELDS: dict[str, dict[str, Field]] = {}

# A public consultation (plugins/consultations, plugins/meeting_calendar). The period and
# the meeting times are the same in every language: a translation inherits them, and may
# repeat `meetings`, `documents` and `participation` to translate topics, places and titles.
MEETING = {
    "start": Field("date", required=True, example="2026-11-26 17:30"),
    "end": Field("date", example="2026-11-26 19:00"),
    "topic": Field("text", example="Pārvaldības un pakalpojumu sistēma"),
    "place": Field("text", example="Sociālā dienesta zāle, Raiņa iela 15"),
    "online": Field("url", example="https://us02web.zoom.us/j/82530699236"),
    "recording": Field("url", example="https://www.youtube.com/watch?v=…"),
}
DOCUMENT = {  # either `file` (in the story's folder) or `link`
    "title": Field("text", required=True, example="Saistošo noteikumu projekts"),
    "file": Field("text", example="noteikumu-projekts.pdf"),
    "link": Field("url", example="https://tapportals.mk.gov.lv/…", alternative=True),
}
PARTICIPATION = {
    "email": Field("text", example="socialais.dienests@example.lv"),
    "post": Field("text", example="Raiņa iela 15, Novada pilsēta, LV-5301"),
    "e_address": Field("text", example="Novada Sociālais dienests (e-adrese)"),
    "form": Field("url", example="https://www.example.lv/anketa"),
    "in_person": Field("text", example="Sociālajā dienestā, Raiņa ielā 15, darba laikā"),
}
KIND_FIELDS["consultation"] = {
    "subject": Field("text", required=True,
                     example="saistošo noteikumu projekts “Par mājokļa pabalstu”",
                     examples={"en": "the draft regulation “On the housing benefit”"}),
    "opens": Field("date", required=True, inherit=True, example="2026-11-16"),
    "closes": Field("date", required=True, inherit=True, example="2026-12-07"),
    # a draft binding regulation (saistošie noteikumi) must be open for at least two weeks
    "regulation": Field("bool", inherit=True, example="true"),
    "meetings": Field("records", inherit=True, fields=MEETING),
    "documents": Field("records", inherit=True, fields=DOCUMENT),
    "participation": Field("record", inherit=True, fields=PARTICIPATION),
    "results": Field("url", inherit=True, example="https://www.example.lv/apspriesanas-rezultati"),
}


# --- Services, offices and notices (plugins/services, plugins/offices, plugins/service_notices)
def translated(example_lv: str, example_en: str, required: bool = False) -> Field:
    """Text in both languages, for data files that are not translated file by file
    (offices, notices): `name: {lv: …, en: …}`."""
    return Field("record", required=required, fields={
        "lv": Field("text", required=True, example=example_lv),
        "en": Field("text", required=True, example=example_en),
    })


LINK = {
    "title": Field("text", required=True,
                   example="Sociālo pakalpojumu un sociālās palīdzības likums"),
    "url": Field("url", required=True, example="https://likumi.lv/ta/id/68488"),
}
# A service or benefit: content/services/<slug>/index.<lang>.md. `for` lists target groups
# (TARGET_GROUPS); `offices` names files in content/offices/ (checked once all is read).
FIELDS["services"] = {
    "title": Field("text", required=True, example="Sociālā virtuve"),
    "type": Field("choice", required=True, choices="SERVICE_TYPES", inherit=True,
                  example="service"),
    "for": Field("list", required=True, choices="TARGET_GROUPS", inherit=True,
                 example="[seniors, low-income]"),
    "summary": Field("text", required=True,
                     example="Siltas pusdienas darba dienās tiem, kam tās piešķirtas.",
                     examples={"en": "A hot lunch on working days for those granted it."}),
    "eligibility": Field("list", required=True,
                         example="[Jūsu deklarētā dzīvesvieta ir novadā]",
                         examples={"en": "[Your declared place of residence is in the "
                                         "municipality]"}),
    "how_to_apply": Field("list", required=True,
                          example="[Piesakieties pie sava pagasta sociālā darbinieka]",
                          examples={"en": "[Apply to the social worker of your parish]"}),
    "documents": Field("list", example="[personu apliecinošs dokuments]",
                       examples={"en": "[an identity document]"}),
    "cost": Field("text", required=True, example="Bez maksas",
                  examples={"en": "Free of charge"}),
    "decision_time": Field("text", required=True, example="10 darba dienu laikā",
                           examples={"en": "Within 10 working days"}),
    "offices": Field("list", required=True, inherit=True, example="[socialais-dienests]"),
    "legal_basis": Field("records", inherit=True, fields=LINK),
    "easy_read": Field("text", example="Vienkāršs teksts vieglajā valodā.",
                       examples={"en": "A plain text in easy-to-read language."}),
    "modified": Field("date", required=True, inherit=True, example="2026-11-23"),
    "review_by": Field("date", inherit=True, example="2027-05-01"),
    "status": STATUS,
}

PERSON = {  # a specialist who receives residents at an office
    "role": Field("choice", required=True, choices="STAFF_ROLES", example="social-worker"),
    "name": Field("text", required=True, example="Santa Vītola"),
    "phone": Field("text", example="+371 65300031"),
    "email": Field("text", example="santa.vitola@example.lv"),
    "hours": Field("hours", required=True, example="[Tue 8:30–12:00, Thu 8:30–12:00]"),
}
# An office or a centre where residents get help: content/offices/<slug>.yml.
FIELDS["offices"] = {
    "name": translated("Egļupes pagasta pārvalde", "Egļupe parish administration",
                       required=True),
    "address": Field("text", example="Dārza iela 2, Egļupe, Egļupes pagasts, LV-5316"),
    "phone": Field("text", required=True, example="+371 65300030"),
    "email": Field("text", example="eglupe@example.lv"),
    "areas": Field("list", choices="AREAS", example="[eglupe]"),
    "hours": Field("hours", example="[Mon–Fri 11:30–13:30]"),
    "reception": Field("records", fields=PERSON),
    "by_appointment": Field("bool", example="true"),
    "booking": translated("Piesakieties pa tālruni +371 65300000.",
                          "Book by calling +371 65300000."),
    "note": translated("Adresi jums pateiks, kad piezvanīsiet.",
                       "You will be given the address when you call."),
}

# A notice about a service or an office for a period: content/notices/<slug>.yml.
FIELDS["notices"] = {
    "severity": Field("choice", required=True, choices="NOTICE_SEVERITIES", example="limited"),
    "start": Field("date", required=True, example="2026-12-24"),
    "end": Field("date", required=True, example="2026-12-26"),
    "announce_from": Field("date", example="2026-12-10"),
    "services": Field("list", example="[sociala-virtuve]"),
    "offices": Field("list", example="[eglupe]"),
    "title": translated("Sociālā virtuve slēgta", "Social kitchen closed", required=True),
    "text": translated("Sociālā virtuve 24.–26. decembrī būs slēgta.",
                       "The social kitchen is closed from 24 to 26 December.", required=True),
}
