"""English pages at English addresses (plugins/translated_addresses): `/en/contacts/`,
not `/en/kontakti/`; chosen once and kept; everything that links to a page follows it,
and feed entry ids do not change."""

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml

from content_schema import read_front_matter, slugify_title
from site_helpers import ROOT, TODAY, BuiltSite, build_site, project_settings
from sitetool_helpers import lines_naming, sitetool, story, write

CONTENT = ROOT / "content"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Latvian address of a section's content -> where its English twin's slug goes
SECTIONS = {"pages": ("/{slug}/", "/en/{slug}/"),
            "services": ("/pakalpojumi/{slug}/", "/en/services/{slug}/")}


def _english_slug(english_file: Path) -> str:
    """What the rule gives the sample content: `slug:` when written, else the title's."""
    data = read_front_matter(english_file).data
    return data.get("slug") or slugify_title(data["title"])


def _record() -> dict[str, str]:
    """The committed record's current slugs (a moved page's former ones follow it)."""
    recorded = yaml.safe_load((CONTENT / ".addresses.yml").read_text("utf-8"))["en"]
    return {key: slugs if isinstance(slugs, str) else slugs[0]
            for key, slugs in recorded.items()}


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_english_pages_and_services_are_at_english_addresses(site, section):
    latvian_url, english_url = SECTIONS[section]
    moved = 0
    for english_file in sorted((CONTENT / section).glob("*/index.en.md")):
        folder = english_file.parent.name
        slug = _english_slug(english_file)
        assert _record()[f"{section}/{folder}"] == slug, "the committed record agrees"
        page = english_url.format(slug=slug)
        assert site.tree(page).get("lang") == "en"
        assert site.translation_of(latvian_url.format(slug=folder)) == page
        if slug != folder:  # published at the folder's address until English addresses
            moved += 1
            forward = site.tree(english_url.format(slug=folder))
            assert forward.xpath('//meta[@http-equiv="refresh"]/@content') == [
                f"0; url={site.url}{page}"]
    assert moved, f"the sample {section} have English titles unlike their Latvian folders"


def test_the_contacts_page_and_the_social_kitchen_are_where_a_reader_expects(site):
    assert site.translation_of("/kontakti/") == "/en/contacts/"
    assert site.translation_of("/pakalpojumi/sociala-virtuve/") == "/en/services/social-kitchen/"
    assert site.translation_of("/pakalpojumi/sociala-virtuve/viegla-valoda/") == (
        "/en/services/social-kitchen/easy-read/")


def test_english_stories_and_offices_take_english_addresses(site):
    stories = sorted((CONTENT / "news").glob("*/*/index.en.md"))
    for english_file in stories:
        year, folder = english_file.parent.parent.name, english_file.parent.name
        assert site.translation_of(f"/jaunumi/{year}/{folder}/") == (
            f"/en/news/{year}/{_english_slug(english_file)}/")
    # an office file names its English address in `slug: {en: …}`, else its English name's
    for office in sorted((CONTENT / "offices").glob("*.yml")):
        data = yaml.safe_load(office.read_text("utf-8"))
        slug = (data.get("slug") or {}).get("en") or slugify_title(data["name"]["en"])
        assert site.translation_of(f"/kur-sanemt-palidzibu/{office.stem}/") == (
            f"/en/where-to-get-help/{slug}/")
    assert site.translation_of("/kur-sanemt-palidzibu/socialais-dienests/") == (
        "/en/where-to-get-help/social-service/"), "the sample's explicit slug wins"


def test_hreflang_pairs_point_both_ways_to_pages_that_exist(site):
    pairs = 0
    for file in site.html_files():
        tree = site.tree(file)
        lang = tree.get("lang")
        own = site.url_of(file)
        for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]'):
            other_lang, href = link.get("hreflang"), link.get("href")
            if other_lang in ("x-default", lang):
                continue
            target = site.file_for(href)
            assert target is not None, f"{own}: hreflang {other_lang} {href}"
            back = site.tree(target).xpath(
                f'//head/link[@rel="alternate"][@hreflang="{lang}"]/@href')
            assert urlsplit(back[0]).path == urlsplit(own).path, (own, href)
            pairs += 1
    assert pairs > 100


