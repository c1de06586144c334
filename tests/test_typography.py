"""Quotation marks as each language writes them: straight or English quotes typed by
editors become Latvian „…” on Latvian pages and English “…” on English ones — in titles,
bodies, summaries and feeds — and code, addresses and attributes keep what was typed."""

import re
import shutil

import feedparser
import lxml.html
from typography import quote_html, quote_text

from site_helpers import BuiltSite, build_site

LATVIAN = {"open": "„", "close": "”"}
ENGLISH = {"open": "“", "close": "”"}
# Text a person reads: not code, scripts or templates (search's result template).
READ_TEXT = ("//body//text()[not(ancestor::code or ancestor::pre or ancestor::kbd"
             " or ancestor::samp or ancestor::script or ancestor::style or ancestor::template)]")


def test_quotes_take_their_place_and_nest():
    assert quote_text('projekts "Grozījumi "Par pabalstu""', LATVIAN) == \
        "projekts „Grozījumi „Par pabalstu””"
    assert quote_text("centrs “Pīlādzis” (“Līči”)", LATVIAN) == "centrs „Pīlādzis” („Līči”)"
    assert quote_text('the "Pīlādzis" centre, don\'t', ENGLISH) == "the “Pīlādzis” centre, don’t"
    assert quote_text("no quotes", LATVIAN) == "no quotes"


def test_only_text_changes_in_html():
    link = '<a href="https://x.lv/?q=&quot;a&quot;" title="a &quot;b&quot;">'
    html = (f'<p>Say "<em>hi</em>" at {link}"Link"</a> and <code>a="b"</code>.</p>'
            '<pre><code>x = "1"</code></pre><p>"Next"</p>')
    assert quote_html(html, LATVIAN) == (
        f'<p>Say „<em>hi</em>” at {link}„Link”</a> and <code>a="b"</code>.</p>'
        '<pre><code>x = "1"</code></pre><p>„Next”</p>')


def _quotes_in_text(site, prefix_en: bool, marks: str) -> list[str]:
    found = []
    for file in site.html_files():
        relative = file.relative_to(site.root).as_posix()
        if relative.startswith("en/") != prefix_en:
            continue
        for text in site.tree(file).xpath(READ_TEXT):
            if any(mark in text for mark in marks):
                found.append(f"{relative}: {text.strip()[:80]}")
    return found


def test_latvian_pages_have_no_english_or_straight_double_quotes(site):
    assert _quotes_in_text(site, prefix_en=False, marks='“"') == []


def test_english_pages_have_no_latvian_or_straight_double_quotes(site):
    assert _quotes_in_text(site, prefix_en=True, marks='„"') == []


def test_typed_quotes_become_the_languages_in_pages_and_feeds(tmp_path, sample_content):
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    story = content / "news/2019/senioru-dienas-centram-piladzis-jauns-darba-laiks/index.lv.md"
    text = story.read_text(encoding="utf-8").replace("„", '"').replace("”", '"')
    typed = "Raksti \"`kods=\"x\"`\" vai [\"saite\"](https://x.lv/it's \"it's 'x'\")."
    story.write_text(f"{text}\n{typed}\n", encoding="utf-8")
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
        "https://x.lv/it's", "it's 'x'", "„saite”")
    feed = feedparser.parse((tmp_path / "output/jaunumi/atom.xml").read_bytes())
    titles = [entry.title for entry in feed.entries if "Pīlādzis" in entry.title]
    assert titles == [title]
    assert "„Pīlādzis”" in next(e.summary for e in feed.entries if "Pīlādzis" in e.title)


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
