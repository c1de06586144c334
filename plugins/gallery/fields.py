"""The gallery's fields: a photo's entry — its file, its alt text and caption in each
language, its credit. A story lists its photos in its own front matter (`photos:` in
the default-language file; the translation takes it from there), each entry in the same
shape as an entry of a folder's `photos/photos.yml` (sidecar.py), so there is one way to
describe a photo. `file` is the photo's path from the file that lists it: `photos/…` in
the story, the bare name in the folder's own photos.yml.
"""

from content_schema import Field


def _per_language(example_lv: str, example_en: str) -> Field:
    # not required: a missing alt text is a warning from the gallery (a preview still
    # builds), naming the photo and the language
    return Field("record", fields={"lv": Field("text", example=example_lv),
                                   "en": Field("text", example=example_en)})


PHOTO = {
    "file": Field("text", required=True, example="photos/foto-1.jpg"),
    "alt": _per_language("Astoņi cilvēki pie apaļa galda dienas centra zālē",
                         "Eight people at a round table in the day centre's hall"),
    "caption": _per_language("Pirmā tikšanās dienas centrā",
                             "The first meeting at the day centre"),
    "credit": Field("text", prose=True, example="Līga Krūmiņa"),
}

# The photos a story shows, in order, with their texts (instead of `gallery:` and
# photos/photos.yml); added to the stories' fields (content_schema.schema: MORE_FIELDS).
MORE_FIELDS = {"news": {"photos": Field("records", inherit=True, fields=PHOTO)}}
