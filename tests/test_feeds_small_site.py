"""A small site of our own, built five times: unchanged, with a new title, with a renamed
folder and with a copied folder. Ids must hold, feeds must not change by themselves, and
the service and target-group feeds come from a tiny catalogue (tests/fixtures/feeds)."""

import logging
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import lxml.etree
import pytest
from PIL import Image

from feed_checks import atom_problems, built_feeds, feed_links, rss_problems
from feeds import entry_ids
from site_helpers import ROOT, BuiltSite, build_site

SITE_URL = "http://feeds.test"
SETTINGS = ROOT / "tests/fixtures/feeds/settings.py"
VISIT = "news/2024/pieredzes-vizite-valmiera"
HOME_CARE = "news/2025/aprupe-majas-ari-brivdienas"
KITCHEN = "news/2025/sociala-virtuve-slegta-svetkos"
ID_PATTERN = re.compile(
    r"^tag:socialais-dienests\.example\.lv,2026:news/\d{4}-\d{2}-\d{2}/[0-9a-f]{10}/(lv|en)$")

CONTENT = {
    "pages/aprupe-majas/index.lv.md": """---
title: Aprūpe mājās
summary: Palīdzība ikdienas darbos tiem, kas paši vairs netiek galā.
---
Aprūpētāja palīdz ar iepirkšanos, ēst gatavošanu un uzkopšanu.
""",
    "pages/aprupe-majas/index.en.md": """---
title: Home care
summary: Help with everyday tasks for people who can no longer manage alone.
---
A carer helps with shopping, cooking and cleaning.
""",
    "pages/sociala-virtuve/index.lv.md": """---
title: Sociālā virtuve
summary: Silta maltīte darba dienās tiem, kam tā vajadzīga.
---
Virtuve strādā darba dienās no 12.00 līdz 14.00.
""",
    f"{VISIT}/index.lv.md": """---
title: Kolēģi no Valmieras iepazīstas ar mūsu dienas centru
date: 18.04.2024
kind: visit
author: Anita Gāga
summary: Valmieras novada sociālie darbinieki viesojās mūsu senioru dienas centrā.
tags: [pieredzes apmaiņa]
---
Ceturtdien mūsu dienas centrā viesojās astoņi kolēģi no Valmieras.

![Viesi dienas centra zālē](grupa.jpg)

Par centra darbu vairāk stāsta [apraksts](#apraksts), jautājumus var uzdot
[Sociālajā dienestā](/kontakti/). Lasiet arī par
[aprūpi brīvdienās]({filename}../../2025/aprupe-majas-ari-brivdienas/index.lv.md).

## Apraksts {#apraksts}

Centrs ir atvērts darba dienās.
""",
    f"{VISIT}/index.en.md": """---
title: Colleagues from Valmiera visit our day centre
summary: Social workers from Valmiera municipality visited our day centre for seniors.
---
On Thursday eight colleagues from Valmiera visited our day centre.

See [the contacts](/en/kontakti/) page.
""",
    f"{HOME_CARE}/index.lv.md": """---
title: Aprūpe mājās turpmāk arī brīvdienās
date: 03.03.2025 10:00
modified: 10.03.2025
kind: service-change
author: Līga Krūmiņa
summary: No aprīļa aprūpētājas pie vientuļajiem senioriem nāks arī sestdienās.
services: [aprupe-majas]
---
No 1. aprīļa aprūpe mājās būs pieejama arī sestdienās no 9.00 līdz 13.00.
""",
    f"{HOME_CARE}/index.en.md": """---
title: Home care now at weekends too
summary: From April, carers will also visit seniors who live alone on Saturdays.
---
From 1 April, home care will also be available on Saturdays from 9:00 to 13:00.
""",
    f"{KITCHEN}/index.lv.md": """---
title: Sociālā virtuve svētkos būs slēgta
date: 2025-12-22
kind: service-change
summary: No 24. līdz 26. decembrim sociālā virtuve nestrādās; pusdienas izsniegs 23. decembrī.
services: [sociala-virtuve]
---
Svētku dienās virtuve būs slēgta. Maltītes uz trim dienām izsniegsim 23. decembrī.
""",
}


