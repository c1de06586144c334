"""The sample site's feeds, read as feed readers read them, and how pages lead to them."""

from types import SimpleNamespace

import pytest

from feed_checks import (
    FEED_TYPES,
    addresses_in,
    atom_problems,
    built_feeds,
    feed_links,
    relative_addresses,
    rss_problems,
)
from feeds.catalogue import plan
from site_helpers import project_settings

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREILI = "2010/kurzemes-socialie-darbinieki-pieredzes-vizite-preilos/"


@pytest.fixture(scope="module")
def feeds(site):
    found = built_feeds(site)
    assert len(found) >= 16  # all news and three kinds, two formats, two languages
    return found


def _feed(feeds, url_end):
    return next(f for f in feeds if f.url.endswith(url_end))


def _story_pages(site, lang):
    folder = site.root / ("en/news" if lang == "en" else "jaunumi")
    return {site.url_of(file) for file in folder.glob("[0-9]*/*/index.html")
            if not site.forwards(file)}


def test_every_feed_parses_and_speaks_its_language(feeds):
    for feed in feeds:
        assert not feed.parsed.bozo, (feed.url, feed.parsed.get("bozo_exception"))
        declared = (feed.tree.get(XML_LANG) if feed.format == "atom"
                    else feed.tree.findtext("channel/language"))
        assert declared == feed.lang, feed.url


def test_entries_are_newest_first_and_the_main_feeds_hold_every_story(site, feeds):
    entries = project_settings()["FEED_ENTRIES"]
    for feed in feeds:
        published = [entry.published_parsed for entry in feed.parsed.entries]
        assert published == sorted(published, reverse=True), feed.url
        assert len(published) <= entries, feed.url
    for lang, end in (("lv", "/jaunumi/atom.xml"), ("en", "/en/news/rss.xml")):
        stories = _story_pages(site, lang)
        # the test content has more than one story and fewer than a feed holds
        assert 1 < len(stories) <= entries, lang
        assert {e.link for e in _feed(feeds, end).parsed.entries} == stories


def test_every_entry_links_to_a_built_page_in_the_feeds_language(site, feeds):
    for feed in feeds:
        for entry in feed.parsed.entries:
            page = site.file_for(entry.link)
            assert page is not None, f"{feed.url}: {entry.link} was not built"
            assert site.tree(page).get("lang") == feed.lang, entry.link
            for enclosure in entry.get("enclosures", []):
                photo = site.file_for(enclosure.href)
                assert photo is not None, enclosure.href
                assert int(enclosure.length) == photo.stat().st_size, enclosure.href


def test_entry_texts_use_only_absolute_addresses(feeds):
    checked = 0
    for feed in feeds:
        assert relative_addresses(feed) == [], feed.url
        checked += sum(len(addresses_in(c.value)) for e in feed.parsed.entries
                       for c in e.get("content", []))
    assert checked >= 10


def test_feeds_are_valid_atom_1_0_and_rss_2_0(feeds):
    for feed in feeds:
        problems = atom_problems(feed.tree) if feed.format == "atom" else rss_problems(
            feed.tree)
        assert problems == [], feed.url


def test_each_feed_names_itself_its_page_and_its_newest_change(site, feeds):
    for feed in feeds:
        parsed = feed.parsed
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["self"] == feed.url
        assert site.file_for(links["alternate"]) is not None, feed.url
        if feed.format == "atom":
            assert parsed.entries, feed.url  # the sample has a story of every kind
            assert parsed.feed.updated_parsed == max(
                e.updated_parsed for e in parsed.entries), feed.url
        else:  # RSS items have no `updated`: the channel's date is the Atom twin's
            twin = _feed(feeds, feed.url.replace("/rss.xml", "/atom.xml"))
            assert parsed.feed.updated_parsed == twin.parsed.feed.updated_parsed, feed.url


def test_titles_and_descriptions_are_in_the_feeds_language(feeds):
    lv = _feed(feeds, "/jaunumi/atom.xml").parsed.feed
    assert lv.title == "Novada Sociālais dienests — Visas ziņas"
    assert lv.subtitle == "Visas sociālā dienesta ziņas, jaunākās vispirms."
    en = _feed(feeds, "/en/news/rss.xml").parsed.feed
    assert en.title == "Municipal Social Service — All news"
    assert en.subtitle == "Every news story of the social service, newest first."
    visits = _feed(feeds, "/jaunumi/pieredzes-vizites/atom.xml").parsed
    assert visits.feed.title == "Novada Sociālais dienests — Pieredzes vizītes"
    assert visits.feed.subtitle == "Tikai viena veida ziņas: Pieredzes vizītes."
    assert visits.entries and all(
        e.tags[0].term == "visit" and e.tags[0].label == "Pieredzes vizīte"
        for e in visits.entries)


