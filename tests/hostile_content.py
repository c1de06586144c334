"""A small site whose every editor-typed field holds markup, quotes and an entity.

`write_site(root)` writes the content folder: two stories with every front-matter field
(a consultation with meetings, documents and ways to take part; a visit with photos and
their `photos.yml`), a service-change story, a page, a service with its easy-read text, an
office with a person who receives residents, and two notices (one on every page's banner,
one on the home page), and a page in a folder named with quotes and markup, with a photo
in its text. `typed(field, lang)` is the value typed into that field, each one
different, so a test that finds a value wrong names the field.

The files are written with PyYAML (no anchors, no line folding): what YAML reads back is
exactly `typed(…)`.
"""

from pathlib import Path

import yaml
from PIL import Image

LANGS = ("lv", "en")
CONSULTATION = "news/2026/hostile-consultation"
VISIT = "news/2026/hostile-visit"
SERVICE_CHANGE = "news/2026/hostile-service-change"
PAGE, SERVICE, OFFICE = "hostile-page", "hostile-service", "hostile-office"
# A folder made by hand, not by `sitetool new`: its name is in every address of the page
# and of the renditions of the photo in its text.
FOLDER_PAGE = "hostile-folder\"q'<b>x"
PHOTOS = ("01-pirmais.jpg", "02-otrais.jpg")


def typed(field: str, lang: str = "") -> str:
    """The value typed into `field` (of the `lang` file or translation)."""
    name = f"{field}.{lang}" if lang else field
    return f"{name} Ā\"'<b>x</b><img src=x onerror=window.__pwned=1>&amp;"


def typed_url(field: str, lang: str = "") -> str:
    """A web address as the schema accepts it (it only checks the start)."""
    name = f"{field}.{lang}" if lang else field
    return f"https://example.lv/{name}?a=1&amp;b=\"'><img src=x onerror=window.__pwned=1>"


def typed_email(field: str) -> str:
    """An e-mail address as the schema accepts it: characters an address may hold that
    HTML and a `mailto:` link must escape."""
    return f"{field}+'&x@example.lv"


def typed_phone(field: str) -> str:
    """A phone number as the schema accepts it (digits only): each field its own."""
    return f"+371 6530 {sum(map(ord, field)) % 10000:04d}"


def typed_markdown(field: str, lang: str) -> str:
    """Text in a Markdown field that Markdown keeps as it is (its HTML is the sanitiser's
    business; here: that the rendered text is shown once, not escaped twice)."""
    return f"{field}.{lang} Ā \"q\" 's' 1 < 2 & 3 > 0"


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the same value twice is written twice, not aliased
        return True


def _yaml(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=10**6)


def _bundle(root: Path, folder: str, front_matter: dict, lang: str, body: str) -> None:
    path = root / folder / f"index.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{_yaml(front_matter)}---\n\n{body}\n", encoding="utf-8")


def _story_fields(field_prefix: str, lang: str) -> dict:
    return {
        "title": typed(f"{field_prefix}.title", lang),
        "author": typed(f"{field_prefix}.author", lang),
        "author_role": typed(f"{field_prefix}.author_role", lang),
        "summary": typed(f"{field_prefix}.summary", lang),
        "tags": [typed(f"{field_prefix}.tag", lang)],
    }


def _consultation(lang: str) -> dict:
    def c(field):
        return typed(f"consultation.{field}", lang)

    return {
        **_story_fields("consultation", lang),
        "date": "2026-11-16", "kind": "consultation",
        "subject": c("subject"), "opens": "2026-11-16", "closes": "2026-12-07",
        "meetings": [{"start": "2026-11-26 17:30", "end": "2026-11-26 19:00",
                      "topic": c("meeting.topic"), "place": c("meeting.place"),
                      "online": typed_url("consultation.meeting.online", lang),
                      "recording": typed_url("consultation.meeting.recording", lang)}],
        "documents": [{"title": c("document.file.title"), "file": "projekts.pdf"},
                      {"title": c("document.link.title"),
                       "link": typed_url("consultation.document.link", lang)}],
        "participation": {"email": typed_email("consultation.participation.email"),
                          "post": c("participation.post"),
                          "e_address": c("participation.e_address"),
                          "in_person": c("participation.in_person"),
                          "form": typed_url("consultation.participation.form", lang)},
        "results": typed_url("consultation.results", lang),
    }


