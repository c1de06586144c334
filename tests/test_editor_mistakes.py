"""An editor's mistake, planted into a copy of the sample content, is said once: one line,
in the file (and on the line) that holds it, in Latvian when sitetool speaks Latvian, no
traceback and none of Pelican's own lines — and `sitetool check` and the production build
say the same line. Valid content an editor may write (a story only in English) publishes.
"""

import shutil

import pytest
import yaml

from site_helpers import BuiltSite
from sitetool_helpers import ROOT, TODAY, sitetool

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
def notices(tmp_path_factory) -> set[str]:
    """What `check` says of the untouched sample content: notices only, and the
    production build publishes it."""
    folder = tmp_path_factory.mktemp("pristine")
    shutil.copytree(ROOT / "content", folder / "content")
    checked, built = _check(folder / "content"), _production(folder / "content",
                                                             folder / "output")
    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + built.stderr
    return set(_problem_lines(checked.stdout))


def _edit(content, folder: str, old: str, new: str) -> None:
    source = content / folder / "index.lv.md"
    text = source.read_text("utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), "utf-8")


def _colon_in_title(content):
    _edit(content, STORY, "title: Sociālie darbinieki mācību vizītē Igaunijā",
          "title: Jelgavas kolēģi: apmeklē Igauniju")


def _impossible_date(content):
    _edit(content, STORY, "date: 2025-10-10", "date: 31.02.2025")


def _no_date(content):
    _edit(content, STORY, "date: 2025-10-10\n", "")


def _saved_in_windows_1257(content):
    source = content / STORY / "index.lv.md"
    source.write_bytes(source.read_text("utf-8").encode("cp1257"))


def _closes_before_opens(content):
    _edit(content, CONSULTATION, "closes: 04.11.2024", "closes: 05.10.2024")


def _title_of_300_characters(content):
    _edit(content, STORY, "title: Sociālie darbinieki mācību vizītē Igaunijā",
          "title: " + ("Sociālie darbinieki mācību vizītē Igaunijā " * 7)[:300])


def _picture_without_alt_text(content):
    source = content / STORY / "index.lv.md"
    source.write_text(source.read_text("utf-8") + "\n![](photos/IMG_0420.jpg)\n", "utf-8")


LV = f"content/{STORY}/index.lv.md"
MISTAKES = {
    # the translation (index.en.md) takes date and kind from the broken file: not blamed
    "colon in a title": (_colon_in_title, f"{LV}:2: galvene nav pareizā YAML pierakstā "),
    # Pelican's "Skipping …/index.en.md: could not find information about 'date'" is gone
    "impossible date": (_impossible_date, f"{LV}:3: date: '31.02.2025' nav datums — "
                        "rakstiet to šādi: 2010-06-11 vai 11.06.2010, ja vajag, ar laiku, "
                        "piemēram, 10:00"),
    # the translation, which takes its date from the Latvian file, is not blamed too
    "date left out": (_no_date, f"{LV}:1: date: trūkst — pievienojiet rindu, piemēram,  "
                      "date: 2010-06-11"),
    # Pelican's "Could not process" for both files is gone
    "not UTF-8": (_saved_in_windows_1257, f"{LV}:"),
    # echoed as typed, not as 2024-10-05
    "closes before opens": (_closes_before_opens, f"content/{CONSULTATION}/index.lv.md:11: "
                            "closes: 05.10.2024 ir agrāk par sākuma dienu opens (07.10.2024)"
                            " — rakstiet pēdējo dienu, kad pieņem priekšlikumus — opens dienā"
                            " vai vēlāk"),
    # Pelican's "Empty alt attribute for image IMG_0420.jpg in /…/index.lv.md", English
    # and absolute, is ours, on the picture's line (not the cover's, which names it too)
    "picture without alt text": (_picture_without_alt_text,
                                 f"{LV}:28: attēlam IMG_0420.jpg nav apraksta (alternatīvā "
                                 "teksta) — kvadrātiekavās aprakstiet, kas tajā redzams: "
                                 "![kas redzams attēlā](…)"),
    "title too long": (_title_of_300_characters,
                       f"{LV}:2: title: ir 300 rakstzīmes garš: meklēšanas rezultātos un "
                       "pārlūka cilnēs redzamas tikai aptuveni 110 — saīsiniet to līdz 110 "
                       "rakstzīmēm vai mazāk un pārējo pasakiet laukā summary"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_one_mistake_one_line_in_its_file_and_the_editors_language(mistake, notices,
                                                                    tmp_path):
    plant, expected = MISTAKES[mistake]
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plant(content)
    checked, built = _check(content), _production(content, tmp_path / "output")
    assert checked.returncode == 1 and built.returncode == 1
    said_by_check = [line for line in _problem_lines(checked.stdout) if line not in notices]
    said_by_build = [line for line in _problem_lines(built.stderr) if line not in notices]
    assert len(said_by_check) == 1, checked.stdout
    assert said_by_check[0].startswith(expected), said_by_check
    assert said_by_build == said_by_check, built.stderr
    assert built.stderr.splitlines()[0].startswith("Būvēšana neizdevās")
    for output in (checked.stdout + checked.stderr, built.stdout + built.stderr):
        assert not any(foreign in output for foreign in FOREIGN_LINES), output
    assert not (tmp_path / "output").exists()


def test_pelicans_own_lines_are_there_with_debug(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    source = content / STORY / "index.lv.md"
    source.write_text(source.read_text("utf-8") + "\nSkat. [plānu]({filename}nav/x.md).\n",
                      "utf-8")
    quiet = sitetool("build", "--content", str(content), "--output", str(tmp_path / "a"),
                     "--today", TODAY, "--no-cache")
    loud = sitetool("--debug", "build", "--content", str(content), "--output",
                    str(tmp_path / "b"), "--today", TODAY, "--no-cache")
    ours = f"{LV}:28: the link {{filename}}nav/x.md points to no file"
    assert any(line.startswith(ours) for line in quiet.stderr.splitlines()), quiet.stderr
    assert "Unable to find" not in quiet.stderr
    assert "Unable to find 'nav/x.md', skipping url replacement." in loud.stderr


def test_a_story_only_in_english_publishes_in_production(notices, tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "tests/fixtures/extra_content", content, dirs_exist_ok=True)
    checked, built = _check(content), _production(content, output)
    assert built.returncode == 0, built.stderr
    assert not [line for line in _problem_lines(checked.stdout + built.stderr)
                if "english-only-story" in line]
    # its English address, as the build recorded it (plugins/translated_addresses)
    recorded = yaml.safe_load((content / ".addresses.yml").read_text("utf-8"))["en"]
    story = BuiltSite(output, "").tree(
        f"/en/news/2025/{recorded['news/2025/english-only-story']}/")
    [note] = story.xpath('//li[@lang="lv"]/span[@class="language-switcher__note"]')
    assert note.text_content().strip() == "Šī ziņa ir pieejama tikai angļu valodā."
    assert not (output / "jaunumi/2025/english-only-story").exists()