def test_an_entry_carries_author_topics_and_riga_dates(site, feeds):
    feed = _feed(feeds, "/jaunumi/atom.xml")
    atom = "{http://www.w3.org/2005/Atom}"
    entry = next(e for e in feed.tree.findall(f"{atom}entry")
                 if e.find(f"{atom}link").get("href") == f"{site.url}/jaunumi/{PREILI}")
    assert entry.findtext(f"{atom}author/{atom}name") == "Anita Gāga"
    assert entry.findtext(f"{atom}published") == "2010-06-11T00:00:00+03:00"
    assert entry.findtext(f"{atom}updated") == "2018-10-23T00:00:00+03:00"  # `modified`
    assert [(c.get("term"), c.get("label")) for c in entry.findall(f"{atom}category")] == [
        ("visit", "Pieredzes vizīte"), ("pieredzes-apmaina", "pieredzes apmaiņa"),
        ("sociala-virtuve", "sociālā virtuve"), ("sociala-palidziba", "sociālā palīdzība")]
    assert entry.findtext(f"{atom}summary").startswith("Kurzemes reģiona sociālie darbinieki")
    assert ('<h2 id="s-ko-viesi-noverteja">Ko viesi novērtēja</h2>'  # BODY_ID_PREFIX
            in entry.findtext(f"{atom}content"))
    rss = _feed(feeds, "/jaunumi/rss.xml").parsed
    item = next(e for e in rss.entries if e.link == f"{site.url}/jaunumi/{PREILI}")
    assert item.author == "Anita Gāga"  # dc:creator: RSS <author> must be an e-mail
    assert item.id == entry.findtext(f"{atom}id") and item.guidislink is False


def test_every_page_advertises_its_languages_feed(site):
    main = {"lv": "jaunumi/", "en": "en/news/"}
    for file in site.html_files():
        tree = site.tree(file)
        lang = tree.get("lang")
        links = feed_links(tree)
        for name, kind in FEED_TYPES.items():
            assert links.get(f"{site.url}/{main[lang]}{name}") == kind, file


def test_pages_of_a_kind_service_or_group_advertise_their_own_feed(site, feeds):
    for feed in feeds:
        page = next(link.href for link in feed.parsed.feed.links if link.rel == "alternate")
        assert page not in (f"{site.url}/", f"{site.url}/en/"), f"{feed.url} has no page"
        assert feed.url in feed_links(site.tree(page)), f"{page} does not offer {feed.url}"
    story = site.tree(f"/jaunumi/{PREILI}")
    assert f"{site.url}/jaunumi/pieredzes-vizites/atom.xml" not in feed_links(story)


def test_the_subscribe_page_lists_every_feed_of_its_language(site, feeds):
    for lang, url, heading in (("lv", "/abonet/", "Kas ir jaunumu plūsma?"),
                               ("en", "/en/subscribe/", "What is a news feed?")):
        tree = site.tree(url)
        assert tree.get("lang") == lang
        assert heading in [h.text_content() for h in tree.xpath("//h2")]
        listed = tree.xpath('//ul[@class="feed-list"]//a[@class="feed-list__link"]')
        assert {a.get("href") for a in listed} == {f.url for f in feeds if f.lang == lang}
        assert all(a.text_content() == a.get("href") for a in listed)  # shown to copy
        home = site.tree("/" if lang == "lv" else "/en/")
        assert f"{site.url}{url}" in home.xpath("//footer//a/@href")


def _story(kind, services=(), lang="lv"):
    return SimpleNamespace(kind=kind, services=list(services), lang=lang)


def test_service_and_group_feeds_exist_only_with_a_service_catalogue():
    settings = project_settings()
    settings["TARGET_GROUPS"] = {
        "seniors": {"lv": "Seniori", "en": "Seniors", "slug": {"lv": "seniori",
                                                                 "en": "seniors"}}}
    stories = [_story("service-change", ["aprupe-majas"]), _story("visit")]
    context = {"DEFAULT_LANG": "lv", "articles_by_lang": {"lv": stories, "en": []}}
    without = plan(context, settings)
    assert {f.scope for f in without["lv"]} == {"all", "kind"}
    context["service_target_groups"] = {"aprupe-majas": ["seniors"], "asistents": ["seniors"]}
    with_catalogue = plan(context, settings)
    lv = {(f.scope, f.key): f for f in with_catalogue["lv"]}
    assert lv["service", "aprupe-majas"].stories == stories[:1]
    assert lv["service", "aprupe-majas"].urls["atom"] == "jaunumi/pakalpojumi/aprupe-majas/atom.xml"
    assert lv["target_group", "seniors"].urls["rss"] == "jaunumi/merkgrupas/seniori/rss.xml"
    assert ("service", "asistents") not in lv  # no story names it
    assert {f.scope for f in with_catalogue["en"]} == {"all", "kind"}  # no English news
