"""Quotation marks as each language writes them: straight or English quotes typed by
editors become Latvian „…” on Latvian pages and English “…” on English ones — in titles,
bodies, summaries, easy-read texts, the values of data files (offices, notices, photos'
alt texts and captions), link previews, JSON-LD and feeds — and code, addresses and
other attributes keep what was typed."""

import json
import re
import shutil

import feedparser
import lxml.html
from icalendar import Calendar

from site_helpers import BuiltSite, build_site
from typography import quote_html, quote_text

LATVIAN = {"open": "„", "close": "”"}
ENGLISH = {"open": "“", "close": "”"}
# Text a person reads: not code, scripts or templates (search's result template), and
# the attributes read aloud or shown (alt, title) and those link previews show.
READ_TEXT = ("//body//text()[not(ancestor::code or ancestor::pre or ancestor::kbd"
             " or ancestor::samp or ancestor::script or ancestor::style or ancestor::template)]"
             " | //@alt | //@title | //meta[@property or @name='description']/@content")


def test_quotes_take_their_place_and_nest():
    assert quote_text('projekts "Grozījumi "Par pabalstu""', LATVIAN) == \
        "projekts „Grozījumi „Par pabalstu””"
    assert quote_text("centrs “Pīlādzis” (“Līči”)", LATVIAN) == "centrs „Pīlādzis” („Līči”)"
    assert quote_text('the "Pīlādzis" centre, don\'t', ENGLISH) == "the “Pīlādzis” centre, don’t"
    assert quote_text("no quotes", LATVIAN) == "no quotes"


def test_only_text_changes_in_html():
    link = '<a href="https://x.lv/?q=&quot;a&quot;" title="a &quot;b&quot; &amp; it\'s">'
    image = '<img src="x.jpg?&quot;" alt="centrs &quot;Līči&quot;">'
    html = (f'<p>Say "<em>hi</em>" at {link}"Link"</a> and <code>a="b"</code>.</p>'
            f'<pre><code>x = "1"</code></pre><p>"Next" {image}</p>')
    assert quote_html(html, LATVIAN) == (
        '<p>Say „<em>hi</em>” at <a href="https://x.lv/?q=&quot;a&quot;" '
        'title="a „b” &amp; it’s">„Link”</a> and <code>a="b"</code>.</p>'
        '<pre><code>x = "1"</code></pre>'
        '<p>„Next” <img src="x.jpg?&quot;" alt="centrs „Līči”"></p>')
    assert quote_html(html, None) == html, "a language without quotation marks"


def test_the_schema_sets_quotes_in_what_residents_read_only():
    from content_schema import Field, FrontMatter, validate
    from content_schema.fields import translated

    settings = {"LANGUAGES": ["lv", "en"], "DEFAULT_LANG": "lv",
                "QUOTATION_MARKS": {"lv": LATVIAN, "en": ENGLISH}}
    fields = {"title": Field("text", prose=True), "steps": Field("list", prose=True),
              "name": translated("…", "…"), "file": Field("text"), "tags": Field("list"),
              "link": Field("url")}
    typed = {"title": 'centre "Līči"', "steps": ['call "112"'],
             "name": {"lv": 'centrs "Līči"', "en": 'the "Līči" centre'},
             "file": 'a"b.pdf', "tags": ['"x"'], "link": 'https://x.lv/?q="a"'}
    values, problems = validate("x", FrontMatter(typed, "", {}), "x.md", settings,
                                fields=fields, lang="en")
    assert problems == []
    assert values == {"title": "centre “Līči”", "steps": ["call “112”"],
                      "name": {"lv": "centrs „Līči”", "en": "the “Līči” centre"},
                      "file": 'a"b.pdf', "tags": ['"x"'], "link": 'https://x.lv/?q="a"'}
    values, _ = validate("x", FrontMatter(typed, "", {}), "x.yml", settings, fields=fields)
    assert values["title"] == "centre „Līči”", "a data file's text for both languages"


