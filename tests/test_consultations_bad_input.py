"""A consultation's bad front matter stops the build with one line naming the file, the
line and the field; a too-short period for a draft binding regulation is a warning that
fails only strict (production) builds."""

from pathlib import Path

import pytest

from site_helpers import build_site

FOLDER = "content/news/2026/bad-consultation"
LV = f"{FOLDER}/index.lv.md"
EN = f"{FOLDER}/index.en.md"
HEAD = """---
title: Apspriež dienas centra darba laiku
date: 2026-11-02
kind: consultation
subject: Dienas centra darba laiks
"""


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """sitetool speaks Latvian unless asked otherwise; these lines are pinned in English,
    one test below pins the Latvian."""
    monkeypatch.setenv("SITETOOL_LANG", "en")


def _write(bundle: Path, lv_fields: str, en_fields: str | None) -> None:
    bundle.mkdir(parents=True)
    (bundle / "index.lv.md").write_text(f"{HEAD}{lv_fields}---\nTeksts.\n", "utf-8")
    if en_fields is not None:
        (bundle / "index.en.md").write_text(
            f"---\ntitle: Day centre hours\nsubject: Day centre hours\n{en_fields}---\nText.\n",
            "utf-8")


def _build(tmp_path, lv_fields, en_fields=None, *extra):
    _write(tmp_path / FOLDER, lv_fields, en_fields)
    return build_site(tmp_path / "content", tmp_path / "output", *extra, today="2026-11-03")


def _reported(result, expected) -> bool:
    return any(line.startswith(expected) for line in result.stderr.splitlines())


PERIOD = "opens: 2026-11-02\ncloses: 2026-11-30\n"
# Each mistake in a consultation of its own, all built at once: the Latvian fields, the
# English ones (None: no translation), the line said from the file's name on.
MISTAKES = {
    "closes-before-opens": (
        "opens: 2026-11-20\ncloses: 2026-11-06\n", None,
        "{lv}:7: closes: 2026-11-06 is before opens (2026-11-20) — write the last day "
        "proposals are accepted, on or after opens"),
    "meeting-without-start": (
        f"{PERIOD}meetings:\n  - topic: Darba laiks\n    place: Dienas centrs\n", None,
        "{lv}:9: meetings[0].start: is missing — add a line such as  start: 2026-11-26 17:30"),
    "meeting-ends-before-start": (
        f"{PERIOD}meetings:\n  - start: 2026-11-10 17:00\n    end: 2026-11-10 16:00\n", None,
        "{lv}:10: meetings[0].end: 2026-11-10 16:00 is before the start (2026-11-10 17:00) "
        "— write the date and time the meeting ends, e.g. end: 2026-11-10 19:00"),
    "missing-document-file": (
        f"{PERIOD}documents:\n  - title: Projekts\n    file: Projekts.pdf\n", None,
        "{lv}:10: documents[0].file: 'Projekts.pdf' is not in the story's folder — put the "
        "file in {folder}/ or correct its name (capitals count)"),
    "document-without-file-or-link": (
        f"{PERIOD}documents:\n  - title: Projekts\n", None,
        "{lv}:9: documents[0]: needs either file or link — write file: followed by the name "
        "of a file in the story's folder, or link: followed by a web address"),
    "translation-moves-meeting": (
        f"{PERIOD}meetings:\n  - start: 2026-11-10 17:00\n",
        "meetings:\n  - start: 2026-11-10 18:00\n    topic: Opening hours\n",
        "{en}:5: meetings[0].start: 2026-11-10 18:00 differs from index.lv.md "
        "(2026-11-10 17:00) — a translation keeps the meeting times of index.lv.md"),
}


def _folder_of(mistake: str) -> str:
    return f"content/news/2026/{mistake}"


@pytest.fixture(scope="module")
def every_mistake(tmp_path_factory):
    """One build of a site holding a consultation of each of MISTAKES."""
    root = tmp_path_factory.mktemp("consultation-mistakes")
    for mistake, (lv_fields, en_fields, _) in MISTAKES.items():
        _write(root / _folder_of(mistake), lv_fields, en_fields)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITETOOL_LANG", "en")
        return build_site(root / "content", root / "output", today="2026-11-03")


@pytest.mark.parametrize("mistake", MISTAKES)
def test_bad_consultation_fails_with_one_clear_line(every_mistake, mistake):
    folder = _folder_of(mistake)
    expected = MISTAKES[mistake][2].format(lv=f"{folder}/index.lv.md",
                                           en=f"{folder}/index.en.md", folder=folder)
    assert every_mistake.returncode == 1
    said = [line for line in every_mistake.stderr.splitlines()
            if line.startswith(f"{folder}/")]
    assert len(said) == 1 and said[0].startswith(expected), every_mistake.stderr


SHORT_REGULATION = "opens: 2026-11-02\ncloses: 2026-11-12\nregulation: true\n"
SHORT_REGULATION_LINE = (
    f"{LV}:7: closes: a draft binding regulation is open only 11 days, the law asks for at "
    "least 14 — open it by 2026-10-30 or close it on 2026-11-15 or later")


def test_a_short_regulation_period_fails_a_strict_build(tmp_path):
    result = _build(tmp_path, SHORT_REGULATION, None, "--strict")
    assert result.returncode == 1
    assert _reported(result, SHORT_REGULATION_LINE), result.stderr


def test_a_short_regulation_period_is_a_warning_in_a_preview_build(tmp_path):
    result = _build(tmp_path, SHORT_REGULATION)
    assert result.returncode == 0, result.stderr
    logged = " ".join((result.stdout + result.stderr).split())  # the log may wrap lines
    assert SHORT_REGULATION_LINE in logged
    assert (tmp_path / "output/jaunumi/2026/bad-consultation/index.html").is_file()


def test_two_weeks_is_enough_for_a_draft_binding_regulation(tmp_path):
    result = _build(tmp_path, "opens: 2026-11-02\ncloses: 2026-11-15\nregulation: true\n",
                    None, "--strict")
    assert result.returncode == 0, result.stderr


def test_editors_read_the_line_in_latvian(tmp_path, monkeypatch):
    monkeypatch.setenv("SITETOOL_LANG", "lv")
    result = _build(tmp_path, f"{PERIOD}documents:\n  - title: Projekts\n    file: Projekts.pdf\n")
    assert result.returncode == 1
    assert _reported(result, f"{LV}:10: documents[0].file: 'Projekts.pdf' nav ziņas mapē — "
                             f"ielieciet failu mapē {FOLDER}/ vai izlabojiet tā nosaukumu "
                             "(lielie un mazie burti atšķiras)"), result.stderr
