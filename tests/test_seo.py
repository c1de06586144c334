"""What search engines and link previews read in every page's head: canonical address,
description, Open Graph and Twitter card, JSON-LD."""

import json
import shutil
from types import SimpleNamespace

import lxml.html
import pytest

from seo_meta.seo_meta import share_image
from site_helpers import ROOT, build_site

OG_PROPERTIES = ("og:title", "og:description", "og:type", "og:url", "og:site_name",
                 "og:locale", "og:image", "og:image:width", "og:image:height", "og:image:alt")


def _meta(tree, attribute, name):
    return tree.xpath(f'//head/meta[@{attribute}="{name}"]/@content')


def _json_ld(tree):
    return [json.loads(script.text)
            for script in tree.xpath('//script[@type="application/ld+json"]')]


def _pages(site):
    return [file for file in site.html_files() if file.name != "404.html"]


def test_every_page_has_its_canonical_address_and_a_description(site):
    for file in _pages(site):
        tree = site.tree(file)
        assert tree.xpath('//head/link[@rel="canonical"]/@href') == [site.url_of(file)], file
        description = _meta(tree, "name", "description")
        assert len(description) == 1 and description[0].strip(), file


def test_every_page_has_open_graph_and_twitter_card_tags(site):
    for file in site.html_files():
        tree = site.tree(file)
        for prop in OG_PROPERTIES:
            if prop == "og:url" and file.name == "404.html":
                continue  # shown at whatever address was not found
            values = _meta(tree, "property", prop)
            assert len(values) == 1 and values[0].strip(), f"{file}: {prop}"
        assert _meta(tree, "property", "og:image")[0].startswith(site.url + "/"), file
        assert _meta(tree, "property", "og:image:width")[0].isdigit(), file
        assert _meta(tree, "name", "twitter:card") == ["summary_large_image"], file
        assert _meta(tree, "property", "og:description") == _meta(tree, "name", "description")


def test_link_previews_speak_the_page_language(site):
    story = site.tree(site.translation_of(
        "/jaunumi/2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos/"))
    assert _meta(story, "property", "og:locale") == ["en_GB"]
    assert _meta(story, "property", "og:locale:alternate") == ["lv_LV"]
    assert _meta(story, "property", "og:type") == ["article"]
    assert _meta(story, "property", "og:title") == [story.xpath("//h1")[0].text_content()]
    home = site.tree("/")
    assert _meta(home, "property", "og:locale") == ["lv_LV"]
    assert _meta(home, "property", "og:type") == ["website"]
    assert _meta(home, "name", "description") == [
        "Sociālā palīdzība un pakalpojumi novada iedzīvotājiem"]


def test_preview_images_exist_with_the_size_the_tags_give(site):
    """The site-wide image, or a story's cover photo (gallery plugin) when it has one."""
    from PIL import Image

    previews = {}
    for file in site.html_files():
        tree = site.tree(file)
        previews[_meta(tree, "property", "og:image")[0]] = (
            int(_meta(tree, "property", "og:image:width")[0]),
            int(_meta(tree, "property", "og:image:height")[0]))
    assert f"{site.url}/theme/share.png" in previews
    assert any("/photos/" in url for url in previews), "no story previews its cover photo"
    for url, size in previews.items():
        image = site.file_for(url)
        assert image is not None, url
        with Image.open(image) as picture:
            assert picture.size == size, url


def test_a_cover_photo_is_the_preview_image_with_an_absolute_url():
    cover = {"url": "jaunumi/2025/x/photos/cover-1200.jpg", "width": 1200, "height": 800,
             "alt": "Sociālā darbiniece sarunā ar senioru"}
    context = {"SITEURL": "https://socialais-dienests.example.lv",
               "article": SimpleNamespace(cover_image=cover, lang="lv")}
    assert share_image(context) == {**cover, "url": (
        "https://socialais-dienests.example.lv/jaunumi/2025/x/photos/cover-1200.jpg")}


def test_json_ld_parses_and_describes_stories_and_the_department(site):
    stories = 0
    for file in site.html_files():
        tree = site.tree(file)
        objects = _json_ld(tree)  # json.loads fails on anything that is not valid JSON
        if tree.xpath('//meta[@property="og:type"][@content="article"]'):
            stories += 1
            (article,) = [o for o in objects if o["@type"] == "NewsArticle"]
            assert article["headline"] == tree.xpath("//h1")[0].text_content(), file
            assert article["url"] == site.url_of(file)
            assert article["inLanguage"] == tree.get("lang")
            assert article["datePublished"] == _meta(
                tree, "property", "article:published_time")[0]
            assert article["publisher"]["@type"] == "GovernmentOrganization"
            assert article["image"][0].startswith(site.url + "/")
    assert stories > 20
    for url, name in (("/", "Novada Sociālais dienests"), ("/en/", "Municipal Social Service")):
        (department,) = _json_ld(site.tree(url))
        assert department["@type"] == "GovernmentOrganization"
        assert department["name"] == name
        assert department["url"] == site.url + url


def test_the_search_and_404_pages_ask_not_to_be_indexed(site):
    for url in ("/meklet/", "/en/search/", "/404.html"):
        assert _meta(site.tree(url), "name", "robots") == ["noindex"], url
    assert not site.tree("/404.html").xpath('//link[@rel="canonical"]')


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory):
    """One story whose title and summary hold quotes, an ampersand and angle brackets."""
    content = tmp_path_factory.mktemp("tricky") / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    story = content / "news" / "2025" / "pedinas-un-pabalsti"
    story.mkdir(parents=True)
    (story / "index.lv.md").write_text(
        '---\ntitle: \'Pēdiņas „ģimenēm” & "citiem"\'\ndate: 2025-03-04\nkind: visit\n'
        'summary: \'Saraksts "A & B" <b>treknrakstā</b> un “pēdiņās”.\'\n---\n\nTeksts.\n',
        encoding="utf-8")
    output = tmp_path_factory.mktemp("tricky-site") / "output"
    result = build_site(content, output, site_url="https://socialais-dienests.example.lv")
    assert result.returncode == 0, result.stderr
    return output


def test_quotes_and_ampersands_in_titles_and_summaries_stay_inside_the_tags(tricky_site):
    page = tricky_site / "jaunumi/2025/pedinas-un-pabalsti/index.html"
    tree = lxml.html.fromstring(page.read_bytes())
    # a summary is plain text: what looks like markup in it is shown as typed (its quotes
    # made Latvian: docs/first-screen-and-typography.md)
    summary = "Saraksts „A & B” <b>treknrakstā</b> un „pēdiņās”."
    assert _meta(tree, "name", "description") == [summary]
    assert _meta(tree, "property", "og:title") == ["Pēdiņas „ģimenēm” & „citiem”"]
    (article,) = _json_ld(tree)
    assert article["description"] == summary
