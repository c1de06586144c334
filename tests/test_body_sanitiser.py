"""HTML in a text is cut to the allow-list (plugins/body_sanitiser): each hazard an editor
can paste into Markdown is missing from the published page, and `sitetool check` and the
build each say so in one line naming the file and the line, in Latvian and English.

The hazards, the Markdown text and the easy-read service share one site (each text in a
story of its own), checked and built once."""

import shutil

import pytest
from PIL import Image

from site_helpers import ROOT, BuiltSite, build_site
from sitetool_helpers import check_and_build, lines_naming, write

FRONT_MATTER = "---\ntitle: Ziņa\ndate: 2024-05-02\nkind: visit\n---\nIevads.\n\n"


def shown(story: str = "zina") -> str:
    return f"content/news/2024/{story}/index.lv.md"


def plant(content, body: str, story: str = "zina") -> int:
    """A story (Latvian and English) whose Latvian text ends with `body`, with a photo
    beside it; the line `body` starts on."""
    folder = content / "news/2024" / story
    write(folder / "index.lv.md", FRONT_MATTER + body + "\n")
    write(folder / "index.en.md", f"---\ntitle: News of {story}\n---\nText.\n")
    Image.new("RGB", (640, 480), "steelblue").save(folder / "zale.jpg")
    return FRONT_MATTER.count("\n") + 1


def story_body(output, story: str = "zina"):
    page = BuiltSite(output, "http://localhost:8000").tree(f"jaunumi/2024/{story}/")
    return page, page.find_class("story__body")[0]


def no_element(name):
    return lambda page, body: not page.xpath(f"//{name}")


HAZARDS = {
    "script": (
        '<script>document.location = "https://evil.example/"</script>',
        "removed <script>: the site does not publish it in a text",
        "izņemts <script>: vietne to tekstā nepublicē",
        lambda page, body: "evil.example" not in page.text_content()
        and not body.xpath(".//script")),
    "onerror": (
        '<img src="zale.jpg" alt="Zāle" onerror="alert(1)">',
        'removed onerror="alert(1)" from <img>',
        'no <img> izņemts onerror="alert(1)"',
        lambda page, body: not page.xpath("//@onerror") and body.xpath(".//img[@alt='Zāle']")),
    "iframe": (
        '<iframe src="https://evil.example/player"></iframe>',
        "removed <iframe>: the site does not publish it in a text — link to the video or "
        "page instead: the site publishes no embedded pages",
        "izņemts <iframe>: vietne to tekstā nepublicē",
        no_element("iframe")),
    "javascript-link": (
        "[Spiediet šeit](javascript:alert(document.cookie))",
        "removed the address javascript:alert(document.cookie) from <a>",
        "no <a> izņemta adrese javascript:alert(document.cookie)",
        lambda page, body: not page.xpath("//@href[contains(., 'javascript')]")
        and body.xpath(".//a[. = 'Spiediet šeit']")),
    "meta-refresh": (
        '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
        "removed <meta>: the site does not publish it in a text",
        "izņemts <meta>: vietne to tekstā nepublicē",
        lambda page, body: not page.xpath("//meta[@http-equiv]")
        and "evil.example" not in str(page.xpath("//@content"))),
    "style-element": (
        "<style>body { display: none }</style>",
        "removed <style>: the site does not publish it in a text",
        "izņemts <style>: vietne to tekstā nepublicē",
        no_element("style")),
    "style-attribute": (
        '<p style="position: fixed; inset: 0">Steidzami zvaniet!</p>',
        'removed style="position: fixed; inset: 0" from <p> — delete it: a text may not run '
        "scripts or set its own styles",
        'no <p> izņemts style="position: fixed; inset: 0"',
        lambda page, body: not body.xpath(".//@style")
        and body.xpath(".//p[. = 'Steidzami zvaniet!']")),
    "form": (
        '<form action="https://evil.example/login" method="post">Ievadiet paroli</form>',
        "removed <form>: the site does not publish it in a text",
        "izņemts <form>: vietne to tekstā nepublicē",
        lambda page, body: not body.xpath(".//form")
        and "evil.example" not in str(page.xpath("//@action"))),
    "data-image": (
        "![Punkts](data:image/png;base64,iVBORw0KGgo=)",
        "removed the address data:image/png;base64,iVBORw0KGgo= from <img>: only https:, "
        "http:, mailto: and tel: addresses and the site's own are published — put the "
        "picture in the story's folder",
        "no <img> izņemta adrese data:image/png;base64,iVBORw0KGgo=",
        lambda page, body: not page.xpath("//@src[starts-with(., 'data:')]")),
    "preview-link": (
        "[Kontakti](http://localhost:8000/kontakti/#laiks)",
        "removed the address http://localhost:8000/kontakti/#laiks from <a>: it is the "
        "preview on this computer, which residents cannot open — write the page's address on "
        "the site instead: /kontakti/#laiks",
        "no <a> izņemta adrese http://localhost:8000/kontakti/#laiks: tas ir "
        "priekšskatījums šajā datorā",
        lambda page, body: not body.xpath(".//@href[contains(., 'localhost')]")
        and body.xpath(".//a[. = 'Kontakti']")),
    # one pasted element is one mistake: what was inside it is not said again
    "pasted-svg": (
        '<svg onload="alert(1)"><circle r="4"/><g><path d="M0 0"></path></g></svg><br>',
        "removed <svg>: the site does not publish it in a text",
        "izņemts <svg>: vietne to tekstā nepublicē",
        lambda page, body: not page.xpath("//*[local-name() = 'svg' or local-name() = "
                                          "'circle']") and not page.xpath("//@onload")),
}


