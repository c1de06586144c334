"""The fields of a service page (`content/services/<slug>/index.<lang>.md`), declared
here so the content schema knows them while this plugin is in PLUGINS
(content_schema/schema.py)."""

from content_schema import Field
from content_schema.fields import SLUG, STATUS

LINK = {
    "title": Field("text", required=True, prose=True,
                   example="Sociālo pakalpojumu un sociālās palīdzības likums"),
    "url": Field("url", required=True, example="https://likumi.lv/ta/id/68488"),
}
# A service or benefit: content/services/<slug>/index.<lang>.md. `for` lists target groups
# (TARGET_GROUPS); `offices` names files in content/offices/ (checked once all is read).
SERVICE = {
    "title": Field("text", required=True, prose=True, example="Sociālā virtuve"),
    "type": Field("choice", required=True, choices="SERVICE_TYPES", inherit=True,
                  example="service"),
    "for": Field("list", required=True, choices="TARGET_GROUPS", inherit=True,
                 example="[seniors, low-income]"),
    "summary": Field("text", required=True, prose=True,
                     example="Siltas pusdienas darba dienās tiem, kam tās piešķirtas.",
                     examples={"en": "A hot lunch on working days for those granted it."}),
    "eligibility": Field("list", required=True, prose=True,
                         example="[Jūsu deklarētā dzīvesvieta ir novadā]",
                         examples={"en": "[Your declared place of residence is in the "
                                         "municipality]"}),
    "how_to_apply": Field("list", required=True, prose=True,
                          example="[Piesakieties pie sava pagasta sociālā darbinieka]",
                          examples={"en": "[Apply to the social worker of your parish]"}),
    "documents": Field("list", prose=True, example="[personu apliecinošs dokuments]",
                       examples={"en": "[an identity document]"}),
    "cost": Field("text", required=True, prose=True, example="Bez maksas",
                  examples={"en": "Free of charge"}),
    "decision_time": Field("text", required=True, prose=True,
                           example="10 darba dienu laikā",
                           examples={"en": "Within 10 working days"}),
    "offices": Field("list", required=True, inherit=True, example="[socialais-dienests]"),
    "legal_basis": Field("records", inherit=True, fields=LINK),
    "easy_read": Field("text", example="Vienkāršs teksts vieglajā valodā.",
                       examples={"en": "A plain text in easy-to-read language."}),
    "modified": Field("date", required=True, inherit=True, example="2026-11-23"),
    "review_by": Field("date", inherit=True, example="2027-05-01"),
    "slug": SLUG,
    "status": STATUS,
}

FIELDS = {"services": SERVICE}
