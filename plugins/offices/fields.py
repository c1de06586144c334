"""The fields of an office file (`content/offices/<slug>.yml`), declared here so the
content schema knows them while this plugin is in PLUGINS (content_schema/schema.py)."""

from content_schema import Field
from content_schema.fields import translated

PERSON = {  # a specialist who receives residents at an office
    "role": Field("choice", required=True, choices="STAFF_ROLES", example="social-worker"),
    "name": Field("text", required=True, prose=True, example="Santa Vītola"),
    "phone": Field("phone", example="+371 65300031"),
    "email": Field("email", example="santa.vitola@example.lv"),
    "hours": Field("hours", required=True, example="[Tue 8:30–12:00, Thu 8:30–12:00]"),
}
# An office or a centre where residents get help: content/offices/<slug>.yml.
OFFICE = {
    "name": translated("Egļupes pagasta pārvalde", "Egļupe parish administration",
                       required=True),
    "address": Field("text", prose=True,
                     example="Dārza iela 2, Egļupe, Egļupes pagasts, LV-5316"),
    "phone": Field("phone", required=True, example="+371 65300030"),
    "email": Field("email", example="eglupe@example.lv"),
    "areas": Field("list", choices="AREAS", example="[eglupe]"),
    "hours": Field("hours", example="[Mon–Fri 11:30–13:30]"),
    "reception": Field("records", fields=PERSON),
    "by_appointment": Field("bool", example="true"),
    "booking": translated("Piesakieties pa tālruni +371 65300000.",
                          "Book by calling +371 65300000."),
    "note": translated("Adresi jums pateiks, kad piezvanīsiet.",
                       "You will be given the address when you call."),
    # the last part of the English page's address; without it, made from the English name
    # when first published and kept (plugins/translated_addresses)
    "slug": Field("record", fields={
        "en": Field("slug", required=True, example="eglupe-parish-administration")}),
}

FIELDS = {"offices": OFFICE}
