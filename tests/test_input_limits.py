"""Limits on what the build reads: YAML anchors and aliases refused before they expand,
front matter and text sizes, control characters, encodings other than UTF-8, and YAML's
reasons in the editor's words. Each says one line naming the file and the line, from
`sitetool check` (in Latvian) and the build (in English); none makes a build step raise.

The cases share two builds (each case in its own story or office file): every refused
input in one, every input that is cleaned and published in the other. That each refused
input stops a build by itself is read from `sitetool check`, which lists its line among
the errors (what no build publishes), not among the warnings or notices."""

from urllib.parse import urlsplit

import feedparser
import pytest
from PIL import Image

from site_helpers import BuiltSite
from sitetool_helpers import check_and_build, lines_naming, write

STORY = "news/2024/zina"
SHOWN = f"content/{STORY}/index.lv.md"
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
TWICE = ("{field}: is given twice (also on line {first}) — keep the line you mean and delete "
         "the other", "{field}: norādīts divreiz (arī {first}. rindā) — atstājiet rindu, kuru "
         "domājāt, bet otru izdzēsiet")


ONE_STORY = {f"{STORY}/index.lv.md": GOOD,
             f"{STORY}/index.en.md": "---\ntitle: News\n---\nText.\n"}


def site(content, files: dict[str, str | bytes]):
    """A one-story site (Latvian and English) with `files` (content-relative) on top."""
    for name, text in {**ONE_STORY, **files}.items():
        if isinstance(text, bytes):
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_bytes(text)
        else:
            write(content / name, text)
    return content


def moved(path: str, case: str) -> str:
    """A case's story (or office file) in a folder (or file) of its own, named after it."""
    return path.replace(STORY, f"news/2024/{case}").replace("offices/eglupe", f"offices/{case}")


def cases_built(folder, cases: dict):
    """`sitetool check` and build of one site holding every case's files, a case's story
    (Latvian and English, as in `site`; the English titled apart, which gives it an
    address of its own) under its name, and the output folder."""
    content = folder / "content"
    for case, (files, *_) in cases.items():
        if any(name.startswith(STORY + "/") for name in files):
            files = {**ONE_STORY, f"{STORY}/index.en.md": f"---\ntitle: News of {case}\n---\n",
                     **files}
        site(content, {moved(name, case): text for name, text in files.items()})
    return (*check_and_build(content, folder / "output"), folder / "output")


def errors_listed_by(check) -> list[str]:
    """The lines `sitetool check` (in Latvian) lists under its errors heading."""
    _, heading, section = check.stdout.partition("Kļūdas (")
    assert heading, check.stdout
    return section.split("\n\n", 1)[0].splitlines()[1:]


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
    # YAML keeps the last of two values without a word: which one was meant is the editor's
    "key-given-twice": (
        {f"{STORY}/index.lv.md": GOOD.replace("title: Ziņa", "title: Ziņa\ntitle: Cita ziņa")},
        SHOWN, 3, (TWICE[0].format(field="title", first=2), TWICE[1].format(field="title",
                                                                            first=2))),
    "key-given-twice-in-an-office": (
        {"offices/eglupe.yml": "name: {lv: Egļupe, en: Egļupe}\nphone: +371 65300030\n"
                               "phone: +371 65300031\n"},
        "content/offices/eglupe.yml", 3,
        (TWICE[0].format(field="phone", first=2), TWICE[1].format(field="phone", first=2))),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    return cases_built(tmp_path_factory.mktemp("refused"), REFUSED)


def test_refused_input_stops_the_build_and_publishes_nothing(refused):
    check, build, output = refused
    assert build.returncode == 1 and check.returncode == 1
    assert "Traceback" not in build.stderr + check.stderr
    assert not output.exists()


@pytest.mark.parametrize(("case", "shown", "line", "messages"),
                         [(case, shown, line, messages)
                          for case, (_, shown, line, messages) in REFUSED.items()],
                         ids=REFUSED.keys())