HAZARD_STORIES = [f"zina-{number}" for number in range(1, len(HAZARDS) + 1)]


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """`sitetool check` and build of one site: each hazard in a story of its own (named
    by number: a name like "javascript-link" would be in the links of every page), the
    Markdown text in the story "markdown", the easy-read service with a script."""
    folder = tmp_path_factory.mktemp("planted")
    for story, (body, *_) in zip(HAZARD_STORIES, HAZARDS.values(), strict=True):
        plant(folder / "content", body, story)
    plant(folder / "content", MARKDOWN, "markdown")
    plant_easy_read_script(folder / "content")
    check, build = check_and_build(folder / "content", folder / "output")
    assert build.returncode == 0, build.stderr
    return check, build, folder / "output"


@pytest.mark.parametrize(("story", "english", "latvian", "published_safely"),
                         [(story, *said) for story, (_, *said)
                          in zip(HAZARD_STORIES, HAZARDS.values(), strict=True)],
                         ids=HAZARDS.keys())
def test_a_hazard_in_a_text_is_not_published_and_said_once(planted, story, english, latvian,
                                                          published_safely):
    check, build, output = planted
    file, line = shown(story), FRONT_MATTER.count("\n") + 1
    assert [found[:len(f"{file}:{line}: ") + len(latvian)]
            for found in lines_naming(check, file)] == [f"{file}:{line}: {latvian}"]
    assert [found[:len(f"{file}:{line}: ") + len(english)]
            for found in lines_naming(build, file)] == [f"{file}:{line}: {english}"]
    assert published_safely(*story_body(output, story))


def test_a_production_build_stops_on_a_removed_hazard(tmp_path):
    line = plant(tmp_path / "content", HAZARDS["script"][0])
    build = build_site(tmp_path / "content", tmp_path / "output", "--strict")
    assert build.returncode == 1
    assert lines_naming(build, shown()) == [
        f"{shown()}:{line}: removed <script>: the site does not publish it in a text — delete "
        "it: write headings, lists, links, pictures and tables in Markdown"]
    assert not (tmp_path / "output").exists()


MARKDOWN = """## Kā pieteikties

| Pakalpojums | Cena |
|:--|--:|
| Zupa | 0,50 € |

Pieteikumu[^1] var iesniegt [e-pastā](mailto:dienests@example.lv), pa
[tālruni](tel:+37165300000) vai [portālā](https://latvija.gov.lv/), ko
uztur VARAM.

*[VARAM]: Viedās administrācijas un reģionālās attīstības ministrija

> Citāts

```text
kods <b>
```

[^1]: Arī ar pilnvaru.
"""