def test_every_language_switcher_link_reaches_a_page_in_that_language(site):
    for file in site.html_files():
        for link in site.tree(file).xpath('//*[contains(@class, "language-switcher")]//a'
                                          '[@hreflang]'):
            target = site.file_for(link.get("href"))
            assert target is not None, (file, link.get("href"))
            assert site.tree(target).get("lang") == link.get("hreflang")


def test_the_sitemap_lists_the_english_addresses_with_their_latvian_twins(site):
    sitemap = ET.parse(site.root / "sitemap.xml").getroot()
    listed = {urlsplit(url.findtext(f"{SITEMAP}loc")).path: url
              for url in sitemap.iter(f"{SITEMAP}url")}
    for latvian, english in (("/kontakti/", "/en/contacts/"),
                             ("/pakalpojumi/sociala-virtuve/", "/en/services/social-kitchen/")):
        assert english in listed and "/en/kontakti/" not in listed
        alternates = {link.get("hreflang"): urlsplit(link.get("href")).path
                      for link in listed[english].iter("{http://www.w3.org/1999/xhtml}link")}
        assert alternates["lv"] == latvian and alternates["en"] == english
    for path in listed:
        assert site.file_for(path) is not None, path


def test_the_menu_footer_and_notices_link_to_english_addresses(site):
    home = site.tree("/en/")
    hrefs = {urlsplit(href).path for href in home.xpath("//a[not(@hreflang)]/@href")
             if href.startswith(site.url)}  # the site's own, but the language switcher's
    assert {"/en/contacts/", "/en/about-us/", "/en/accessibility-statement/"} <= hrefs
    for href in hrefs:
        assert href.startswith(("/en/", "/photos/")), href
        assert site.file_for(href) is not None, href
    # a notice's "Concerns" names the service and the office at their English addresses
    concerns = home.xpath('//*[@class="notice__concerns"]//a/@href')
    assert "/en/services/social-kitchen/" in {urlsplit(h).path for h in concerns}
    assert "/en/where-to-get-help/social-kitchen/" in {urlsplit(h).path for h in concerns}


# --- small sites of their own: ids, the record, check's lines ---------------------------

def _settings(tmp_path: Path, languages: list[str]) -> Path:
    return write(tmp_path / f"settings-{len(languages)}.py",
                 f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                 "from pelicanconf import *  # noqa\n"
                 f"TRANSLATED_ADDRESS_LANGUAGES = {languages!r}\n")


def _build(content: Path, output: Path, *extra: str) -> BuiltSite:
    result = build_site(content, output, *extra, site_url="https://example.lv")
    assert result.returncode == 0, result.stderr
    return BuiltSite(output, "https://example.lv")


