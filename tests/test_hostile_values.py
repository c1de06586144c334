"""Every value an editor types is shown as the text typed, wherever it lands, and nothing
in it becomes markup or runs.

The site of `hostile_content` (each field holding quotes, `<b>`, `<img onerror>`, an
entity and a Latvian letter) is built with the real build, served, and read in Chromium:
each field's element text (or attribute) must equal what was typed, in both languages;
no page may run the typed script or gain a `<b>` or an `<img onerror>`. The raw HTML,
JSON-LD, feeds and calendars are checked too.
"""

import json
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import feedparser
import lxml.html
import pytest
from icalendar import Calendar

from hostile_content import (
    FOLDER_PAGE,
    LANGS,
    typed,
    typed_email,
    typed_markdown,
    typed_phone,
    typed_url,
    write_site,
)
from site_helpers import build_site, project_settings, serve_folder
from typography import quote_text

SETTINGS = project_settings()


# The fields residents read (`Field.prose`, and photos' per-language alt and caption):
# the site shows them with the language's quotation marks (plugins/typography); a data
# file's text given once for both languages (an address) with the default language's.
PROSE = {"title", "summary", "subject", "author", "author_role", "topic", "place", "post",
         "e_address", "in_person", "eligibility", "how_to_apply", "documents", "cost",
         "decision_time", "name", "address", "note", "booking", "text", "alt", "caption",
         "credit"}


def built(field: str, lang: str = "", shown_in: str = "") -> str:
    """The value as the site shows it: as typed, with the quotation marks of its
    language when residents read it as text — a value typed once for every language
    (`lang` "") with those of the page it is shown in."""
    value = typed(field, lang)
    if field.rpartition(".")[2] in PROSE:
        marks = lang or shown_in or SETTINGS["DEFAULT_LANG"]
        return quote_text(value, SETTINGS["QUOTATION_MARKS"][marks])
    return value


# Content's pages by their Latvian address: the English one is made from the hostile
# English title (plugins/translated_addresses), read from the page's hreflang (_url).
PAGES = {
    "consultation": {"lv": "jaunumi/2026/hostile-consultation/"},
    "visit": {"lv": "jaunumi/2026/hostile-visit/"},
    "service_change": {"lv": "jaunumi/2026/hostile-service-change/"},
    "page": {"lv": "hostile-page/"},
    "folder_page": {"lv": f"{FOLDER_PAGE}/"},
    "service": {"lv": "pakalpojumi/hostile-service/"},
    "easy_read": {"lv": "pakalpojumi/hostile-service/viegla-valoda/"},
    "catalogue": {"lv": "pakalpojumi/", "en": "en/services/"},
    "office": {"lv": "kur-sanemt-palidzibu/hostile-office/"},
    "where_to_get_help": {"lv": "kur-sanemt-palidzibu/", "en": "en/where-to-get-help/"},
    "consultations": {"lv": "apspriesanas/", "en": "en/consultations/"},
    "home": {"lv": "", "en": "en/"},
    "news": {"lv": "jaunumi/", "en": "en/news/"},
    "subscribe": {"lv": "abonet/", "en": "en/subscribe/"},
}
# How a value is read from an element: its text, the text after "Label: ", the text
# before " — Department" (<title>), its own text without its child elements', or an
# attribute.
READERS = {
    "text": "e => e.textContent.trim()",
    "after-label": "e => e.textContent.trim().split(': ').slice(1).join(': ')",
    "before-dash": "e => e.textContent.trim().split(' — ')[0]",
    "own-text": "e => Array.from(e.childNodes).filter(n => n.nodeType === 3)"
                ".map(n => n.textContent).join('').trim()",
}


@dataclass(frozen=True)
class Shown:
    """Where the value of `field` is shown: page, CSS selector, how it is read."""
    page: str
    field: str
    selector: str
    read: str = "text"  # a READERS key or "attr:<name>"
    # text (typed), url (typed_url), email, phone, markdown, or plain (no language: typed
    # once, shown with the marks of the page's language)
    kind: str = "text"
    prefix: str = ""  # e.g. "mailto:" before the typed value in an href
    contains: bool = False  # the value is part of a longer wording (a feed's title)

    def expected(self, lang: str) -> str:
        value = {"text": lambda: built(self.field, lang),
                 "url": lambda: typed_url(self.field, lang),
                 "markdown": lambda: quote_text(typed_markdown(self.field, lang),
                                                SETTINGS["QUOTATION_MARKS"][lang]),
                 "email": lambda: typed_email(self.field),
                 "phone": lambda: typed_phone(self.field),
                 "plain": lambda: built(self.field, shown_in=lang)}[self.kind]()
        return self.prefix + (value.replace(" ", "") if self.prefix == "tel:" else value)


