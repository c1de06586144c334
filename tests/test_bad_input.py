"""Bad input stops the build with one clear line, and the previous site stays."""

import shutil

import pytest

from site_helpers import build_site, tree_digest

STORY = "news/2024/bad-story/index.lv.md"
GOOD = """---
title: Laba ziņa
date: 2024-05-02
kind: visit
---
Teksts.
"""


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A one-story site, built once for the module."""
    folder = tmp_path_factory.mktemp("built_once")
    story = folder / "content" / STORY
    story.parent.mkdir(parents=True)
    story.write_text(GOOD, "utf-8")
    first = build_site(folder / "content", folder / "output")
    assert first.returncode == 0, first.stderr
    return folder


@pytest.fixture
def small_site(built_once, tmp_path):
    """A copy of the one-story site and its build, so a failing build has a site to keep."""
    for part in ("content", "output"):
        shutil.copytree(built_once / part, tmp_path / part)
    return tmp_path / "content", tmp_path / "output"


MISTAKES = {  # a story's front matter: the line its build says, after the file's name
    "no-title": ("date: 2024-05-02\nkind: visit",
                 "1: title: is missing — add a line such as  "
                 "title: Sociālie darbinieki pieredzes vizītē"),
    "no-date": ("title: Ziņa\nkind: visit",
                "1: date: is missing — add a line such as  date: 2010-06-11"),
    "no-kind": ("title: Ziņa\ndate: 2024-05-02",
                "1: kind: is missing — add a line such as  kind: visit"),
    "unknown-kind": ("title: Ziņa\ndate: 2024-05-02\nkind: excursion",
                     "4: kind: 'excursion' is not allowed — use one of: visit, "
                     "service-change, consultation"),
    "bad-date": ("title: Ziņa\ndate: 31.02.2024\nkind: visit",
                 "3: date: '31.02.2024' is not a date — write it as 2010-06-11 or "
                 "11.06.2010, optionally with a time such as 10:00"),
    "bad-iso-date": ("title: Ziņa\ndate: 2024-13-02\nkind: visit",
                     "3: date: '2024-13-02' is not a date — write it as 2010-06-11 or "
                     "11.06.2010, optionally with a time such as 10:00"),
    "broken-yaml": ("title: Ziņa: jauna\ndate: 2024-05-02\nkind: visit",
                    "2: the front matter is not valid YAML (mapping values are not allowed "
                    "here) — write each field as 'name: value'"),
    "typo": ("titel: Ziņa\ndate: 2024-05-02\nkind: visit",
             "2: titel: is not a field we know — did you mean title?"),
}
LOOSE = "news/loose.lv.md"  # a story outside a bundle's folder


def _story_of(mistake: str) -> str:
    return f"news/2024/{mistake}/index.lv.md"


@pytest.fixture(scope="module")
def every_mistake(built_once, tmp_path_factory):
    """The one-story site with a story of each mistake and a loose file added, built
    once: (the build, the output's digest before, after, the output)."""
    folder = tmp_path_factory.mktemp("every_mistake")
    for part in ("content", "output"):
        shutil.copytree(built_once / part, folder / part)
    content, output = folder / "content", folder / "output"
    before = tree_digest(output)
    for mistake, (front_matter, _) in MISTAKES.items():
        story = content / _story_of(mistake)
        story.parent.mkdir(parents=True)
        story.write_text(f"---\n{front_matter}\n---\nTeksts.\n", "utf-8")
    (content / LOOSE).write_text(GOOD, "utf-8")
    result = build_site(content, output)
    return result, before, tree_digest(output), output


@pytest.mark.parametrize("mistake", MISTAKES)
def test_bad_story_fails_with_one_clear_line_and_keeps_the_site(every_mistake, mistake):
    """Each mistake in a story of its own, all in one build."""
    result, before, after, output = every_mistake
    assert result.returncode == 1
    expected = f"content/{_story_of(mistake)}:{MISTAKES[mistake][1]}"
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), \
        result.stderr
    assert after == before
    assert not list(output.parent.glob(".output.*")), "no staging folder left behind"


def test_a_file_outside_a_bundle_is_refused(every_mistake):
    result, *_ = every_mistake
    assert result.returncode == 1
    assert f"content/{LOOSE}:1: this file is not in a content folder" in result.stderr


def test_a_good_build_replaces_the_site(small_site):
    content, output = small_site
    story = content / STORY
    story.write_text(GOOD.replace("Laba ziņa", "Vēl labāka ziņa"), "utf-8")
    assert build_site(content, output).returncode == 0
    assert "Vēl labāka ziņa" in (output / "jaunumi/2024/bad-story/index.html").read_text("utf-8")


@pytest.mark.parametrize(("field", "value", "accepted"), [
    ("phone", "+371 26 123 456", True), ("phone", "26123456", True),
    ("phone", "6530-0000", True), ("phone", 65300000, True), ("phone", "112", True),
    ("phone", "+371 2612 3456 (darbdienās)", False), ("phone", "65300000, 26123456", False),
    ("phone", "tālr. 65300000", False), ("phone", "+371 ", False),
    ("email", "anna.ozola@example.lv", True), ("email", "o'brien+pieteikumi@pasts.lv", True),
    ("email", "anna ozola@example.lv", False), ("email", "anna.ozola@example,lv", False),
    ("email", "anna.ozola@example", False), ("email", "a@b.lv, c@d.lv", False),
    ("email", "mailto:anna@example.lv", False), ("email", "anna@@example.lv", False),
    ("url", "https://www.example.lv/rezultati", True),
    ("url", "http://localhost:8000/jaunumi/2026/rezultati/", False),  # the preview's
    ("url", "http://127.0.0.1:8000/en/", False),
])
def test_a_value_that_would_make_a_dead_link_is_refused(field, value, accepted):
    """An office's and a consultation's numbers and addresses become tel: and mailto:
    links: a typo, words or a second number would publish a link that reaches nobody; so
    would a web address copied from the preview on the editor's computer."""
    from content_schema import Field, FrontMatter, validate

    settings = {"LANGUAGES": ["lv", "en"], "DEFAULT_LANG": "lv"}
    _, problems = validate("x", FrontMatter({field: value}, "", {field: 3}), "x.yml",
                           settings, fields={field: Field(field, example="x")})
    assert (problems == []) == accepted, problems
    if not accepted:
        [problem] = problems
        assert (problem.line, problem.field) == (3, field)
