"""The sample site, built once: both languages, linked translations, dates, drafts."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from site_helpers import project_settings


def _lang_of(site, file):
    return site.tree(file).get("lang")


def test_both_languages_have_a_home_and_news(site):
    assert _lang_of(site, site.file_for("/")) == "lv"
    assert _lang_of(site, site.file_for("/en/")) == "en"
    assert site.file_for("/jaunumi/") and site.file_for("/en/news/")


def test_every_page_declares_the_language_its_folder_promises(site):
    for file in site.html_files():
        expected = "en" if file.relative_to(site.root).parts[0] == "en" else "lv"
        assert _lang_of(site, file) == expected, file


def _alternates(site, file):
    links = site.tree(file).xpath('//head/link[@rel="alternate"][@hreflang]')
    return {link.get("hreflang"): link.get("href") for link in links}


def test_hreflang_is_reciprocal_with_self_and_x_default(site):
    pages_with_translation = 0
    for file in site.html_files():
        alternates = _alternates(site, file)
        if not alternates:
            continue
        own_lang = _lang_of(site, file)
        assert alternates[own_lang] == site.url_of(file), file
        assert "x-default" in alternates, file
        for lang, url in alternates.items():
            target = site.file_for(url)
            assert target is not None, f"{file}: hreflang {lang} → {url} does not exist"
            if lang != "x-default" and lang != own_lang:
                pages_with_translation += 1
                back = _alternates(site, target)
                assert back.get(own_lang) == site.url_of(file), f"{target} does not link back"
    assert pages_with_translation > 20


def test_language_switcher_goes_to_the_same_page_in_the_other_language(site):
    switched = 0
    for file in site.html_files():
        for link in site.tree(file).xpath('//nav[@class="language-switcher"]//a'):
            target = site.file_for(link.get("href"))
            assert target is not None, f"{file}: switcher → {link.get('href')}"
            assert _lang_of(site, target) == link.get("hreflang")
            switched += 1
    assert switched == len(site.html_files())


def test_story_without_translation_says_so_in_the_other_language(site):
    def only_in_one_language(news):
        return [file for file in (site.root / news).glob("*/*/index.html")
                if site.tree(file).xpath('//span[@class="language-switcher__note"]')]

    lv_only = only_in_one_language("jaunumi")
    assert lv_only, "the sample content should have a Latvian-only story"
    note = site.tree(lv_only[0]).xpath('//span[@class="language-switcher__note"]')[0]
    assert note.text_content().strip() == "This news item is available only in Latvian."
    assert note.getparent().get("lang") == "en"
    english_only = only_in_one_language("en/news")
    assert len(english_only) == 1, "the test content has one English-only story"
    assert site.tree(english_only[0]).xpath('//span[@class="language-switcher__note"]')[
        0].text_content().strip() == "Šī ziņa ir pieejama tikai angļu valodā."


def test_each_language_lists_only_its_own_stories(site):
    def listed(url):
        return {a.get("href") for a in site.tree(url).xpath('//article[@class="story-card"]//h2/a')}

    lv_stories = set()
    en_stories = set()
    for number in range(1, 10):
        suffix = "" if number == 1 else f"{number}/"
        if site.file_for(f"/jaunumi/{suffix}"):
            lv_stories |= listed(f"/jaunumi/{suffix}")
        if site.file_for(f"/en/news/{suffix}"):
            en_stories |= listed(f"/en/news/{suffix}")
    assert all("/jaunumi/" in url for url in lv_stories)
    assert all("/en/news/" in url for url in en_stories)
    assert {site.tree(url).get("lang") for url in lv_stories} == {"lv"}
    assert {site.tree(url).get("lang") for url in en_stories} == {"en"}
    only_in_english = [url for url in en_stories if site.tree(url).xpath(
        '//li[@lang="lv"]/span[@class="language-switcher__note"]')]
    assert len(only_in_english) == 1, "the test content's English-only story is listed"


def test_news_lists_paginate(site):
    """The news pages, followed by their rel=next links, list each Latvian story once,
    DEFAULT_PAGINATION to a page (fewer on the last), however many the content holds."""
    per_page = project_settings()["DEFAULT_PAGINATION"]
    stories = {f"/{file.parent.relative_to(site.root).as_posix()}/"
               for file in (site.root / "jaunumi").glob("[0-9]*/*/index.html")}
    assert len(stories) > per_page, "the test content has a second page of Latvian news"
    pages, listed, url = [], [], "/jaunumi/"
    while url:
        pages.append(urlsplit(url).path)
        cards = site.tree(url).xpath('//article[@class="story-card"]//a[1]/@href')
        listed.append([urlsplit(href).path for href in cards])
        url = next(iter(site.tree(url).xpath('//a[@rel="next"]/@href')), None)
    assert pages[:2] == ["/jaunumi/", "/jaunumi/2/"]
    assert [len(cards) for cards in listed[:-1]] == [per_page] * (len(listed) - 1)
    assert 1 <= len(listed[-1]) <= per_page
    assert sorted(href for cards in listed for href in cards) == sorted(stories)


@pytest.mark.parametrize(("url", "published", "modified"), [
    ("/jaunumi/2010/", "2010. gada 11. jūnijs", "2018. gada 23. oktobris"),
    ("/en/news/2010/", "11 June 2010", "23 October 2018"),
])
def test_dates_are_written_as_readers_of_each_language_expect(site, url, published, modified):
    story_url = site.tree(url).xpath('//article[@class="story-card"]//a')[0].get("href")
    story = site.tree(story_url)
    times = [t.text_content() for t in story.xpath('//dl[@class="story-meta"]//time')]
    assert times == [published, modified]


def test_drafts_and_future_stories_are_written_nowhere(site):
    for file in site.root.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".xml", ".json", ".md", ".txt"}:
            text = file.read_text("utf-8", errors="replace")
            assert "EMBARGO-MARKER" not in text, file
            assert "DRAFT-MARKER" not in text, file
            assert "Embargo" not in text and "Nepabeigts melnraksts" not in text, file
    assert not (site.root / "drafts").exists()
    # nor are the attachments in their folders (content paths are published as they are)
    assert not (site.root / "news/2025/unfinished-draft-story").exists()
    assert not (site.root / "news/2026/embargoed-future-story").exists()
    assert not any(site.root.rglob("index.lv.md"))


def test_no_internal_link_or_asset_is_broken(site):
    broken = []
    for file in site.html_files():
        page_url = site.url_of(file)
        for _, attribute, link, _ in site.tree(file).iterlinks():
            if attribute not in ("href", "src", "srcset") or link.startswith(("mailto:", "tel:")):
                continue
            absolute = urljoin(page_url, link)
            if not absolute.startswith(site.url):
                continue  # links to other sites are checked by people, not the build
            target = site.file_for(absolute)
            fragment = urlsplit(absolute).fragment
            if target is None:
                broken.append(f"{file.relative_to(site.root)} → {link}")
            elif fragment and target.suffix == ".html" and not site.tree(target).xpath(
                    f'//*[@id="{fragment}"]'):
                broken.append(f"{file.relative_to(site.root)} → {link} (no #{fragment})")
    assert not broken, "\n".join(broken)


def test_no_page_refers_to_another_host_for_assets(site):
    for file in site.html_files():
        html = file.read_text("utf-8")
        pattern = r'<(?:script|link|img|source|iframe)[^>]+(?:src|href)="(https?://[^"]+)"'
        for match in re.finditer(pattern, html):
            assert match.group(1).startswith(site.url) or 'rel="alternate"' in match.group(0), (
                f"{file}: {match.group(0)}")