@dataclass
class Build:
    content: Path
    site: BuiltSite

    def feed(self, relative: str):
        return feedparser.parse((self.site.root / relative).read_bytes())

    def feed_bytes(self) -> dict[str, bytes]:
        return {f.file.relative_to(self.site.root).as_posix(): f.file.read_bytes()
                for f in built_feeds(self.site)}

    def ids(self, relative: str = "jaunumi/atom.xml") -> dict[str, str]:
        """{entry title: id}"""
        return {e.title: e.id for e in self.feed(relative).entries}


def _build(content: Path, output: Path) -> Build:
    result = build_site(content, output, "--settings", str(SETTINGS), site_url=SITE_URL)
    assert result.returncode == 0, result.stderr
    return Build(content, BuiltSite(output, SITE_URL))


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new), "utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Build]:
    """first: fresh content; again: unchanged; retitled; renamed; copied — each step
    changes the previous step's content (ids were stored by the first build)."""
    root = tmp_path_factory.mktemp("feeds")
    content = root / "content"
    for relative, text in CONTENT.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, "utf-8")
    Image.new("RGB", (800, 600), (90, 140, 60)).save(content / VISIT / "grupa.jpg")  # in its text
    done = {"first": _build(content, root / "first")}
    done["again"] = _build(content, root / "again")
    _edit(content / HOME_CARE / "index.lv.md", "Aprūpe mājās turpmāk arī brīvdienās",
          "Aprūpētājas nāks arī sestdienās")
    _edit(content / HOME_CARE / "index.en.md", "Home care now at weekends too",
          "Carers will come on Saturdays too")
    done["retitled"] = _build(content, root / "retitled")
    (content / HOME_CARE).rename(content / "news/2025/aprupetajas-nak-ari-sestdienas")
    _edit(content / VISIT / "index.lv.md", "2025/aprupe-majas-ari-brivdienas",
          "2025/aprupetajas-nak-ari-sestdienas")
    done["renamed"] = _build(content, root / "renamed")
    copy = content / "news/2025/pieredzes-vizite-cesis"
    shutil.copytree(content / VISIT, copy)
    _edit(copy / "index.lv.md", "date: 18.04.2024", "date: 14.05.2025")
    _edit(copy / "index.lv.md", "Kolēģi no Valmieras iepazīstas ar mūsu dienas centru",
          "Cēsu kolēģi viesojas mūsu dienas centrā")
    done["copied"] = _build(content, root / "copied")
    return done


def test_every_feed_of_the_small_site_is_valid(builds):
    feeds = built_feeds(builds["first"].site)
    assert len(feeds) == 2 * 2 * (1 + 3) + 2 * (2 + 3) + 2 * (1 + 1)
    for feed in feeds:
        assert not feed.parsed.bozo, feed.url
        problems = atom_problems(feed.tree) if feed.format == "atom" else rss_problems(
            feed.tree)
        assert problems == [], feed.url


def test_an_unchanged_rebuild_gives_byte_identical_feeds(builds):
    first, again = builds["first"].feed_bytes(), builds["again"].feed_bytes()
    assert first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []


def test_the_build_stores_each_storys_id_beside_it(builds):
    ids = builds["again"].ids()
    stored = entry_ids.read_stored(entry_ids.Bundle(
        VISIT, builds["first"].content / VISIT, f"content/{VISIT}", datetime.now()))
    assert ids["Kolēģi no Valmieras iepazīstas ar mūsu dienas centru"] == f"{stored}/lv"
    assert (builds["first"].content / VISIT / ".feed-id").read_text("utf-8").startswith(
        "# The id feed readers know this story by.")


def test_ids_are_tag_uris_one_per_language(builds):
    lv = builds["first"].ids()
    en = builds["first"].ids("en/news/atom.xml")
    assert all(ID_PATTERN.match(value) for value in [*lv.values(), *en.values()])
    lv_id = lv["Kolēģi no Valmieras iepazīstas ar mūsu dienas centru"]
    en_id = en["Colleagues from Valmiera visit our day centre"]
    assert lv_id.startswith("tag:socialais-dienests.example.lv,2026:news/2024-04-18/")
    assert lv_id.removesuffix("/lv") == en_id.removesuffix("/en")
    assert len(set(lv.values())) == len(lv) == 3


