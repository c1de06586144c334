"""Limits on what the build reads: YAML anchors and aliases refused before they expand,
front matter and text sizes, control characters, encodings other than UTF-8, and YAML's
reasons in the editor's words. Each says one line naming the file and the line, from
`sitetool check` (in Latvian) and the build (in English); none makes a build step raise."""

import feedparser
import pytest
from PIL import Image

from site_helpers import BuiltSite
from sitetool_helpers import check_and_build, lines_naming, write

STORY = "news/2024/zina"
SHOWN = f"content/{STORY}/index.lv.md"
PAGE = "jaunumi/2024/zina/"
GOOD = "---\ntitle: Ziņa\ndate: 2024-05-02\nkind: visit\n---\nTeksts.\n"
# Depth 7: 9**7 = 4.8 million strings once expanded.
ALIAS_BOMB = "".join(
    [f'{name}: &{name} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
     if name == "a" else f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
     for previous, name in zip("_abcdef", "abcdefg", strict=True)])
ANCHORS = ("YAML anchors and aliases (&name, *name) are not accepted — write the value out "
           "in full; a value that starts with & or * goes in double quotes",
           "YAML enkuri un atsauces (&vārds, *vārds) netiek pieņemti — uzrakstiet vērtību "
           "pilnībā; vērtību, kas sākas ar & vai *, ielieciet pēdiņās")
NOT_UTF8 = ("the file is not saved as UTF-8 text, the encoding the site reads — open it in "
            "your text editor and save it again choosing the encoding UTF-8",
            "fails nav saglabāts kā UTF-8 teksts — vietne lasa tikai šo kodējumu — atveriet "
            "to teksta redaktorā un saglabājiet vēlreiz, izvēloties kodējumu UTF-8")
BODY = ("a" * 99 + "\n") * 11_000  # 1,100,000 bytes: 1075 KB


def site(tmp_path, files: dict[str, str | bytes]):
    """A one-story site (Latvian and English) with `files` (content-relative) on top."""
    content = tmp_path / "content"
    write(content / STORY / "index.lv.md", GOOD)
    write(content / STORY / "index.en.md", "---\ntitle: News\n---\nText.\n")
    for name, text in files.items():
        if isinstance(text, bytes):
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_bytes(text)
        else:
            write(content / name, text)
    return content


REFUSED = {
    "alias-bomb-in-front-matter": (
        {f"{STORY}/index.lv.md": GOOD.replace("kind: visit\n", "kind: visit\n" + ALIAS_BOMB)},
        SHOWN, 5, ANCHORS),
    "alias-bomb-in-an-office": (
        {"offices/eglupe.yml": "name: {lv: Egļupe, en: Egļupe}\n" + ALIAS_BOMB},
        "content/offices/eglupe.yml", 2, ANCHORS),
    "front-matter-of-70-kb": (
        {f"{STORY}/index.lv.md": GOOD.replace("kind: visit\n",
                                              f"kind: visit\nsummary: {'x' * 70 * 1024}\n")},
        SHOWN, 2,
        ("the front matter is 71 KB: more than the 64 KB the site accepts — keep the fields "
         "short; put long text in the body below the '---'",
         "galvene ir 71 KB — vairāk nekā 64 KB, ko vietne pieņem")),
    "text-over-1-mb": (
        {f"{STORY}/index.lv.md": GOOD.replace("Teksts.\n", BODY)}, SHOWN, 6,
        ("the text is 1075 KB: more than the 1024 KB the site accepts — split it into several "
         "pages, or attach the long part as a PDF and link to it",
         "teksts ir 1075 KB — vairāk nekā 1024 KB, ko vietne pieņem")),
    "windows-1257": (
        {f"{STORY}/index.lv.md": GOOD.encode("cp1257")}, SHOWN, 2, NOT_UTF8),
    "unclosed-quote": (
        {f"{STORY}/index.lv.md": GOOD.replace("title: Ziņa", 'title: "Ziņa')}, SHOWN, 2,
        ("the front matter is not valid YAML (a quote is not closed)",
         "galvene nav pareizā YAML pierakstā (pēdiņas nav aizvērtas)")),
    "unclosed-bracket": (
        {f"{STORY}/index.lv.md": GOOD.replace("kind: visit\n",
                                              "kind: visit\ntags: [seniori, virtuve\n")},
        SHOWN, 5,
        ("the front matter is not valid YAML (a list in [ ] is not closed with ], or misses "
         "a comma)", "galvene nav pareizā YAML pierakstā (sarakstam [ ] trūkst aizverošās ] "
         "vai komata)")),
    "character-that-cannot-start-a-value": (
        {f"{STORY}/index.lv.md": GOOD.replace("title: Ziņa", "title: @dienests ziņo")},
        SHOWN, 2,
        ("the front matter is not valid YAML (the character '@' cannot start a value)",
         "galvene nav pareizā YAML pierakstā (ar rakstzīmi '@' vērtība nevar sākties)")),
}


