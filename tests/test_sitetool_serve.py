"""`sitetool serve`: the open page reloads itself after a save; a change that does not build
is shown on the page; a quick rebuild gives the same pages as a full build."""

import filecmp
import json
import shutil
import threading
from pathlib import Path

import pytest

from content_schema import Problem
from page_types import representatives, type_and_lang_params
from site_helpers import NGINX_HEADERS, BuiltSite, troubles_of
from sitetool import security_headers
from sitetool.build import build
from sitetool.build_log import Entry
from sitetool.serve import Broadcast, Outcome, Previewer, _tell
from sitetool_helpers import ROOT, TODAY, running_preview

STORY = "news/2024/sociala-virtuve-parcelas-uz-stacijas-ielu"  # named by a service page


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """`sitetool serve` on a copy of the project's content: one for the module (its start
    is a full build)."""
    with running_preview(tmp_path_factory.mktemp("preview")) as started:
        yield started


@pytest.fixture
def preview(running):
    """The module's preview, its story put back as it was if a test left it edited."""
    source = running[0] / STORY / "index.lv.md"
    text = source.read_text("utf-8")
    yield running
    if source.read_text("utf-8") != text:
        source.write_text(text, "utf-8")


@pytest.mark.browser
def test_the_open_page_reloads_itself_and_shows_what_did_not_build(preview, browser):
    content, url, lines = preview
    source = content / STORY / "index.lv.md"
    text = source.read_text("utf-8")
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{url}/jaunumi/2024/sociala-virtuve-parcelas-uz-stacijas-ielu/")
        page.locator("html[data-sitetool-preview=connected]").wait_for(state="attached")
        source.write_text(text.replace("title: ", "title: Labots ", 1), "utf-8")
        # looked at every 100 ms while the preview rebuilds (seconds), not at every frame
        page.wait_for_function("() => document.querySelector('h1').textContent"
                               ".includes('Labots')", polling=100, timeout=60_000)
        source.write_text(text.replace("kind: service-change", "kind: excursion"), "utf-8")
        banner = page.locator("#sitetool-problems")
        banner.wait_for(timeout=60_000)
        assert banner.get_attribute("role") == "alert"
        assert (f"content/{STORY}/index.lv.md:4: kind: 'excursion' is not allowed — use one "
                "of: visit, service-change, consultation") in banner.text_content()
        assert "Labots" in page.locator("h1").text_content()  # the last good version stays
        source.write_text(text, "utf-8")
        page.wait_for_function("() => !document.getElementById('sitetool-problems') && "
                               "!document.querySelector('h1').textContent.includes('Labots')",
                               polling=100, timeout=60_000)
    finally:
        context.close()
    assert any("This change did not build" in line for line in lines)


def test_pages_are_served_with_the_reload_script_and_a_404(preview):
    import urllib.error
    import urllib.request

    _, url, _ = preview
    with urllib.request.urlopen(f"{url}/") as response:
        html = response.read().decode()
        assert response.headers["Cache-Control"] == "no-store"
    assert '<script src="/_sitetool/reload.js" defer></script></head>' in html
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{url}/nav-tadas-lapas/")
    assert missing.value.code == 404
    assert "/_sitetool/reload.js" in missing.value.read().decode()


def _html(folder: Path) -> dict[str, Path]:
    return {str(p.relative_to(folder)): p for p in folder.rglob("*.html")}