def test_a_new_title_keeps_the_id(builds):
    before, after = builds["again"], builds["retitled"]
    for feed, old, new in (
            ("jaunumi/atom.xml", "Aprūpe mājās turpmāk arī brīvdienās",
             "Aprūpētājas nāks arī sestdienās"),
            ("en/news/rss.xml", "Home care now at weekends too",
             "Carers will come on Saturdays too")):
        assert after.ids(feed)[new] == before.ids(feed)[old]
        assert old not in after.ids(feed)


def test_a_renamed_folder_keeps_the_id_and_links_to_the_new_address(builds):
    before, after = builds["retitled"], builds["renamed"]
    assert after.ids() == before.ids()
    assert after.ids("en/news/atom.xml") == before.ids("en/news/atom.xml")
    entry = next(e for e in after.feed("jaunumi/atom.xml").entries
                 if e.title == "Aprūpētājas nāks arī sestdienās")
    assert entry.link == f"{SITE_URL}/jaunumi/2025/aprupetajas-nak-ari-sestdienas/"
    assert after.site.file_for(entry.link) is not None


def test_a_copied_folder_gets_an_id_of_its_own(builds):
    before, after = builds["renamed"].ids(), builds["copied"].ids()
    original = "Kolēģi no Valmieras iepazīstas ar mūsu dienas centru"
    assert after[original] == before[original]
    copy_id = after["Cēsu kolēģi viesojas mūsu dienas centrā"]
    assert copy_id != after[original] and ID_PATTERN.match(copy_id)
    assert "/2025-05-14/" in copy_id
    stored = (builds["copied"].content / "news/2025/pieredzes-vizite-cesis/.feed-id")
    assert stored.read_text("utf-8").splitlines()[-1] == copy_id.removesuffix("/lv")


def test_links_and_images_in_entries_are_absolute(builds):
    entry = next(e for e in builds["first"].feed("jaunumi/rss.xml").entries
                 if e.title.startswith("Kolēģi no Valmieras"))
    content = entry.content[0].value
    story = f"{SITE_URL}/jaunumi/2024/pieredzes-vizite-valmiera/"
    rendition = "photos/2024/pieredzes-vizite-valmiera/grupa-800.jpg"  # the text's photo
    assert f'src="{SITE_URL}/{rendition}"' in content
    assert (builds["first"].site.root / rendition).is_file()
    assert f'href="{SITE_URL}/kontakti/"' in content
    assert f'href="{story}#s-apraksts"' in content  # the heading's id has BODY_ID_PREFIX
    assert f'href="{SITE_URL}/jaunumi/2025/aprupe-majas-ari-brivdienas/"' in content


def test_each_service_and_target_group_with_news_has_feeds(builds):
    site = builds["first"].site
    expected = {
        "jaunumi/pakalpojumi/aprupe-majas/": "Novada Sociālais dienests — Ziņas par "
                                             "pakalpojumu „Aprūpe mājās”",
        "jaunumi/pakalpojumi/sociala-virtuve/": "Novada Sociālais dienests — Ziņas par "
                                                "pakalpojumu „Sociālā virtuve”",
        "jaunumi/merkgrupas/seniori/": "Novada Sociālais dienests — Ziņas iedzīvotāju "
                                       "grupai „Seniori”",
        "jaunumi/merkgrupas/gimenes-ar-berniem/": "Novada Sociālais dienests — Ziņas "
                                                  "iedzīvotāju grupai „Ģimenes ar bērniem”",
        "jaunumi/merkgrupas/trucigas-majsaimniecibas/": "Novada Sociālais dienests — Ziņas "
            "iedzīvotāju grupai „Trūcīgas un maznodrošinātas mājsaimniecības”",
        "en/news/services/aprupe-majas/": "Municipal Social Service — News about Home care",
        "en/news/groups/seniors/": "Municipal Social Service — News for Seniors",
    }
    for folder, title in expected.items():
        for name in ("atom.xml", "rss.xml"):
            assert feedparser.parse((site.root / folder / name).read_bytes()).feed.title == title
    built = {f.file.parent.relative_to(site.root).as_posix() + "/" for f in built_feeds(site)}
    service_feeds = {f for f in built if "/pakalpojumi/" in f or "/services/" in f
                     or "/merkgrupas/" in f or "/groups/" in f}
    assert service_feeds == set(expected)  # no feed for a service nobody wrote about
    kitchen = builds["first"].feed("jaunumi/pakalpojumi/sociala-virtuve/atom.xml").entries
    assert [e.title for e in kitchen] == ["Sociālā virtuve svētkos būs slēgta"]
    assert ("sociala-virtuve", "Sociālā virtuve") in [(t.term, t.label) for t in kitchen[0].tags]
    seniors = builds["first"].feed("en/news/groups/seniors/rss.xml").entries
    assert [e.title for e in seniors] == ["Home care now at weekends too"]


