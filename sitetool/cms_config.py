"""The web editor's (Decap CMS) configuration, made from the content schema and the settings.

One source: every field `check` knows (`content_schema.schema`: the core's fields and
those of the loaded plugins) becomes a field of the editor's form, with the widget of its
type, its required flag and its choices, so the form and the checker cannot drift apart
(tests/test_web_editor.py fails if they do).

- Stories, services and pages are bundles: `index.lv.md` and `index.en.md` in one folder
  (Decap's i18n `multiple_files`). A field the translation inherits (`Field.inherit`) is
  asked once, in the Latvian form, and written only to `index.lv.md` (`i18n: false`).
- Every news kind is a collection of its own (filtered on `kind`). Documents (and images
  in the text) are uploaded into the entry's own folder, photos into its `photos/`
  (the photo fields' own media folder). A story's photos are its `photos:` list (the
  gallery's entries: file, alt text and caption in each language, credit); a field
  another replaces (`Field.replaced_by`: `gallery:`) is not asked.
- Files a field names for publishing (`PUBLISHED_FILE_FIELDS`: a consultation's
  documents) are uploaded, not typed.
- Offices and notices are data files (`content/<section>/<slug>.yml`); their texts are
  in both languages inside the file, so they are not translated file by file.
- Dates are picked in the browser's date field and written as DD.MM.YYYY, the way the
  editors write them (`parse_date` takes both that and ISO).
- A translation's own address (`slug:`, plugins/translated_addresses) belongs in the
  translation only: Decap can only leave a field out of the *other* languages' panes
  (`i18n: none`), so the field is translated (`i18n: true`) and `admin/editor.css` hides
  it in the default language's pane (`TRANSLATIONS_ONLY`); its hint says what it is.
- Kinds, target groups, services and offices are choices from the settings and from what
  exists in `content/` when the editor starts.
"""

from pathlib import Path

import yaml

from content_schema import Field, data_file_slugs, read_front_matter, schema

LABELS_FILE = Path(__file__).with_name("admin") / "labels.yml"
BUNDLES = {"news": "{{year}}/{{slug}}/index", "services": "{{slug}}/index",
           "pages": "{{slug}}/index"}
DATA_FILES = ("offices", "notices")
# Fields whose values name other content: the choices are what exists there.
REFERENCES = {"services": "services", "offices": "offices"}
PHOTO_FIELDS = {"cover", "photos.file"}  # paths of files in the story's photos/
BODY = "body"  # Decap's name for the text below the front matter
# Fields of the schema's `slug` type: a translation's address, asked in its pane only
# (admin/editor.css hides the default language's, by the field's name).
TRANSLATIONS_ONLY = ("slug",)


def labels() -> dict:
    return yaml.safe_load(LABELS_FILE.read_text("utf-8"))


def cms_config(settings, lang: str, backend: dict) -> dict:
    """The configuration for an interface in `lang`, writing through `backend`."""
    names = labels()
    default = settings["DEFAULT_LANG"]
    config = {
        "locale": lang,
        "backend": backend,
        "publish_mode": ("editorial_workflow" if settings.get("WEB_EDITOR_EDITORIAL_WORKFLOW")
                         else "simple"),
        # uploads go to the entry's own folder (photos/); this is where the media
        # library opened outside an entry looks
        "media_folder": settings["WEB_EDITOR_MEDIA_FOLDER"],
        "public_folder": "/" + settings["WEB_EDITOR_MEDIA_FOLDER"],
        "i18n": {"structure": "multiple_files", "locales": list(settings["LANGUAGES"]),
                 "default_locale": default},
        # as slugify_title: lower-case ASCII without accents, hyphens between words
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [],
    }
    choices = _Choices(settings, lang)
    fields_of = schema(settings).fields
    for kind in settings["NEWS_KINDS"]:
        fields = fields_of("news", kind)
        collection = _bundle("news", kind, names, lang, fields, choices)
        collection["filter"] = {"field": "kind", "value": kind}
        config["collections"].append(collection)
    for section in ("services", "pages"):
        config["collections"].append(
            _bundle(section, section, names, lang, fields_of(section), choices))
    for section in DATA_FILES:
        config["collections"].append(
            _data_files(section, names, lang, fields_of(section), choices, default))
    return config


def _label(names: dict, key: str, lang: str) -> str:
    entry = names.get(key)
    return entry[lang] if entry else key.replace("_", " ").capitalize()