def test_a_quick_rebuild_gives_the_pages_a_full_build_gives(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    overrides = {"PATH": str(content), "BUILD_DATE": TODAY}
    previewer = Previewer(ROOT / "pelicanconf.py", tmp_path / "preview", overrides)
    assert previewer.full().ok
    previewer.wait_for_later()  # photos not in the cache: their larger sizes, and a build
    source = content / STORY / "index.lv.md"
    source.write_text(source.read_text("utf-8").replace("title: ", "title: Labots ", 1))
    quick = previewer.changed({source})
    assert quick.ok and not quick.full, [e.render("en") for e in quick.problems]
    assert 0 < quick.pages < 40  # its page, its translation, lists, the service it names
    _assert_pages_of_a_fresh_build(tmp_path, overrides)
    assert "Labots" in (tmp_path / "preview/pakalpojumi/sociala-virtuve/index.html").read_text()


def _assert_pages_of_a_fresh_build(tmp_path, overrides):
    fresh = build(ROOT / "pelicanconf.py", tmp_path / "fresh",
                  overrides={**overrides, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False})
    assert fresh.ok
    preview_pages, fresh_pages = _html(tmp_path / "preview"), _html(tmp_path / "fresh")
    assert preview_pages.keys() == fresh_pages.keys()
    stale = [name for name, page in fresh_pages.items()
             if not filecmp.cmp(page, preview_pages[name], shallow=False)]
    assert stale == []


def test_an_edited_text_is_put_into_the_site_read_before(tmp_path):
    """A save that changes a body's text only: the preview keeps the site it read and
    renders the pages that show the text — the pages a fresh full build makes. A save that
    adds a link reads the whole site again."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    overrides = {"PATH": str(content), "BUILD_DATE": TODAY}
    previewer = Previewer(ROOT / "pelicanconf.py", tmp_path / "preview", overrides)
    assert previewer.full().ok
    previewer.wait_for_later()
    kept = previewer.site
    sources = [content / STORY / "index.lv.md", content / STORY / "index.en.md",
               content / "pages" / "par-mums" / "index.lv.md"]
    for number, source in enumerate(sources):
        text = source.read_text("utf-8")
        body = text.index("\n---\n", 4) + 5
        source.write_text(f"{text[:body]}Labots {number}. {text[body:]}", "utf-8")
        quick = previewer.changed({source})
        assert quick.ok and not quick.full and quick.pages > 0  # par-mums: every page links to it
        assert previewer.site is kept, f"{source} was read with the whole site again"
    _assert_pages_of_a_fresh_build(tmp_path, overrides)
    page = (tmp_path / "preview/jaunumi/2024/sociala-virtuve-parcelas-uz-stacijas-ielu/"
            "index.html").read_text("utf-8")
    assert "Labots 0." in page
    source = sources[0]
    source.write_text(source.read_text("utf-8") + "\n[Kontakti](/kontakti/)\n", "utf-8")
    assert previewer.changed({source}).ok
    assert previewer.site is not kept


def test_an_edit_that_adds_a_page_falls_back_to_a_full_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    previewer = Previewer(ROOT / "pelicanconf.py", tmp_path / "preview",
                          {"PATH": str(content), "BUILD_DATE": TODAY})
    assert previewer.full().ok
    source = content / STORY / "index.lv.md"
    text = source.read_text("utf-8")
    source.write_text(text.replace("tags: [", "tags: [jauna tēma, ", 1), "utf-8")
    outcome = previewer.changed({source})
    assert outcome.ok and outcome.full
    assert (tmp_path / "preview/jaunumi/temas/jauna-tema/index.html").is_file()


@pytest.mark.browser
def test_the_preview_sends_the_headers_production_sends(preview, browser):
    """The security headers of the web server (docs/nginx) on every response, and every
    page type, with the reload script, loads under them: the script connects, nothing is
    refused — an editor sees a page that breaks the policy before publishing it."""
    import urllib.error
    import urllib.request

    content, url, _ = preview
    site = BuiltSite(content.parent / "output", url)  # the folder the preview serves
    stylesheet = next(site.root.glob("theme/*.css")).relative_to(site.root)
    for path in ("", "en/", "nav-tadas-lapas/", "_sitetool/reload.js", stylesheet):
        try:
            response = urllib.request.urlopen(f"{url}/{path}")
        except urllib.error.HTTPError as error:
            response = error
        for name, value in security_headers.read(NGINX_HEADERS):
            assert response.headers[name] == value, (path, name)
    context = browser.new_context()
    troubles = troubles_of(context, url)
    page = context.new_page()
    try:
        for page_type, lang in type_and_lang_params():
            for page_url in representatives(site, page_type, lang):
                page.goto(page_url)
                page.locator("html[data-sitetool-preview=connected]").wait_for(state="attached")
    finally:
        context.close()
    assert troubles == []


@pytest.mark.browser
def test_a_problem_stands_on_every_preview_page_until_it_is_fixed(preview, browser):
    """The panel is not only for the tab open at the bad save: a reload, or another page
    opened meanwhile, shows it again (under the preview's security headers), until the
    file is fixed."""
    content, url, _ = preview
    source = content / STORY / "index.lv.md"
    text = source.read_text("utf-8")
    context = browser.new_context()
    story, other = context.new_page(), context.new_page()
    panel = "#sitetool-problems"

    def problems_shown(page, count):
        page.locator(f"html[data-sitetool-problems='{count}']").wait_for(
            state="attached", timeout=60_000)
        return page.locator(f"{panel} li").all_inner_texts()  # one line per problem

    try:
        story.goto(f"{url}/jaunumi/2024/sociala-virtuve-parcelas-uz-stacijas-ielu/")
        assert problems_shown(story, 0) == []
        source.write_text(text.replace("kind: service-change", "kind: excursion"), "utf-8")
        story.locator(panel).wait_for(timeout=60_000)
        for page in (story, other):
            if page is story:
                page.reload()
            else:
                page.goto(f"{url}/en/")
            [shown] = problems_shown(page, 1)
            assert shown.startswith(f"content/{STORY}/index.lv.md:4: kind: 'excursion'")
            assert "\n" not in shown.strip()  # one mistake, one line
            assert page.eval_on_selector(panel, "e => getComputedStyle(e).position") == "fixed"
        source.write_text(text, "utf-8")
        story.locator(panel).wait_for(state="detached", timeout=60_000)
        story.reload()
        assert problems_shown(story, 0) == []
    finally:
        context.close()


def test_a_notice_is_told_once_a_session_and_warnings_stand_in_the_panel():
    """Every rebuild says the whole site's problems; the terminal tells a notice once (its
    text), while the panel a tab gets shows the warnings of the last build each time."""
    notice = Entry("notice", Problem("content/news/2024/a/index.en.md", 2, "title",
                                     "a new English title", "nothing has to change",
                                     severity="notice"))
    warning = Entry("warning", Problem("content/news/2024/a/index.lv.md", 9, "photos",
                                       "a photo without alt text", "describe it",
                                       severity="warning"))
    told, broadcast, said = [], Broadcast(), set()
    for _ in range(2):
        _tell(Outcome(True, False, 0.1, 3, [notice, warning]), told.append, broadcast,
              "en", said)
        _, panel = next(broadcast.follow(threading.Event()))
        assert json.loads(panel)["lines"] == [warning.render("en")]
    assert [outcome.problems for outcome in told] == [[notice, warning], [warning]]