def test_a_service_page_advertises_its_feed_and_the_subscribe_page_lists_it(builds):
    site = builds["first"].site
    assert f"{SITE_URL}/jaunumi/pakalpojumi/aprupe-majas/atom.xml" in feed_links(
        site.tree("/aprupe-majas/"))
    assert f"{SITE_URL}/en/news/services/aprupe-majas/rss.xml" in feed_links(
        site.tree(site.translation_of("/aprupe-majas/")))
    subscribe = site.tree("/abonet/")
    headings = [h.text_content() for h in subscribe.xpath("//h3")]
    assert headings == ["Pēc veida", "Pēc pakalpojuma", "Pēc iedzīvotāju grupas"]
    by_service = subscribe.xpath('//h3[.="Pēc pakalpojuma"]/following-sibling::ul[1]'
                                 '//p[@class="feed-list__name"]/text()')
    assert by_service == ["Aprūpe mājās", "Sociālā virtuve"]


def test_a_kind_without_stories_has_a_feed_dated_by_the_newest_story(builds):
    atom = lxml.etree.fromstring(
        (builds["first"].site.root / "jaunumi/apspriesanas/atom.xml").read_bytes())
    assert atom.findall("{http://www.w3.org/2005/Atom}entry") == []
    assert atom.findtext("{http://www.w3.org/2005/Atom}updated") == "2025-12-22T00:00:00+02:00"


def test_the_cover_photo_travels_as_an_enclosure_and_thumbnail(builds):
    site = builds["first"].site
    photo = f"{SITE_URL}/news/2025/aprupe-majas-ari-brivdienas/vaks-480.jpg"
    for feed in ("jaunumi/atom.xml", "jaunumi/rss.xml"):
        entry = next(e for e in builds["first"].feed(feed).entries
                     if e.title == "Aprūpe mājās turpmāk arī brīvdienās")
        assert [(e.href, int(e.length), e.type) for e in entry.enclosures] == [
            (photo, site.file_for(photo).stat().st_size, "image/jpeg")]
        assert entry.media_thumbnail == [{"url": photo, "width": "480", "height": "320"}]


def test_an_edited_id_file_is_reported_with_its_line_and_replaced(tmp_path, caplog):
    folder = tmp_path / "content/news/2024/zina"
    folder.mkdir(parents=True)
    (folder / ".feed-id").write_text(f"{entry_ids.HEADER}mana ziņa\n", "utf-8")
    published = datetime(2024, 5, 2, tzinfo=ZoneInfo("Europe/Riga"))
    bundle = entry_ids.Bundle("news/2024/zina", folder, "content/news/2024/zina", published)
    with caplog.at_level(logging.WARNING):
        ids, to_store = entry_ids.assign([bundle], "socialais-dienests.example.lv,2026")
    assert [record.getMessage() for record in caplog.records] == [
        "content/news/2024/zina/.feed-id:3: this is not a feed id the build wrote — the "
        "build replaces it; feed readers may show the story once more as new"]
    assert ids == {"news/2024/zina": entry_ids.mint("socialais-dienests.example.lv,2026",
                                                    bundle)}
    assert to_store == [bundle]