def _story(page: str) -> list[Shown]:
    return [Shown(page, f"{page}.title", "h1.story__title"),
            Shown(page, f"{page}.title", "title", "before-dash"),
            Shown(page, f"{page}.title", 'meta[property="og:title"]', "attr:content"),
            Shown(page, f"{page}.summary", 'meta[name="description"]', "attr:content"),
            Shown(page, f"{page}.summary", 'meta[property="og:description"]', "attr:content"),
            Shown(page, f"{page}.author", ".story-meta dd", "text"),
            Shown(page, f"{page}.tag", ".tag-list__link"),
            Shown("news", f"{page}.title", ".story-card__title a"),
            Shown("news", f"{page}.summary", ".story-card__summary"),
            Shown("home", f"{page}.title", ".story-card__title a"),
            Shown(f"topic:{page}", f"{page}.tag", "h1", "after-label")]


def _office(page: str) -> list[Shown]:
    return [Shown(page, "office.address", ".office__contact dd", kind="plain"),
            Shown(page, "office.phone", ".office__phone", kind="phone"),
            Shown(page, "office.phone", ".office__phone", "attr:href", "phone", "tel:"),
            Shown(page, "office.email", '.office__contact a[href^="mailto:"]', kind="email"),
            Shown(page, "office.email", '.office__contact a[href^="mailto:"]', "attr:href",
                  "email", "mailto:"),
            Shown(page, "office.note", ".office__note"),
            Shown(page, "office.booking", ".office__booking", "own-text"),
            Shown(page, "office.person.name", ".person__name strong", kind="plain"),
            Shown(page, "office.person.phone", ".person__phone", kind="phone"),
            Shown(page, "office.person.phone", ".person__phone", "attr:href", "phone", "tel:"),
            Shown(page, "office.person.email", '.person__contacts a[href^="mailto:"]',
                  kind="email"),
            Shown(page, "notice.banner.title", ".notice-banner .notice__title"),
            Shown(page, "notice.listed.title", ".notice-list .notice__title, "
                  ".office .notice__title"),
            Shown(page, "notice.listed.text", ".notice-list .notice__text, .office .notice__text")]