def test_what_markdown_writes_is_published_without_a_warning(planted):
    check, build, output = planted
    assert lines_naming(check, shown("markdown")) == lines_naming(build, shown("markdown")) == []
    _, body = story_body(output, "markdown")
    assert body.xpath(".//h2[@id='s-ka-pieteikties']")  # BODY_ID_PREFIX: not the theme's
    assert [cell.get("align") for cell in body.xpath(".//th")] == ["left", "right"]
    assert body.xpath(".//sup[@id='s-fnref:1']/a[@class='footnote-ref'][@href='#s-fn:1']")
    assert body.xpath(".//div[@class='footnote']//li[@id='s-fn:1']")
    assert body.xpath(".//abbr[@title='Viedās administrācijas un reģionālās attīstības "
                      "ministrija']")
    assert body.xpath(".//a[@href='mailto:dienests@example.lv']")
    assert body.xpath(".//a[@href='tel:+37165300000']")
    assert body.xpath(".//a[@href='https://latvija.gov.lv/'][@rel='noopener noreferrer']")
    assert body.xpath(".//blockquote") and body.xpath(".//pre/code[@class='language-text']")
    assert body.xpath(".//code")[0].text == "kods <b>\n"


def embed_settings(tmp_path, hosts):
    """pelicanconf.py with `BODY_EMBED_HOSTS` (paths Pelican resolves from the settings
    file's folder point back at the project)."""
    path = tmp_path / "settings.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    "from pelicanconf import *  # noqa\n"
                    f"THEME = {str(ROOT / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                    f"BODY_EMBED_HOSTS = {hosts!r}\n", "utf-8")
    return path


def test_an_embed_from_a_host_of_the_setting_is_published(tmp_path):
    player = "https://video.novads.lv/embed/42"
    content = tmp_path / "content"
    line = plant(content, f'<iframe src="{player}" title="Domes sēde" '
                          'onload="alert(1)"></iframe>\n\n'
                          '<iframe src="http://video.novads.lv/embed/43"></iframe>\n\n'
                          '<iframe src="https://evil.example/embed/44"></iframe>')
    settings = embed_settings(tmp_path, ["video.novads.lv"])
    check, build = check_and_build(content, tmp_path / "output", "--settings", str(settings))
    assert build.returncode == 0, build.stderr
    removed = "removed <iframe>: the site does not publish it in a text — link to the video " \
              "or page instead; embeds are published only from video.novads.lv"
    assert lines_naming(build, shown()) == [
        f'{shown()}:{line}: removed onload="alert(1)" from <iframe> — delete it: a text may '
        "not run scripts or set its own styles",
        f"{shown()}:{line + 2}: {removed}", f"{shown()}:{line + 4}: {removed}"]
    assert len(lines_naming(check, shown())) == 3
    _, body = story_body(tmp_path / "output")
    assert [(frame.get("src"), frame.get("title")) for frame in body.xpath(".//iframe")] == [
        (player, "Domes sēde")]
    assert not body.xpath(".//@onload")


EASY_READ = "services/krizes-centrs/index.lv.md"


def plant_easy_read_script(content):
    """The crisis centre's service (and the offices it names) with a script in its
    easy-read text."""
    shutil.copytree(ROOT / "content/services/krizes-centrs", content / "services/krizes-centrs")
    shutil.copytree(ROOT / "content/offices", content / "offices")
    source = content / EASY_READ
    source.write_text(source.read_text("utf-8").replace(
        "  Krīzes centrs ir droša vieta.\n",
        '  Krīzes centrs ir droša vieta.<script>alert(1)</script>\n'), "utf-8")


def test_an_easy_read_text_is_sanitised_too(planted):
    check, build, output = planted
    text = (ROOT / "content" / EASY_READ).read_text("utf-8")
    line = text[:text.index("  Krīzes centrs ir droša vieta.\n")].count("\n") + 1
    file = f"content/{EASY_READ}"
    expected = f"{file}:{line}: removed <script>: the site does not publish it in a text"
    assert [found[:len(expected)] for found in lines_naming(build, file)] == [expected]
    assert [found.split(" — ")[0] for found in lines_naming(check, file)] == [
        f"{file}:{line}: izņemts <script>: vietne to tekstā nepublicē"]
    easy_read = (output / "pakalpojumi/krizes-centrs/viegla-valoda/index.html")
    assert "Krīzes centrs ir droša vieta." in easy_read.read_text("utf-8")
    assert "alert(1)" not in easy_read.read_text("utf-8")