def _bundle(section, name, names, lang, fields, choices) -> dict:
    widgets = [_widget(field_name, field, names, lang, choices, translated=True,
                       fixed={"kind": name} if section == "news" else {})
               for field_name, field in fields.items() if not field.replaced_by]
    widgets.append({"name": BODY, "label": _label(names, BODY, lang), "widget": "markdown",
                    "required": False, "i18n": True})
    return {
        "name": name, "label": _label(names, f"collection.{name}", lang),
        "folder": section, "path": BUNDLES[section], "extension": "md",
        "format": "frontmatter", "create": True, "i18n": True,
        "identifier_field": "title", "slug": "{{slug}}",
        "summary": "{{title}}" + (" · {{date}}" if "date" in fields else ""),
        "sortable_fields": [f for f in ("date", "title") if f in fields],
        "fields": widgets,
        # documents and images in the text beside index.lv.md (photos: PHOTO_FIELDS)
        "media_folder": "", "public_folder": "",
    }


def _data_files(section, names, lang, fields, choices, default: str) -> dict:
    title = "name" if "name" in fields else "title"
    return {
        "name": section, "label": _label(names, f"collection.{section}", lang),
        "folder": section, "extension": "yml", "format": "yml", "create": True,
        # named, and its file named, by the name in the default language
        "identifier_field": f"{title}.{default}", "slug": f"{{{{fields.{title}.{default}}}}}",
        "summary": f"{{{{{title}.{default}}}}}",
        "fields": [_widget(n, f, names, lang, choices, translated=False)
                   for n, f in fields.items()],
    }


def _widget(name: str, field: Field, names, lang, choices, translated: bool,
            fixed: dict | None = None, path: str = "") -> dict:
    """One form field for a schema field (`path`: its record's, `documents` for
    `documents.file`)."""
    path = f"{path}.{name}" if path else name
    widget = {"name": name, "label": _label(names, name, lang), "required": field.required}
    if translated:
        widget["i18n"] = not field.inherit
    if fixed and name in fixed:  # the collection's own kind: set, not asked
        return {**widget, "widget": "hidden", "default": fixed[name]}
    if path in PHOTO_FIELDS:  # uploaded into the story's photos/, named photos/…
        folder = choices.settings["GALLERY_FOLDER"]
        return {**widget, "widget": "image", "choose_url": False, "media_folder": folder,
                "public_folder": folder}
    if path in choices.settings["PUBLISHED_FILE_FIELDS"]:  # beside index.lv.md
        return {**widget, "widget": "file", "choose_url": False}
    if field.example and field.type not in ("record", "records", "bool"):
        widget["hint"] = f"{_label(names, 'example', lang)}: {field.example_in(lang)}"
    if f"hint.{path}" in names:  # what the field is for, before its example
        widget["hint"] = " ".join(filter(None, (names[f"hint.{path}"][lang],
                                                widget.get("hint"))))
    options = choices.of(name, field)
    if field.type == "choice":
        return {**widget, "widget": "select", "options": options}
    if field.type == "list" and options is not None:
        return {**widget, "widget": "select", "multiple": True, "options": options}
    if field.type in ("list", "hours"):
        return {**widget, "widget": "list",
                "field": {"name": "item", "label": widget["label"], "widget": "string"}}
    if field.type == "date":  # written as editors write them: 11.06.2010 (10:00)
        if " " in field.example:  # a meeting's start: day and time
            return {**widget, "widget": "datetime", "format": "DD.MM.YYYY HH:mm"}
        return {**widget, "widget": "datetime", "date_format": "DD.MM.YYYY",
                "time_format": False}
    if field.type in ("record", "records"):
        children = [_widget(n, f, names, lang, choices, translated=False, path=path)
                    for n, f in field.fields.items()]
        return {**widget, "widget": "object" if field.type == "record" else "list",
                "fields": children}
    return {**widget, "widget": {"number": "number", "bool": "boolean"}.get(
        field.type, "string")}


class _Choices:
    """The values a field may take, with their names in the interface's language."""

    def __init__(self, settings, lang: str):
        self.settings, self.lang = settings, lang

    def of(self, name: str, field: Field) -> list[dict] | None:
        if name in REFERENCES and field.type == "list":
            return self._existing(REFERENCES[name])
        if field.choices is None:
            return None
        if isinstance(field.choices, tuple):
            return [{"label": value, "value": value} for value in field.choices]
        vocabulary = self.settings[field.choices]
        return [{"label": _name(meaning, self.lang) or value, "value": value}
                for value, meaning in vocabulary.items()]

    def _existing(self, section: str) -> list[dict]:
        content = Path(self.settings["PATH"])
        if section in DATA_FILES:
            return [{"label": slug, "value": slug}
                    for slug in sorted(data_file_slugs(section, self.settings))]
        default = self.settings["DEFAULT_LANG"]
        found = []
        for source in sorted((content / section).glob(f"*/index.{default}.md")):
            title = read_front_matter(source).data.get("title") or source.parent.name
            found.append({"label": f"{title} ({source.parent.name})",
                          "value": source.parent.name})
        return found


def _name(meaning, lang: str) -> str:
    """A vocabulary entry's name in `lang`, when the setting gives one."""
    return meaning.get(lang, "") if isinstance(meaning, dict) else ""