SHOWN = [
    *_story("consultation"), *_story("visit"),
    Shown("consultation", "consultation.subject", ".consultation-box__fact dd"),
    Shown("consultation", "consultation.meeting.topic", ".meeting__facts dd"),
    Shown("consultation", "consultation.meeting.place", ".meeting__facts dd"),
    Shown("consultation", "consultation.meeting.online", "a.meeting__link", "attr:href", "url"),
    Shown("consultation", "consultation.meeting.recording", "a.meeting__link", "attr:href",
          "url"),
    Shown("consultation", "consultation.document.file.title", ".document-list__link",
          "own-text"),
    Shown("consultation", "consultation.document.link.title", ".document-list__link",
          "own-text"),
    Shown("consultation", "consultation.document.link", ".document-list__link", "attr:href",
          "url"),
    Shown("consultation", "consultation.participation.email", ".consultation-box__ways a",
          kind="email"),
    Shown("consultation", "consultation.participation.email", ".consultation-box__ways a",
          "attr:href", "email", "mailto:"),
    Shown("consultation", "consultation.participation.post", ".consultation-box__ways li",
          "after-label"),
    Shown("consultation", "consultation.participation.e_address",
          ".consultation-box__ways li", "after-label"),
    Shown("consultation", "consultation.participation.in_person",
          ".consultation-box__ways li", "after-label"),
    Shown("consultation", "consultation.participation.form", "a.consultation-box__form",
          "attr:href", "url"),
    Shown("consultation", "consultation.results", ".consultation-box__results a", "attr:href",
          "url"),
    Shown("consultations", "consultation.title", ".consultation-card__title a"),
    Shown("consultations", "consultation.subject", ".consultation-card__subject"),
    Shown("home", "consultation.title", ".consultation-card__title a"),
    *[Shown("visit", f"photo{n}.alt", "img.gallery__image", "attr:alt") for n in (0, 1)],
    *[Shown("visit", f"photo{n}.caption", ".gallery__caption", "own-text") for n in (0, 1)],
    *[Shown("visit", f"photo{n}.credit", ".gallery__credit", "after-label", "plain")
      for n in (0, 1)],
    Shown("visit", "photo0.alt", 'meta[property="og:image:alt"]', "attr:content"),
    Shown("service_change", "service_change.title", "h1.story__title"),
    Shown("page", "page.title", "h1"),
    Shown("page", "page.title", "title", "before-dash"),
    Shown("page", "page.summary", 'meta[name="description"]', "attr:content"),
    Shown("folder_page", "folder_page.title", "h1"),
    Shown("folder_page", "folder_page.image.alt", ".prose picture img", "attr:alt", "markdown"),
    Shown("service", "service.title", "h1.service__title"),
    Shown("service", "service.title", "title", "before-dash"),
    Shown("service", "service.summary", ".service__summary"),
    Shown("service", "service.eligibility", ".service__section li"),
    Shown("service", "service.how_to_apply", ".service__steps li"),
    Shown("service", "service.documents", ".service__section li"),
    Shown("service", "service.cost", ".service__fact p"),
    Shown("service", "service.decision_time", ".service__fact p"),
    Shown("service", "service.legal_basis.title", ".service__section li a"),
    Shown("service", "service.legal_basis.url", ".service__section li a", "attr:href", "url"),
    Shown("service", "service_change.title", ".service__changes a"),
    Shown("service", "office.name", ".office__name a"),
    Shown("service", "service.title", 'link[type="application/atom+xml"]', "attr:title",
          contains=True),
    *_office("service"),
    Shown("easy_read", "service.title", "h1.service__title"),
    Shown("easy_read", "service.easy_read", ".easy-read", kind="markdown"),
    Shown("catalogue", "service.title", ".service-card__title a"),
    Shown("catalogue", "service.summary", ".service-card__summary"),
    Shown("office", "office.name", "h1"),
    Shown("office", "office.name", "title", "before-dash"),
    Shown("office", "service.title", ".office-page__services a"),
    *_office("office"),
    Shown("where_to_get_help", "office.name", ".office__name a"),
    *_office("where_to_get_help"),
    Shown("home", "notice.listed.title", ".home-notices .notice__title"),
    Shown("home", "notice.listed.text", ".home-notices .notice__text"),
    Shown("home", "notice.banner.title", ".notice-banner .notice__title"),
    Shown("home", "notice.banner.text", ".notice-banner .notice__text"),
    Shown("subscribe", "service.title", ".feed-list__name"),
]
# Fields of the story's author line: "author, role".
AUTHOR_LINE = {"consultation.author", "visit.author"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    write_site(root / "content")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    result = build_site(root / "content", root / "output", site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(root / "output", port):
        yield root / "output", url


def _url(output: Path, page: str, lang: str) -> str:
    """The page's address in the site; `topic:<story>`: the list of the story's tag."""
    if page.startswith("topic:"):
        story = _url(output, page.removeprefix("topic:"), lang)
    elif lang in PAGES[page]:
        return PAGES[page][lang]
    else:  # the translation of the Latvian page, at the address its hreflang names
        latvian = lxml.html.fromstring((output / PAGES[page]["lv"] / "index.html").read_bytes())
        return latvian.xpath(f'//link[@hreflang="{lang}"]/@href')[0].split("/", 3)[3]
    tree = lxml.html.fromstring((output / story / "index.html").read_bytes())
    return tree.xpath('//a[@class="tag-list__link"]/@href')[0].split("/", 3)[3]


@pytest.fixture(scope="module")
def site_context(hostile_site, browser):
    """A browser context that reaches the hostile site only (other hosts are refused)."""
    site_url = hostile_site[1]
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        site_url) else route.abort())
    yield context
    context.close()


INJECTED = "b, img[src='x'], [onerror]"  # elements the typed markup would make


def _harm(tab) -> tuple[str, list[str]]:
    """Whether the typed script ran, and the elements the typed markup made."""
    return (tab.evaluate("typeof window.__pwned"),
            tab.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML)"))


@pytest.fixture(scope="module")
def readings(hostile_site, site_context):
    """Each page as Chromium shows it (loaded once): every SHOWN value on it and `_harm`.
    One tab loads them all (a tab each costs Chromium a renderer process); each page
    loaded is a new document, with a window of its own."""
    output, site_url = hostile_site
    cache = {}
    tab = site_context.new_page()

    def read(page: str, lang: str) -> dict:
        if (page, lang) not in cache:
            tab.goto(f"{site_url}/{quote(_url(output, page, lang))}")
            queries = sorted({(s.selector, s.read) for s in SHOWN if s.page == page})
            values = {}
            for selector, how in queries:
                reader = (f"e => e.getAttribute({json.dumps(how[5:])})"
                          if how.startswith("attr:") else READERS[how])
                values[selector, how] = tab.eval_on_selector_all(
                    selector, f"(els) => els.map({reader})")
            cache[page, lang] = {"values": values, "harm": _harm(tab)}
        return cache[page, lang]

    yield read
    tab.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("shown", SHOWN, ids=lambda s: f"{s.page}:{s.field}:{s.read}")