def _strings(data) -> list[str]:
    """Every string value of JSON-LD, however deep."""
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def _read_texts(site, prefix_en: bool):
    """(file, text) of every text residents read on the pages, in the feeds and the
    calendars of one language: page text, alt and title texts, link previews, JSON-LD,
    feed titles and the text (and alt texts) of feed entries' summaries and contents,
    events' summaries, places and descriptions."""
    for file in [*site.html_files(), *sorted(site.root.rglob("*.xml")),
                 *sorted(site.root.rglob("*.ics"))]:
        relative = file.relative_to(site.root).as_posix()
        if relative.startswith("en/") != prefix_en or relative == "sitemap.xml":
            continue
        if file.suffix == ".ics":
            for event in Calendar.from_ical(file.read_bytes()).walk("VEVENT"):
                for name in ("SUMMARY", "LOCATION", "DESCRIPTION"):
                    yield relative, str(event.get(name, ""))
            continue
        if file.suffix == ".xml":
            for entry in feedparser.parse(file.read_bytes()).entries:
                yield relative, entry.title
                for html in [entry.get("summary", ""),
                             *(content.value for content in entry.get("content", []))]:
                    if html.strip():
                        for text in lxml.html.fromstring(f"<div>{html}</div>").xpath(
                                ".//text() | .//@alt | .//@title"):
                            yield relative, text
            continue
        tree = site.tree(file)
        for text in tree.xpath(READ_TEXT):
            yield relative, text
        for script in tree.xpath('//script[@type="application/ld+json"]'):
            for text in _strings(json.loads(script.text)):
                yield relative, text


def _quotes_in_text(site, prefix_en: bool, marks: str) -> list[str]:
    return [f"{relative}: {text.strip()[:80]}" for relative, text in _read_texts(site, prefix_en)
            if any(mark in text for mark in marks)]


def test_latvian_pages_have_no_english_or_straight_double_quotes(site):
    assert _quotes_in_text(site, prefix_en=False, marks='“"') == []


def test_english_pages_have_no_latvian_or_straight_double_quotes(site):
    assert _quotes_in_text(site, prefix_en=True, marks='„"') == []


def test_quotes_typed_straight_in_every_kind_of_text_are_set(site):
    """The sample content types straight quotes in an easy-read text, an office's name
    (YAML) and photos' alt texts and captions (photos.yml): the checks above read each
    of them, and find them with the language's marks."""
    for prefix_en, expected in (
            (False, ["uzraksts „Sociālā virtuve”.", "Senioru dienas centrs „Pīlādzis”",
                     "Pieci cilvēki pie galda dienas centrā „Pīlādzis”;",
                     "palīdzības centrs „Mūsmājas”."]),
            (True, ["door says “Sociālā virtuve”.", "“Pīlādzis” day centre for older people",
                    "At the “Pīlādzis” day centre"])):
        read = list(_read_texts(site, prefix_en))
        assert [e for e in expected if not any(e in text for _, text in read)] == []
        # feeds and calendars are read too (a consultation's title has quotes)
        for suffix in (".xml", ".ics"):
            assert any(file.endswith(suffix) and "”" in text for file, text in read), suffix


