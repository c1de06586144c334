"""The fields of a notice file (`content/notices/<slug>.yml`), declared here so the
content schema knows them while this plugin is in PLUGINS (content_schema/schema.py)."""

from content_schema import Field
from content_schema.fields import translated

# A notice about a service or an office for a period: content/notices/<slug>.yml.
NOTICE = {
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

FIELDS = {"notices": NOTICE}