def test_typed_value_is_shown_as_typed(readings, shown, lang):
    expected = shown.expected(lang)
    if shown.field in AUTHOR_LINE:
        expected += ", " + built(shown.field.replace("author", "author_role"), lang)
    found = readings(shown.page, lang)["values"][shown.selector, shown.read]
    if shown.contains:
        assert any(expected in value for value in found), found
    else:
        assert expected in found, found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", [*PAGES, "topic:consultation", "topic:visit"])
def test_no_typed_markup_becomes_elements_or_runs(readings, page, lang):
    assert readings(page, lang)["harm"] == ("undefined", [])


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_show_typed_titles_as_text(hostile_site, site_context, lang):
    """search.js writes Pagefind's results into the page: titles as text, excerpts as
    Pagefind's HTML (it escapes the page's text and adds <mark>)."""
    tab = site_context.new_page()
    search = "meklet/" if lang == "lv" else "en/search/"
    tab.goto(f"{hostile_site[1]}/{search}?q=consultation")
    tab.wait_for_selector(".search-result__title a")
    titles = tab.eval_on_selector_all(".search-result__title a",
                                      "els => els.map(e => e.textContent.trim())")
    assert built("consultation.title", lang) in titles
    assert _harm(tab) == ("undefined", [])


@pytest.mark.parametrize("lang", LANGS)
def test_gallery_viewer_shows_the_caption_as_text(hostile_site, site_context, lang):
    tab = site_context.new_page()
    tab.goto(f"{hostile_site[1]}/{_url(hostile_site[0], 'visit', lang)}")
    tab.click(".gallery__link")
    caption = tab.wait_for_selector("dialog[open] [data-gallery-caption]").text_content()
    assert caption.startswith(built("photo0.caption", lang) + " ")
    assert caption.endswith(": " + built("photo0.credit"))
    assert _harm(tab) == ("undefined", [])


def test_raw_html_has_no_typed_markup(hostile_site):
    output, _ = hostile_site
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    for file in pages:
        html = file.read_text("utf-8")
        assert "<img src=x" not in html and "<b>x" not in html, file


def _json_ld(output: Path, url: str) -> list[dict]:
    tree = lxml.html.fromstring((output / url / "index.html").read_bytes())
    return [json.loads(script.text)
            for script in tree.xpath('//script[@type="application/ld+json"]')]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("story", ["consultation", "visit"])
def test_story_json_ld_holds_the_typed_values(hostile_site, story, lang):
    [data] = _json_ld(hostile_site[0], _url(hostile_site[0], story, lang))
    assert data["headline"] == built(f"{story}.title", lang)
    assert data["description"] == built(f"{story}.summary", lang)
    assert data["author"]["name"] == built(f"{story}.author", lang)
    assert data["author"]["jobTitle"] == built(f"{story}.author_role", lang)
    assert data["keywords"] == [built(f"{story}.tag", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_service_json_ld_holds_the_typed_values(hostile_site, lang):
    data = next(d for d in _json_ld(hostile_site[0], _url(hostile_site[0], "service", lang))
                if d["@type"] == "GovernmentService")
    assert data["name"] == built("service.title", lang)
    assert data["description"] == built("service.summary", lang)
    [channel] = data["availableChannel"]
    assert channel["name"] == built("office.name", lang)
    assert channel["serviceLocation"]["address"] == built("office.address", shown_in=lang)
    assert channel["servicePhone"]["telephone"] == typed_phone("office.phone")


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_hold_the_typed_values(hostile_site, lang):
    output, _ = hostile_site
    news = "jaunumi/" if lang == "lv" else "en/news/"
    feed = feedparser.parse((output / news / "atom.xml").read_bytes())
    assert feed.bozo == 0
    titles = {entry.title for entry in feed.entries}
    assert {built(f"{s}.title", lang) for s in ("consultation", "visit")} <= titles
    terms = {tag.label or tag.term for entry in feed.entries for tag in entry.tags}
    assert built("consultation.tag", lang) in terms
    service_feed = feedparser.parse(next((output / news).glob("*/hostile-service/atom.xml"))
                                    .read_bytes())
    assert built("service.title", lang) in service_feed.feed.title


@pytest.mark.parametrize("lang", LANGS)
def test_meeting_calendar_holds_the_typed_values(hostile_site, lang):
    folder = hostile_site[0] / _url(hostile_site[0], "consultation", lang)
    [ics] = folder.glob("*.ics")
    [event] = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == (f"{built('consultation.meeting.topic', lang)} — "
                                      f"{built('consultation.title', lang)}")
    assert str(event["LOCATION"]) == built("consultation.meeting.place", lang)