def test_typed_quotes_become_the_languages_in_pages_and_feeds(tmp_path, sample_content):
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    story = content / "news/2019/senioru-dienas-centram-piladzis-jauns-darba-laiks/index.lv.md"
    text = story.read_text(encoding="utf-8").replace("„", '"').replace("”", '"')
    typed = "Raksti \"`kods=\"x\"`\" vai [\"saite\"](https://x.lv/it's \"it's 'x'\")."
    story.write_text(f"{text}\n{typed}\n", encoding="utf-8")
    # text typed once for both languages: an office's address, a person's name, a credit
    office = content / "offices/senioru-dienas-centrs-piladzis.yml"
    office.write_text(office.read_text(encoding="utf-8")
                      .replace("address: Skolas iela 4,", 'address: Nams "Liepas", Skolas iela 4,')
                      .replace("name: Ruta Kalve", 'name: Ruta "Rūta" Kalve'), encoding="utf-8")
    photos = content / "news/2022/socialaja-dienesta-viesojas-kolegi-no-lietuvas/photos/photos.yml"
    photos.write_text(photos.read_text(encoding="utf-8").replace(
        "credit: Līga Krūmiņa", 'credit: Studija "Gaisma"', 1), encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    built = BuiltSite(tmp_path / "output", "")
    page = built.tree("/jaunumi/2019/senioru-dienas-centram-piladzis-jauns-darba-laiks/")
    title = "Senioru dienas centram „Pīlādzis” no septembra jauns darba laiks"
    assert page.xpath("string(//h1)") == title
    body = lxml.html.tostring(page.xpath('//*[contains(@class, "prose")]')[0], encoding="unicode")
    assert "„<code>kods=\"x\"</code>”" in body
    link = page.xpath('//a[contains(@href, "x.lv")]')[0]
    assert (link.get("href"), link.get("title"), link.text) == (
        "https://x.lv/it's", "it’s ‘x’", "„saite”")
    feed = feedparser.parse((tmp_path / "output/jaunumi/atom.xml").read_bytes())
    titles = [entry.title for entry in feed.entries if "Pīlādzis" in entry.title]
    assert titles == [title]
    assert "„Pīlādzis”" in next(e.summary for e in feed.entries if "Pīlādzis" in e.title)
    # typed once, shown in each language's marks: the page's, not the file's
    for prefix_en, marks in ((False, "„”"), (True, "“”")):
        texts = [text for _, text in _read_texts(built, prefix_en)]
        for typed_once in ("Nams {}Liepas{}, Skolas iela 4", "Ruta {}Rūta{} Kalve",
                           "Studija {}Gaisma{}"):
            shown = typed_once.format(*marks)
            assert any(shown in text for text in texts), (prefix_en, shown)
        other = "“" if prefix_en is False else "„"
        assert [text for text in texts if other in text] == []


def test_day_ranges_say_the_shared_year_and_month_once():
    from datetime import date

    from ui_language.ui_language import format_day_range

    def said(start, end, locale):
        return "".join(format_day_range(start, end, locale))

    assert said(date(2026, 12, 24), date(2026, 12, 26), "lv") == "2026. gada 24.–26. decembris"
    assert said(date(2026, 12, 24), date(2026, 12, 26), "en_GB") == "24–26 December 2026"
    assert said(date(2026, 11, 16), date(2026, 12, 7), "en_GB") == \
        "16 November\u2009–\u20097 December 2026"
    assert said(date(2025, 12, 16), date(2026, 1, 7), "lv") == \
        "2025. gada 16. decembris\u2009–\u20092026. gada 7. janvāris"
    assert said(date(2026, 1, 7), date(2026, 1, 7), "lv") == "2026. gada 7. janvāris"


def test_no_range_on_the_site_repeats_its_year(site):
    ranges, repeated = 0, []
    for file in site.html_files():
        for holder in site.tree(file).xpath("//*[count(time) >= 2]"):
            ranges += 1
            years = re.findall(r"\b(?:19|20)\d\d\b", holder.text_content())
            if len(years) != len(set(years)):
                repeated.append(f"{file.relative_to(site.root)}: {holder.text_content().strip()}")
    assert ranges > 10, "no date ranges were found to check"
    assert repeated == []


# A year, then within a short range of days or dates a dash, then the same year again.
YEAR_TWICE = re.compile(r"\b((?:19|20)\d\d)\b[^\n]{0,40}?\s?[–—-]\s?[^\n]{0,40}?\b\1\b")


def test_no_text_on_the_site_says_a_year_twice_across_a_dash(site):
    """Also a range written without <time> (in a notice, a card, a feed's page): any
    short element of any page, either language."""
    repeated, short = [], 0
    for file in site.html_files():
        for element in site.tree(file).xpath(
                "//body//*[not(self::script or self::style or self::template)]"):
            text = element.text_content()
            if len(text) < 200:
                short += 1
                repeated += [f"{file.relative_to(site.root)}: {text.strip()}"
                             for _ in YEAR_TWICE.finditer(text)]
    assert short > 1000, "no text was read"
    assert repeated == []