def _service(lang: str) -> dict:
    def s(field):
        return typed(f"service.{field}", lang)

    return {
        "title": s("title"), "type": "service", "for": ["seniors"], "summary": s("summary"),
        "eligibility": [s("eligibility")], "how_to_apply": [s("how_to_apply")],
        "documents": [s("documents")], "cost": s("cost"), "decision_time": s("decision_time"),
        "offices": [OFFICE],
        "legal_basis": [{"title": s("legal_basis.title"),
                         "url": typed_url("service.legal_basis.url", lang)}],
        "easy_read": typed_markdown("service.easy_read", lang),
        "modified": "2026-11-01",
    }


def _office() -> dict:
    per_lang = {name: {lang: typed(f"office.{name}", lang) for lang in LANGS}
                for name in ("name", "booking", "note")}
    return {
        "name": per_lang["name"], "address": typed("office.address"),
        "phone": typed_phone("office.phone"), "email": typed_email("office.email"),
        "areas": ["avotkalne"], "hours": ["Mon–Fri 9:00–12:00"],
        "reception": [{"role": "social-worker", "name": typed("office.person.name"),
                       "phone": typed_phone("office.person.phone"),
                       "email": typed_email("office.person.email"),
                       "hours": ["Tue 8:30–12:00"]}],
        "by_appointment": True, "booking": per_lang["booking"], "note": per_lang["note"],
    }


def _notice(name: str, severity: str) -> dict:
    return {"severity": severity, "start": "2026-11-20", "end": "2026-11-30",
            "services": [SERVICE], "offices": [OFFICE],
            "title": {lang: typed(f"notice.{name}.title", lang) for lang in LANGS},
            "text": {lang: typed(f"notice.{name}.text", lang) for lang in LANGS}}


def _photos(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(PHOTOS):
        Image.new("RGB", (480, 320), (40 * number, 120, 200)).save(folder / name, "JPEG")
    sidecar = [{"file": name,
                "alt": {lang: typed(f"photo{number}.alt", lang) for lang in LANGS},
                "caption": {lang: typed(f"photo{number}.caption", lang) for lang in LANGS},
                "credit": typed(f"photo{number}.credit")}
               for number, name in enumerate(PHOTOS)]
    (folder / "photos.yml").write_text(_yaml(sidecar), encoding="utf-8")


def write_site(root: Path) -> None:
    for lang in LANGS:
        _bundle(root, CONSULTATION, _consultation(lang), lang, "Apspriešanas teksts.")
        _bundle(root, VISIT, {**_story_fields("visit", lang), "date": "2026-11-10",
                              "kind": "visit"}, lang, "Vizītes teksts.")
        _bundle(root, SERVICE_CHANGE,
                {"title": typed("service_change.title", lang), "date": "2026-11-12",
                 "kind": "service-change", "services": [SERVICE]}, lang, "Izmaiņas.")
        _bundle(root, f"pages/{PAGE}", {"title": typed("page.title", lang),
                                        "summary": typed("page.summary", lang)},
                lang, "Lapas teksts.")
        _bundle(root, f"services/{SERVICE}", _service(lang), lang, "Pakalpojuma teksts.")
        _bundle(root, f"pages/{FOLDER_PAGE}", {"title": typed("folder_page.title", lang)},
                lang, f"![{typed_markdown('folder_page.image.alt', lang)}](zale.jpg)")
    (root / CONSULTATION / "projekts.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    _photos(root / VISIT / "photos")
    Image.new("RGB", (480, 320), (200, 120, 40)).save(root / "pages" / FOLDER_PAGE / "zale.jpg")
    for folder, name, data in (("offices", OFFICE, _office()),
                               ("notices", "hostile-banner", _notice("banner", "urgent")),
                               ("notices", "hostile-listed", _notice("listed", "changed"))):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / f"{name}.yml").write_text(_yaml(data), encoding="utf-8")