def test_refused_input_is_an_error_said_in_one_line(refused, case, shown, line, messages):
    check, build, _ = refused
    english, latvian = messages
    shown = moved(shown, case)
    said = [found[:len(f"{shown}:{line}: {latvian}")] for found in lines_naming(check, shown)]
    assert said == [f"{shown}:{line}: {latvian}"]
    assert [found[:len(f"{shown}:{line}: {english}")]
            for found in lines_naming(build, shown)] == [f"{shown}:{line}: {english}"]
    assert lines_naming(check, shown)[0] in errors_listed_by(check), check.stdout


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


PHOTO_LIST = f"{STORY}/photos/photos.yml"
CLEANED = {**WARNED, "alias-bomb-in-a-photo-list": (
    {PHOTO_LIST: ("- file: zale.jpg\n  alt: {lv: Zāle, en: The hall}\n- " + ALIAS_BOMB.replace(
        "\n", "\n  ", ALIAS_BOMB.count("\n") - 1))}, PHOTO_LIST, 3, ANCHORS),
    # text YAML 1.1 reads as a yes/no, a number or a date (True, 1.1, 8, 2024-05-02 00:00:00)
    "values-yaml-reads-as-other-than-text": ({f"{STORY}/index.lv.md": GOOD.replace(
        "title: Ziņa", "title: yes").replace("kind: visit", "kind: visit\nauthor: 1.10")},)}


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory):
    """The cases that publish: the control characters, and a refused photo list whose
    story is published (its photo planted next to the list)."""
    folder = tmp_path_factory.mktemp("cleaned")
    photos = folder / "content" / moved(STORY, "alias-bomb-in-a-photo-list") / "photos"
    photos.mkdir(parents=True)
    Image.new("RGB", (640, 480), "steelblue").save(photos / "zale.jpg")
    return cases_built(folder, CLEANED)


def test_cleaned_input_is_published_without_the_control_characters(cleaned):
    _, build, output = cleaned
    assert build.returncode == 0, build.stderr
    published = [*output.rglob("*.html"), *output.rglob("*.xml"), *output.rglob("*.ics")]
    assert published
    for file in published:
        assert not any(code in file.read_text("utf-8") for code in "\x00\x0b\x0c"), file
    feed = feedparser.parse((output / "jaunumi/atom.xml").read_bytes())
    site = BuiltSite(output, "")
    assert not feed.bozo and feed.entries
    for entry in feed.entries:  # the feed's title is the page's, cleaned the same way
        assert entry.title == site.tree(urlsplit(entry.link).path).findtext(".//h1")


@pytest.mark.parametrize(("case", "shown", "line", "messages"),
                         [(case, shown, line, messages)
                          for case, (_, shown, line, messages) in WARNED.items()],
                         ids=WARNED.keys())
def test_control_characters_are_removed_with_one_warning(cleaned, case, shown, line,
                                                         messages):
    check, build, _ = cleaned
    english, latvian = messages
    shown = moved(shown, case)
    assert lines_naming(check, shown) == [f"{shown}:{line}: {latvian}"]
    assert lines_naming(build, shown) == [f"{shown}:{line}: {english}"]


def test_a_title_keeps_its_words_apart_where_a_line_break_was_removed(cleaned):
    page = BuiltSite(cleaned[2], "").tree("jaunumi/2024/vertical-tab-in-the-title/")
    assert page.findtext(".//h1") == "Ziņa par mums"


def test_an_alias_bomb_in_a_photo_list_is_refused_and_the_story_published(cleaned):
    check, build, output = cleaned
    shown = f"content/{moved(PHOTO_LIST, 'alias-bomb-in-a-photo-list')}"
    assert lines_naming(check, shown) == [f"{shown}:3: {ANCHORS[1]}"]
    assert lines_naming(build, shown) == [f"{shown}:3: {ANCHORS[0]}"]
    assert (output / "jaunumi/2024/alias-bomb-in-a-photo-list/index.html").is_file()


def test_text_is_published_as_typed_where_yaml_reads_another_type(cleaned):
    check, _, output = cleaned
    page = BuiltSite(output, "").tree("jaunumi/2024/values-yaml-reads-as-other-than-text/")
    assert page.findtext(".//h1").strip() == "yes"
    assert "1.10" in page.xpath("string(//dl[contains(@class, 'story-meta')])")
    assert lines_naming(check, f"content/{moved(STORY, 'values-yaml-reads-as-other-than-text')}"
                        "/index.lv.md") == []
