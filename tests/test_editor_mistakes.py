"""An editor's mistake, planted into a copy of the sample content, is said once: one line,
in the file (and on the line) that holds it, in Latvian when sitetool speaks Latvian, no
traceback and none of Pelican's own lines — and `sitetool check` and the production build
say the same line. Valid content an editor may write (a story only in English) publishes.
"""

import shutil
from pathlib import Path

import pytest
import yaml

from site_helpers import BuiltSite
from sitetool_helpers import ROOT, TODAY, sitetool
from sitetool_helpers import story as write_story

STORY = "news/2025/socialie-darbinieki-macibu-vizite-igaunija"
CONSULTATION = "news/2024/apspriesanai-nodots-socialo-pakalpojumu-attistibas-plans"
FOREIGN_LINES = ("Traceback", "Skipping", "Could not process", "Cannot get modification")


def _problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("content/")]


def _check(content):
    return sitetool("check", "--content", str(content), "--today", TODAY, "--no-cache",
                    lang=None, env={"SITETOOL_LANG": "lv"})


def _production(content, output):
    return sitetool("build", "--production", "--content", str(content), "--output",
                    str(output), "--today", TODAY, "--no-cache", lang="lv")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[set[str], Path, Path, str]:
    """What `check` says of the untouched sample content with the test-only stories:
    notices only, and the production build publishes it (content and output folders, and
    what the build said)."""
    folder = tmp_path_factory.mktemp("pristine")
    content, output = folder / "content", folder / "output"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "tests/fixtures/extra_content", content, dirs_exist_ok=True)
    checked, built = _check(content), _production(content, output)
    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + built.stderr
    return set(_problem_lines(checked.stdout)), content, output, built.stderr


def _set(source, field: str, value: str | None) -> None:
    """The front matter's `field:` line given `value`, or left out (None)."""
    text = source.read_text("utf-8")
    [line] = [line for line in text.splitlines(keepends=True) if line.startswith(f"{field}: ")]
    source.write_text(text.replace(line, "" if value is None else f"{field}: {value}\n", 1),
                      "utf-8")


def _colon_in_title(source):
    _set(source, "title", "Jelgavas kolēģi: apmeklē Igauniju")


def _impossible_date(source):
    _set(source, "date", "31.02.2025")


def _no_date(source):
    _set(source, "date", None)


def _saved_in_windows_1257(source):
    source.write_bytes(source.read_text("utf-8").encode("cp1257"))


def _closes_before_opens(source):
    _set(source, "closes", "05.10.2024")


def _title_of_300_characters(source):
    _set(source, "title", ("Sociālie darbinieki mācību vizītē Igaunijā " * 7)[:300])


def _picture_without_alt_text(source):
    source.write_text(source.read_text("utf-8") + "\n![](photos/IMG_0420.jpg)\n", "utf-8")


# Each mistake in a story of its own (with its translation), all in one copy of the sample
# content: one check and one production build say them all, each on its own file's line.
MISTAKES = {
    # the translation (index.en.md) takes date and kind from the broken file: not blamed
    "colon in a title": ("news/2018/daugavpils-novada-specialisti-pieredzes-brauciena-roterdama",
                         _colon_in_title, "2: galvene nav pareizā YAML pierakstā "),
    # Pelican's "Skipping …/index.en.md: could not find information about 'date'" is gone
    "impossible date": ("news/2018/salaspils-kolegi-pieredzes-vizite-labklajibas-parvalde",
                        _impossible_date, "3: date: '31.02.2025' nav datums — rakstiet to "
                        "šādi: 2010-06-11 vai 11.06.2010, ja vajag, ar laiku, piemēram, 10:00"),
    # the translation, which takes its date from the Latvian file, is not blamed too
    "date left out": ("news/2020/kuldigas-novada-pagastos-jauna-pienemsanas-kartiba", _no_date,
                      "1: date: trūkst — pievienojiet rindu, piemēram,  date: 2010-06-11"),
    # Pelican's "Could not process" for both files is gone
    "not UTF-8": ("news/2022/socialaja-dienesta-viesojas-kolegi-no-lietuvas",
                  _saved_in_windows_1257, ""),
    # echoed as typed, not as 2024-10-05
    "closes before opens": (CONSULTATION, _closes_before_opens,
                            "11: closes: 05.10.2024 ir agrāk par sākuma dienu opens "
                            "(07.10.2024) — rakstiet pēdējo dienu, kad pieņem priekšlikumus —"
                            " opens dienā vai vēlāk"),
    # Pelican's "Empty alt attribute for image IMG_0420.jpg in /…/index.lv.md", English
    # and absolute, is ours, on the picture's line (not the cover's, which names it too)
    "picture without alt text": (STORY, _picture_without_alt_text,
                                 "28: attēlam IMG_0420.jpg nav apraksta (alternatīvā "
                                 "teksta) — kvadrātiekavās aprakstiet, kas tajā redzams: "
                                 "![kas redzams attēlā](…)"),
    "title too long": ("news/2025/aprupe-majas-pieejama-ari-eglupes-pagasta",
                       _title_of_300_characters,
                       "2: title: ir 300 rakstzīmes garš: meklēšanas rezultātos un "
                       "pārlūka cilnēs redzamas tikai aptuveni 110 — saīsiniet to līdz 110 "
                       "rakstzīmēm vai mazāk un pārējo pasakiet laukā summary"),
}