def _entries(site: BuiltSite) -> dict[str, str]:
    """{entry id: link} of the English feed of all news, read by feedparser."""
    feed = feedparser.parse((site.root / "en/news/atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return {entry.id: entry.link for entry in feed.entries}


def test_feed_entry_ids_stay_what_they_were_at_latvian_addresses(tmp_path):
    content = tmp_path / "content"
    story(content, "2024/pieredzes-vizite", "Pieredzes vizīte", english="A study visit")
    story(content, "2025/jauns-darba-laiks", "Jauns darba laiks", date="2025-03-04",
          english="New opening hours")
    before = _build(content, tmp_path / "before", "--settings",
                    str(_settings(tmp_path, [])))  # as the site was: Latvian slugs in English
    (content / ".addresses.yml").unlink(missing_ok=True)
    after = _build(content, tmp_path / "after")
    old, new = _entries(before), _entries(after)
    assert sorted(old) == sorted(new) and len(new) == 2
    assert old[next(iter(old))] != new[next(iter(old))], "the links did move"
    assert {urlsplit(link).path for link in new.values()} == {
        "/en/news/2024/a-study-visit/", "/en/news/2025/new-opening-hours/"}
    for entry_id, link in new.items():
        assert after.file_for(link) is not None
        assert entry_id.endswith("/en")


def _page(content: Path, english_title: str, slug: str = "") -> Path:
    write(content / "pages/kontakti/index.lv.md", "---\ntitle: Kontakti\n---\nTeksts.\n")
    extra = f"slug: {slug}\n" if slug else ""
    return write(content / "pages/kontakti/index.en.md",
                 f"---\ntitle: {english_title}\n{extra}---\nText.\n")


def _check(content: Path, lang: str = "en"):
    return sitetool("check", "--content", str(content), "--today", TODAY, lang=lang)


def test_a_new_english_title_keeps_the_published_address_and_check_says_so(tmp_path):
    content = tmp_path / "content"
    _page(content, "Contacts")
    first = _build(content, tmp_path / "first")
    assert first.translation_of("/kontakti/") == "/en/contacts/"
    record = (content / ".addresses.yml").read_text("utf-8")
    assert "pages/kontakti: contacts" in record

    _page(content, "Contact us")
    [line] = lines_naming(_check(content), "content/pages/kontakti/index.en.md")
    assert line == ("content/pages/kontakti/index.en.md:2: title: would make the address "
                    "/en/contact-us/: the page is kept at /en/contacts/, where it was "
                    "published — nothing to do; to move it, write slug: contact-us (the old "
                    "address will forward to the new)")
    [latvian] = lines_naming(_check(content, "lv"), "content/pages/kontakti/index.en.md")
    assert "/en/contact-us/" in latvian and "slug: contact-us" in latvian
    # a notice: the production build (--strict) publishes, at the old address
    second = _build(content, tmp_path / "second", "--strict")
    assert second.translation_of("/kontakti/") == "/en/contacts/"
    assert second.tree("/en/contacts/").xpath("string(//h1)") == "Contact us"
    assert (content / ".addresses.yml").read_text("utf-8") == record


def test_an_explicit_slug_moves_the_page_and_check_notes_the_move(tmp_path):
    content = tmp_path / "content"
    _page(content, "Contacts")
    _build(content, tmp_path / "first")
    _page(content, "Contact us", slug="contact-us")
    [line] = lines_naming(_check(content), "content/pages/kontakti/index.en.md")
    assert line.startswith("content/pages/kontakti/index.en.md:3: slug: moves the page from "
                           "/en/contacts/ to /en/contact-us/")
    moved = _build(content, tmp_path / "moved")
    assert moved.translation_of("/kontakti/") == "/en/contact-us/"
    assert moved.tree("/en/contacts/").xpath('//meta[@http-equiv="refresh"]'), "a forward"
    assert yaml.safe_load((content / ".addresses.yml").read_text("utf-8"))["en"] == {
        "pages/kontakti": ["contact-us", "contacts"]}
    assert not lines_naming(_check(content), "content/pages/kontakti/index.en.md")


def test_an_explicit_slug_wins_from_the_first_build(tmp_path):
    content = tmp_path / "content"
    _page(content, "How to reach us", slug="contacts")
    assert not lines_naming(_check(content), "content/pages/kontakti/index.en.md")
    assert not (content / ".addresses.yml").exists(), "check writes nothing"
    site = _build(content, tmp_path / "output")
    assert site.translation_of("/kontakti/") == "/en/contacts/"


@pytest.mark.parametrize(("file", "front_matter", "expected"), [
    ("index.en.md", "title: Contacts\nslug: Our Contacts\n",
     "index.en.md:3: slug: 'Our Contacts' cannot be part of an address — use lower-case "
     "letters a–z, digits and hyphens, e.g. slug: our-contacts"),
    ("index.lv.md", "title: Kontakti\nslug: kontakti\n",
     "index.lv.md:3: slug: is for translations: this file's address is its folder's name — "
     "delete this line; to change the address, rename the folder (links to the old "
     "address will stop working)"),
])
def test_a_slug_check_cannot_use_is_one_line(tmp_path, file, front_matter, expected):
    content = tmp_path / "content"
    _page(content, "Contacts")
    write(content / "pages/kontakti" / file, f"---\n{front_matter}---\nText.\n")
    shown = f"content/pages/kontakti/{file}"
    assert lines_naming(_check(content), shown) == [f"content/pages/kontakti/{expected}"]


def _vizites(content: Path, cesis: str = "", valmiera: str = "", **dates: str) -> None:
    for folder, title, english, slug in (("vizite-cesis", "Vizīte Cēsīs", "A study visit", cesis),
                                         ("vizite-valmiera", "Vizīte Valmierā", "A study visit",
                                          valmiera)):
        story(content, f"2024/{folder}", title, english=english,
              date=dates.get(folder.replace("-", "_"), "2024-05-02"))
        if slug:
            write(content / "news/2024" / folder / "index.en.md",
                  f"---\ntitle: {english}\nslug: {slug}\n---\nText.\n")


def test_titles_that_make_one_address_both_publish_the_earlier_at_it(tmp_path):
    content = tmp_path / "content"
    _vizites(content, vizite_cesis="2024-06-01", vizite_valmiera="2024-05-02")
    result = _check(content)
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = lines_naming(result, "content/news/2024/vizite-cesis/index.en.md")
    assert line == ("content/news/2024/vizite-cesis/index.en.md:2: title: makes the address "
                    "/en/news/2024/a-study-visit/, which is "
                    "content/news/2024/vizite-valmiera/index.en.md's: this page is at "
                    "/en/news/2024/vizite-cesis/ — to choose its address, write slug: "
                    "vizite-cesis")
    assert not lines_naming(result, "content/news/2024/vizite-valmiera/index.en.md")
    strict = sitetool("build", "--content", str(content), "--output", str(tmp_path / "out"),
                      "--today", TODAY, "--strict")
    assert strict.returncode == 0, strict.stderr
    site = BuiltSite(tmp_path / "out", "")
    assert site.translation_of("/jaunumi/2024/vizite-valmiera/") == "/en/news/2024/a-study-visit/"
    assert site.translation_of("/jaunumi/2024/vizite-cesis/") == "/en/news/2024/vizite-cesis/"


def test_a_new_story_with_a_published_title_never_moves_the_published_one(tmp_path):
    content = tmp_path / "content"
    story(content, "2024/vizite-valmiera", "Vizīte Valmierā", english="A study visit",
          date="2024-06-01")
    _build(content, tmp_path / "first")
    _vizites(content, vizite_cesis="2024-05-02", vizite_valmiera="2024-06-01")  # earlier
    site = _build(content, tmp_path / "second")
    assert site.translation_of("/jaunumi/2024/vizite-valmiera/") == "/en/news/2024/a-study-visit/"
    assert site.translation_of("/jaunumi/2024/vizite-cesis/") == "/en/news/2024/vizite-cesis/"
    assert yaml.safe_load((content / ".addresses.yml").read_text("utf-8"))["en"] == {
        "news/2024/vizite-cesis": "vizite-cesis", "news/2024/vizite-valmiera": "a-study-visit"}
    again = _check(content)  # recorded at its folder's slug: nothing more to say
    assert not lines_naming(again, "content/news/2024/vizite-cesis/index.en.md")


def test_two_slugs_at_one_address_are_an_error_naming_both(tmp_path):
    content = tmp_path / "content"
    _vizites(content, cesis="study-visit", valmiera="study-visit")
    result = _check(content)
    [line] = lines_naming(result, "content/news/2024/vizite-valmiera/index.en.md")
    assert line.startswith("content/news/2024/vizite-valmiera/index.en.md:3: slug: its address "
                           "/en/news/2024/study-visit/ is also that of "
                           "content/news/2024/vizite-cesis/index.en.md")
    assert result.returncode != 0


def test_a_damaged_record_is_one_warning_and_the_build_records_anew(tmp_path):
    content = tmp_path / "content"
    _page(content, "Contacts")
    write(content / ".addresses.yml", "en: &pages {pages/kontakti: kontakti}\n")  # an anchor
    [line] = lines_naming(_check(content), "content/.addresses.yml")
    assert line.startswith("content/.addresses.yml:1: this is not the record of published "
                           "addresses the build writes — take it back from git")
    site = _build(content, tmp_path / "output")
    assert site.translation_of("/kontakti/") == "/en/contacts/"
    assert yaml.safe_load((content / ".addresses.yml").read_text("utf-8")) == {
        "en": {"pages/kontakti": "contacts"}}


# --- the menu and the footer name pages, not addresses (plugins/page_links) --------------

def test_every_page_the_menu_and_footer_name_is_in_the_content():
    settings = project_settings()
    named = [target for name in settings["PAGE_LINK_LISTS"] for _, target in settings[name]
             if isinstance(target, str)]
    assert {"pages/kontakti", "pages/par-mums"} <= set(named)
    for key in named:
        assert (CONTENT / key).is_dir() or (CONTENT / f"{key}.yml").is_file(), key


def test_the_menu_follows_a_page_moved_by_its_slug(tmp_path):
    content = tmp_path / "content"
    _page(content, "Contacts", slug="reach-us")
    site = _build(content, tmp_path / "output")
    english = {site.tree("/en/").xpath(f"string(//{where}//a[@href='https://example.lv"
                                       "/en/reach-us/'])")
               for where in ('nav[@class="main-nav"]', 'footer')}
    assert english == {"Contacts"}, "the menu and the footer both link to the new address"
    assert site.tree("/").xpath("//nav[@class='main-nav']//a[@href="
                                "'https://example.lv/kontakti/']")


def test_a_named_page_that_is_not_published_is_one_error(tmp_path):
    content = tmp_path / "content"
    _page(content, "Contacts")
    write(content / "pages/kontakti/index.lv.md",
          "---\ntitle: Kontakti\nstatus: draft\n---\nTeksts.\n")
    result = build_site(content, tmp_path / "output")
    assert result.returncode != 0
    [line] = [line for line in result.stderr.splitlines() if "pages/kontakti" in line]
    assert "NAVIGATION: 'pages/kontakti' (Contacts) names no published page" in line


# --- a moved page's former address forwards to it (translated_addresses/redirects.py) ---

def test_a_page_moved_by_its_slug_leaves_a_forwarding_page_that_chromium_follows(
        tmp_path, browser):
    from site_helpers import serve_folder
    from sitetool_helpers import free_port
    from test_html_validity import _vnu_errors
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    content = tmp_path / "content"
    _page(content, "Contacts")
    build_site(content, tmp_path / "first", site_url=url)
    _page(content, "Contacts", slug="reach-us")
    [line] = lines_naming(_check(content), "content/pages/kontakti/index.en.md")
    assert "moves the page from /en/contacts/ to /en/reach-us/: the old address forwards " \
           "to the new" in line
    result = build_site(content, tmp_path / "output", site_url=url)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "output", url)
    assert yaml.safe_load((content / ".addresses.yml").read_text("utf-8"))["en"] == {
        "pages/kontakti": ["reach-us", "contacts"]}
    forward = site.tree("/en/contacts/")
    assert forward.get("lang") == "en"
    assert forward.xpath('//meta[@http-equiv="refresh"]/@content') == [
        f"0; url={url}/en/reach-us/"]
    assert forward.xpath('//link[@rel="canonical"]/@href') == [f"{url}/en/reach-us/"]
    assert forward.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert forward.xpath("//body//a/@href") == [f"{url}/en/reach-us/"]
    assert site.file_for("/en/reach-us/") is not None
    assert "/en/contacts/" not in (site.root / "sitemap.xml").read_text("utf-8")
    assert not _vnu_errors([site.file_for("/en/contacts/")])
    with serve_folder(site.root, port):
        page = browser.new_page()
        page.goto(f"{url}/en/contacts/")
        page.wait_for_url(f"{url}/en/reach-us/")
        assert page.locator("h1").inner_text() == "Contacts"
        page.close()
    _page(content, "Contacts", slug="contacts")  # moved back: no forwarding page in a loop
    again = build_site(content, tmp_path / "again", site_url=url)
    assert again.returncode == 0, again.stderr
    back = BuiltSite(tmp_path / "again", url)
    assert back.tree("/en/contacts/").xpath("string(//h1)") == "Contacts"
    assert back.tree("/en/reach-us/").xpath('//meta[@http-equiv="refresh"]/@content') == [
        f"0; url={url}/en/contacts/"]
    assert yaml.safe_load((content / ".addresses.yml").read_text("utf-8"))["en"] == {
        "pages/kontakti": ["contacts", "reach-us"]}
