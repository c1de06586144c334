"""The fields of a story of kind `consultation` (added to a story's when `kind:
consultation`), declared here so the content schema knows them while this plugin is in
PLUGINS (content_schema/schema.py)."""

from content_schema import Field

# A public consultation (plugins/consultations, plugins/meeting_calendar). The period and
# the meeting times are the same in every language: a translation inherits them, and may
# repeat `meetings`, `documents` and `participation` to translate topics, places and titles.
MEETING = {
    "start": Field("date", required=True, example="2026-11-26 17:30"),
    "end": Field("date", example="2026-11-26 19:00"),
    "topic": Field("text", prose=True, example="Pārvaldības un pakalpojumu sistēma"),
    "place": Field("text", prose=True, example="Sociālā dienesta zāle, Raiņa iela 15"),
    "online": Field("url", example="https://us02web.zoom.us/j/82530699236"),
    "recording": Field("url", example="https://www.youtube.com/watch?v=…"),
}
DOCUMENT = {  # either `file` (in the story's folder) or `link`
    "title": Field("text", required=True, prose=True, example="Saistošo noteikumu projekts"),
    "file": Field("text", example="noteikumu-projekts.pdf"),
    "link": Field("url", example="https://tapportals.mk.gov.lv/…", alternative=True),
}
PARTICIPATION = {
    "email": Field("email", example="socialais.dienests@example.lv"),
    "post": Field("text", prose=True, example="Raiņa iela 15, Novada pilsēta, LV-5301"),
    "e_address": Field("text", prose=True, example="Novada Sociālais dienests (e-adrese)"),
    "form": Field("url", example="https://www.example.lv/anketa"),
    "in_person": Field("text", prose=True,
                       example="Sociālajā dienestā, Raiņa ielā 15, darba laikā"),
}
CONSULTATION = {
    "subject": Field("text", required=True, prose=True,
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

KIND_FIELDS = {"consultation": CONSULTATION}