@pytest.mark.parametrize(("files", "shown", "line", "messages"), REFUSED.values(),
                         ids=REFUSED.keys())
def test_refused_input_stops_the_build_with_one_line(tmp_path, files, shown, line, messages):
    english, latvian = messages
    check, build = check_and_build(site(tmp_path, files), tmp_path / "output")
    assert build.returncode == 1 and check.returncode == 1
    assert [found[:len(f"{shown}:{line}: {latvian}")]
            for found in lines_naming(check, shown)] == [f"{shown}:{line}: {latvian}"]
    assert [found[:len(f"{shown}:{line}: {english}")]
            for found in lines_naming(build, shown)] == [f"{shown}:{line}: {english}"]
    assert "Traceback" not in build.stderr + check.stderr
    assert not (tmp_path / "output").exists()


FIX = ("check the text there: a line break typed with Shift+Enter in Word is one; type Enter "
       "instead", "pārbaudiet tur tekstu: tāda ir, piemēram, Word ar Shift+Enter ievadīta "
       "rindas pārnese; ievadiet Enter")


def control_characters(line: int, codes="U+000B", count=1):
    if count == 1:
        return (f"removed an invisible control character ({codes}) on line {line} — {FIX[0]}",
                f"izņemta neredzama vadības rakstzīme ({codes}) {line}. rindā — {FIX[1]}")
    return (f"removed {count} invisible control characters ({codes}) on lines {line} — "
            f"{FIX[0]}", f"izņemtas {count} neredzamas vadības rakstzīmes ({codes}) šajās "
            f"rindās: {line} — {FIX[1]}")


WARNED = {
    "vertical-tab-in-the-text": (
        {f"{STORY}/index.lv.md": GOOD.replace("Teksts.", "Pirmā rinda\x0botrā rinda.")},
        SHOWN, 6, control_characters(6)),
    "vertical-tab-in-the-title": (
        {f"{STORY}/index.lv.md": GOOD.replace("title: Ziņa", "title: Ziņa\x0bpar\x00 mums")},
        SHOWN, 2, control_characters(2, "U+0000, U+000B", 2)),
    "control-characters-in-an-office": (
        {"offices/eglupe.yml": "name: {lv: Egļupe\x0c, en: Egļupe}\nphone: +371 65300030\n"},
        "content/offices/eglupe.yml", 1, control_characters(1, "U+000C")),
}


@pytest.mark.parametrize(("files", "shown", "line", "messages"), WARNED.values(),
                         ids=WARNED.keys())
def test_control_characters_are_removed_with_one_warning(tmp_path, files, shown, line,
                                                         messages):
    english, latvian = messages
    check, build = check_and_build(site(tmp_path, files), tmp_path / "output")
    assert build.returncode == 0, build.stderr
    assert lines_naming(check, shown) == [f"{shown}:{line}: {latvian}"]
    assert lines_naming(build, shown) == [f"{shown}:{line}: {english}"]
    output = tmp_path / "output"
    for published in [*output.rglob("*.html"), *output.rglob("*.xml"), *output.rglob("*.ics")]:
        assert not any(code in published.read_text("utf-8") for code in "\x00\x0b\x0c"), \
            published
    feed = feedparser.parse((output / "jaunumi/atom.xml").read_bytes())
    assert not feed.bozo and [entry.title for entry in feed.entries] == [
        BuiltSite(output, "").tree(PAGE).findtext(".//h1")]


def test_a_title_keeps_its_words_apart_where_a_line_break_was_removed(tmp_path):
    content = site(tmp_path, WARNED["vertical-tab-in-the-title"][0])
    _, build = check_and_build(content, tmp_path / "output")
    assert build.returncode == 0, build.stderr
    page = BuiltSite(tmp_path / "output", "").tree(PAGE)
    assert page.findtext(".//h1") == "Ziņa par mums"


def test_an_alias_bomb_in_a_photo_list_is_refused_and_the_story_published(tmp_path):
    content = site(tmp_path, {f"{STORY}/photos/photos.yml": (
        "- file: zale.jpg\n  alt: {lv: Zāle, en: The hall}\n- " + ALIAS_BOMB.replace(
            "\n", "\n  ", ALIAS_BOMB.count("\n") - 1))})
    Image.new("RGB", (640, 480), "steelblue").save(content / STORY / "photos/zale.jpg")
    shown = f"content/{STORY}/photos/photos.yml"
    check, build = check_and_build(content, tmp_path / "output")
    assert build.returncode == 0, build.stderr
    assert lines_naming(check, shown) == [f"{shown}:3: {ANCHORS[1]}"]
    assert lines_naming(build, shown) == [f"{shown}:3: {ANCHORS[0]}"]
    assert (tmp_path / "output" / PAGE / "index.html").is_file()