def _said(lines: str, notices: set[str]) -> list[str]:
    return [line for line in _problem_lines(lines) if line not in notices]


def _section_lines(stdout: str) -> dict[str, list[str]]:
    """check's lines under each of its headings (errors, warnings, notices)."""
    sections: dict[str, list[str]] = {}
    for line in stdout.splitlines():
        if line.endswith(":") and not line.startswith("content/"):
            heading = sections.setdefault(line, [])
        elif line.startswith("content/"):
            heading.append(line)
    return sections


@pytest.fixture(scope="module")
def planted(published, tmp_path_factory):
    """check and the production build of the sample content with every mistake planted."""
    folder = tmp_path_factory.mktemp("mistakes")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    for story, plant, _ in MISTAKES.values():
        plant(content / story / "index.lv.md")
    checked, built = _check(content), _production(content, folder / "output")
    assert checked.returncode == 1 and built.returncode == 1
    assert built.stderr.splitlines()[0].startswith("Būvēšana neizdevās")
    for output in (checked.stdout + checked.stderr, built.stdout + built.stderr):
        assert not any(foreign in output for foreign in FOREIGN_LINES), output
    assert not (folder / "output").exists()
    return checked, built


def test_every_line_said_is_one_of_the_mistakes(published, planted):
    notices, *_ = published
    checked, built = planted
    said = _said(checked.stdout, notices)
    assert sorted(said) == sorted(_said(built.stderr, notices))
    assert len(said) == len(MISTAKES), checked.stdout


@pytest.mark.parametrize("mistake", MISTAKES)
def test_one_mistake_one_line_in_its_file_and_the_editors_language(mistake, published,
                                                                    planted):
    story, _, expected = MISTAKES[mistake]
    notices, *_ = published
    checked, built = planted
    in_story = f"content/{story}/"
    said_by_check = [line for line in _said(checked.stdout, notices)
                     if line.startswith(in_story)]
    said_by_build = [line for line in _said(built.stderr, notices)
                     if line.startswith(in_story)]
    assert len(said_by_check) == 1, checked.stdout
    assert said_by_check[0].startswith(f"{in_story}index.lv.md:{expected}"), said_by_check
    assert said_by_build == said_by_check, built.stderr
    # an error or a warning (either stops the production build), not a notice
    [heading] = [heading for heading, lines in _section_lines(checked.stdout).items()
                 if said_by_check[0] in lines]
    assert heading.startswith(("Kļūdas", "Brīdinājumi")), heading


def test_pelicans_own_lines_are_there_with_debug(tmp_path):
    content = tmp_path / "content"
    source = write_story(content, STORY.removeprefix("news/"), "Mācību vizīte")
    source.write_text(source.read_text("utf-8") + "\nSkat. [plānu]({filename}nav/x.md).\n",
                      "utf-8")
    quiet = sitetool("build", "--content", str(content), "--output", str(tmp_path / "a"),
                     "--today", TODAY, "--no-cache")
    loud = sitetool("--debug", "build", "--content", str(content), "--output",
                    str(tmp_path / "b"), "--today", TODAY, "--no-cache")
    ours = f"content/{STORY}/index.lv.md:8: the link {{filename}}nav/x.md points to no file"
    assert any(line.startswith(ours) for line in quiet.stderr.splitlines()), quiet.stderr
    assert "Unable to find" not in quiet.stderr
    assert "Unable to find 'nav/x.md', skipping url replacement." in loud.stderr


def test_a_story_only_in_english_publishes_in_production(published):
    notices, content, output, said_by_build = published
    assert not [line for line in [*notices, *_problem_lines(said_by_build)]
                if "english-only-story" in line]
    # its English address, as the build recorded it (plugins/translated_addresses)
    recorded = yaml.safe_load((content / ".addresses.yml").read_text("utf-8"))["en"]
    story = BuiltSite(output, "").tree(
        f"/en/news/2025/{recorded['news/2025/english-only-story']}/")
    [note] = story.xpath('//li[@lang="lv"]/span[@class="language-switcher__note"]')
    assert note.text_content().strip() == "Šī ziņa ir pieejama tikai angļu valodā."
    assert not (output / "jaunumi/2025/english-only-story").exists()
