"""sitemap.xml and robots.txt of the built sample site, read as a search engine reads them."""

from datetime import datetime

import pytest
from lxml import etree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def sitemap(site):
    """{loc: (lastmod or None, {hreflang: href})}, and every loc in order of appearance."""
    root = etree.fromstring((site.root / "sitemap.xml").read_bytes())
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries, locs = {}, []
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        locs.append(loc)
        alternates = {link.get("hreflang"): link.get("href")
                      for link in url.findall("x:link", NS) if link.get("rel") == "alternate"}
        entries[loc] = (url.findtext("s:lastmod", namespaces=NS), alternates)
    return entries, locs


def _is_indexable(site, file):
    return not site.tree(file).xpath('//meta[@name="robots"][contains(@content, "noindex")]')


def _hreflang_links(site, file):
    return {link.get("hreflang"): link.get("href")
            for link in site.tree(file).xpath('//head/link[@rel="alternate"][@hreflang]')}


def test_sitemap_lists_every_indexable_page_exactly_once(site, sitemap):
    _, locs = sitemap
    assert len(locs) == len(set(locs)), "a page is listed twice"
    indexable = {site.url_of(file) for file in site.html_files() if _is_indexable(site, file)}
    assert set(locs) == indexable
    assert len(indexable) > 50


def test_search_and_404_pages_are_left_out(site, sitemap):
    entries, _ = sitemap
    for url in ("/meklet/", "/en/search/", "/404.html"):
        assert not _is_indexable(site, site.file_for(url)), url
        assert site.url + url not in entries


def test_alternates_are_the_pages_own_and_reciprocal(site, sitemap):
    entries, _ = sitemap
    translated = 0
    for loc, (_, alternates) in entries.items():
        file = site.file_for(loc)
        assert alternates == _hreflang_links(site, file), loc
        if not alternates:
            continue
        own_lang = site.tree(file).get("lang")
        assert alternates[own_lang] == loc
        assert alternates["x-default"] == alternates.get("lv", loc)
        for lang, href in alternates.items():
            if lang in ("x-default", own_lang):
                continue
            translated += 1
            assert entries[href][1] == alternates, f"{href} does not list {loc} back"
    assert translated > 40


def test_lastmod_is_when_the_content_last_changed(site, sitemap):
    entries, _ = sitemap
    story = site.url + "/jaunumi/2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos/"
    assert entries[story][0] == "2018-10-23T00:00:00+03:00"  # its `modified`, not its date
    for loc, (lastmod, _) in entries.items():
        tree = site.tree(site.file_for(loc))
        modified = tree.xpath('//meta[@property="article:modified_time"]/@content')
        published = tree.xpath('//meta[@property="article:published_time"]/@content')
        if published:
            assert lastmod == (modified or published)[0], loc
        elif tree.xpath('//article[@class="story-card"]'):  # a list: its newest change
            listed = tree.xpath('//article[@class="story-card"]//time/@datetime')
            assert lastmod and datetime.fromisoformat(lastmod) >= max(
                datetime.fromisoformat(published) for published in listed), loc
        if lastmod:
            assert datetime.fromisoformat(lastmod).tzinfo is not None, loc


def test_robots_txt_points_to_the_sitemap(site):
    lines = (site.root / "robots.txt").read_text("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {site.url}/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in lines)


def test_head_tags_are_read_whatever_their_markup(tmp_path):
    """The sitemap reads page heads with regular expressions, not a parser: attribute
    order, quoting, letter case, character references and self-closing tags vary; a
    commented-out tag, a script's text and anything after </head> are not tags."""
    from sitemap.sitemap import listed_pages

    site = "https://example.lv"
    pages = {
        "index.html": (
            "<!DOCTYPE html><html lang=lv><HEAD>"
            "<!-- <meta name=\"robots\" content=\"noindex\"> -->"
            "<script type=\"application/ld+json\">{\"x\": \"<link rel=canonical href=/>\"}</script>"
            "<meta content='2026-01-02T00:00:00+02:00' property='og:updated_time' />"
            f"<LINK HREF={site}/ REL=canonical>"
            f"<link hreflang=\"en\" rel=\"alternate\" href=\"{site}/en/?a=1&amp;b=2\">"
            "<meta name=\"description\" content=\"a > b\">"
            f"</HEAD><body><link rel=\"canonical\" href=\"{site}/elsewhere/\"></head></body>"),
        "en/index.html": (
            "<html lang=en><head><meta name=robots content=\"noindex, follow\">"
            f"<link rel=\"canonical\" href=\"{site}/en/\"></head><body></body></html>"),
        "copy/index.html": (
            f"<html><head><link rel=\"canonical\" href=\"{site}/\"></head></html>"),
    }
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")

    listed = listed_pages({"OUTPUT_PATH": str(tmp_path), "SITEURL": site})

    assert [(url, head.updated, head.alternates) for url, head in listed] == [
        (f"{site}/", "2026-01-02T00:00:00+02:00", {"en": f"{site}/en/?a=1&b=2"})]
