"""UI strings, dates, slugs and sorting in Latvian — without system locales or ICU."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from content_schema import parse_date, slugify_title
from site_helpers import ROOT
from ui_language import latvian_sort_key
from ui_language.ui_language import load_catalog

PO_FILE = ROOT / "theme/translations/lv/LC_MESSAGES/messages.po"


def _settings():
    namespace = {"__file__": str(ROOT / "pelicanconf.py")}
    exec((ROOT / "pelicanconf.py").read_text("utf-8"), namespace)
    return namespace


def _theme_msgids() -> set[str]:
    found = set()
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "translate": (1,)}
    for *_, message, _, _ in extract_from_dir(
            str(ROOT / "theme/templates"), [("**.html", "jinja2")], keywords=keywords,
            options_map={"**.html": {"extensions": "jinja2.ext.i18n"}}):
        found.add(message[0] if isinstance(message, tuple) else message)
    settings = _settings()
    for setting in ("NAVIGATION", "FOOTER_LINKS"):
        found |= {label for label, _ in settings[setting]}
    return found


def test_every_theme_string_has_a_latvian_translation():
    with PO_FILE.open("rb") as po:
        catalog = read_po(po, locale="lv")
    translated = {
        (m.id[0] if isinstance(m.id, tuple) else m.id)
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    msgids = _theme_msgids()
    assert len(msgids) > 30
    missing = sorted(msgids - translated)
    assert not missing, f"no Latvian translation for: {missing}"


@pytest.mark.parametrize(("count", "expected"), [
    (0, "0 ziņu"), (1, "1 ziņa"), (2, "2 ziņas"), (11, "11 ziņas"), (21, "21 ziņa"),
    (111, "111 ziņas"),
])
def test_latvian_has_three_plural_forms(count, expected):
    catalog = load_catalog(str(ROOT / "theme/translations"), "lv")
    text = catalog.ngettext("%(count)s story", "%(count)s stories", count) % {"count": count}
    assert text == expected


# Orders ICU 77.1's Latvian collator gives (the 33-letter alphabet; docs/bilingual.md).
@pytest.mark.parametrize("expected", [
    ["abi", "āboli", "cits", "čaulas", "zeme", "žogs"],
    ["abols", "acs", "āboli", "ābols"],
    ["egle", "ezers", "ēka"],
    ["Gulbene", "ģimene", "Kuldīga", "Ķekava"],
    ["Liepāja", "Ļaudona", "Nīca", "Ņukši", "Salaspils", "Šķēde", "Zilupe", "Žīguri"],
])
def test_latvian_alphabetical_order(expected):
    assert sorted(reversed(expected), key=latvian_sort_key) == expected
    assert sorted(sorted(expected), key=latvian_sort_key) == expected


@pytest.mark.parametrize(("title", "slug"), [
    ("Kurzemes sociālie darbinieki Preiļos", "kurzemes-socialie-darbinieki-preilos"),
    ("Sabiedriskā apspriešana: ģimenes asistenta pakalpojums 2024/2025",
     "sabiedriska-apspriesana-gimenes-asistenta-pakalpojums-2024-2025"),
    ("Pieredzes vizīte Ķekavā & Ļaudonā", "pieredzes-vizite-kekava-laudona"),
    ("Ūdens, šķūnis, žogs; Čiekurkalns (Rīga)", "udens-skunis-zogs-ciekurkalns-riga"),
])
def test_slugs_are_lower_case_ascii(title, slug):
    assert slugify_title(title) == slug


RIGA = ZoneInfo("Europe/Riga")


@pytest.mark.parametrize(("value", "expected"), [
    ("2010-06-11", datetime(2010, 6, 11, tzinfo=RIGA)),
    ("11.06.2010", datetime(2010, 6, 11, tzinfo=RIGA)),
    ("11.06.2010.", datetime(2010, 6, 11, tzinfo=RIGA)),
    ("3.12.2021 17:30", datetime(2021, 12, 3, 17, 30, tzinfo=RIGA)),
    (date(2010, 6, 11), datetime(2010, 6, 11, tzinfo=RIGA)),
    (datetime(2024, 1, 5, 7, 30, tzinfo=ZoneInfo("UTC")), datetime(2024, 1, 5, 9, 30,
                                                                    tzinfo=RIGA)),
    ("31.02.2010", None), ("2010/06/11", None), ("vakar", None), (20100611, None),
])
def test_dates_editors_write(value, expected):
    assert parse_date(value) == expected


def test_page_words_remembered_per_language_and_formatted_per_call():
    """`_()` remembers a message's translation (issue 20): per language, so a Latvian
    page after an English one still gets Latvian; a message with values is formatted
    with each call's, and escaped when autoescaping."""
    from types import SimpleNamespace

    import jinja2

    from ui_language.ui_language import install

    generator = SimpleNamespace(settings=_settings(), env=jinja2.Environment(autoescape=True))
    install(generator)
    template = generator.env.from_string(
        '{{ _("Menu") }} | {{ _("News of %(year)s", year=year) }}')
    pages = [template.render(lang=lang, year=year, DEFAULT_LANG="lv")
             for lang, year in [("lv", 2025), ("en", 2026), ("lv", "<2026>")]]
    assert pages == ["Izvēlne | 2025. gada ziņas", "Menu | News of 2026",
                     "Izvēlne | &lt;2026&gt;. gada ziņas"]
