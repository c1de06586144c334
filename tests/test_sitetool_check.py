"""`sitetool check`: the build's rules plus the site-wide ones, one exact line per problem,
and nothing written."""

import pytest

from sitetool_helpers import sitetool, story, tree_digest, write

PAGE = "---\ntitle: {title}\n{extra}---\nTeksts.\n"


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """One content tree with one example of each problem, checked once."""
    content = tmp_path_factory.mktemp("check") / "content"
    linking = story(content, "2024/laba-zina", "Laba ziņa")
    linking.write_text(linking.read_text("utf-8") + (
        "\n"
        "Vairāk par [citu vizīti]({filename}../neesosa/index.lv.md).\n"
        "\n"
        "Drīzumā: [nākamā vizīte]({filename}../melnraksts/index.lv.md).\n"
        "\n"
        "Programma: [PDF]({static}programma.pdf)\n"
        "\n"
        "Iepriekš: [vizīte](../tikai-latviski/index.lv.md).\n"), "utf-8")
    write(content / "news/2024/laba-zina/programma.pdf", "%PDF-1.4\n")
    story(content, "2024/tikai-latviski", "Tikai latviski", english=None)
    draft = story(content, "2024/melnraksts", "Melnraksts")
    draft.write_text(draft.read_text("utf-8").replace("kind: visit", "kind: visit\nstatus: draft"))
    typo = story(content, "2024/kluda", "Kļūda")
    typo.write_text(typo.read_text("utf-8").replace("title:", "titel:"), "utf-8")
    for lang, title in (("lv", "Jaunumi"), ("en", "News page")):  # the news list's address
        write(content / f"pages/jaunumi/index.{lang}.md", PAGE.format(title=title, extra=""))
    for lang, title in (("lv", "Meklēt"), ("en", "Looking for")):  # the search page's
        write(content / f"pages/meklet/index.{lang}.md", PAGE.format(title=title, extra=""))
    # English addresses come from the title or `slug:` (plugins/translated_addresses)
    write(content / "pages/zinas/index.lv.md", PAGE.format(title="Ziņas", extra=""))
    write(content / "pages/zinas/index.en.md", PAGE.format(title="News", extra=""))
    write(content / "pages/meklesana/index.lv.md", PAGE.format(title="Meklēšana", extra=""))
    write(content / "pages/meklesana/index.en.md",
          PAGE.format(title="Searching", extra="slug: search\n"))
    untitled = story(content, "2024/bez-virsraksta", "Bez virsraksta").with_name("index.en.md")
    untitled.write_text("---\nsummary: No title.\n---\nText.\n", "utf-8")
    # a phone or e-mail address that would make a dead tel: or mailto: link
    write(content / "offices/birojs.yml", "name: {lv: Birojs, en: Office}\n"
          "phone: tālr. 6530 0000 vai 26 123 456\nemail: anna ozola@example.lv\n")
    write(content / "pages/par-mums/index.lv.md",
          PAGE.format(title="Par mums", extra="summary: Kas mēs esam.\nreview_by: 2026-05-01\n"))
    write(content / "pages/par-mums/index.en.md", PAGE.format(title="About us", extra=""))
    write(content / "pages/kontakti/index.lv.md",
          PAGE.format(title="Kontakti", extra="review_by: 2027-05-01\n"))
    write(content / "pages/kontakti/index.en.md", PAGE.format(title="Contacts", extra=""))
    before = tree_digest(content, with_times=True)
    result = sitetool("check", "--content", str(content), "--today", "2026-11-23",
                      "--no-cache")
    return result, content, before


def test_each_problem_is_one_exact_line(checked):
    result, _, _ = checked
    lines = result.stdout.splitlines()
    expected = [
        "content/news/2024/kluda/index.lv.md:2: titel: is not a field we know — did you mean "
        "title?",
        "content/news/2024/laba-zina/index.lv.md:8: the link {filename}../neesosa/index.lv.md "
        "points to no file — check the folder and file name; a link to another story looks "
        "like {filename}/news/2024/<folder>/index.lv.md",
        "content/news/2024/laba-zina/index.lv.md:10: the link {filename}../melnraksts/index.lv.md"
        " points to a story that is not published (a draft, or dated in the future) — publish "
        "that story first, or add the link once it is out",
        "content/news/2024/laba-zina/index.lv.md:14: the link ../tikai-latviski/index.lv.md "
        "names a text's file, which the site does not publish — to link to that page, write "
        "{filename}../tikai-latviski/index.lv.md",
        "content/news/2024/tikai-latviski/index.lv.md:1: has no English translation — to add "
        "one, create index.en.md beside it with the translated title and text; until then it "
        "is shown in Latvian only",
        "content/pages/jaunumi/index.lv.md:1: its address /jaunumi/ is taken by one of the "
        "site's own pages — rename this file's folder: the folder name makes the address",
        "content/pages/meklet/index.lv.md:1: its address /meklet/ is taken by one of the site's "
        "own pages — rename this file's folder: the folder name makes the address",
        "content/pages/zinas/index.en.md:2: title: its address /en/news/ is taken by one of the"
        " site's own pages — the title makes this file's address: add a line with an address "
        "of its own, e.g. slug: news-page",
        "content/pages/meklesana/index.en.md:3: slug: its address /en/search/ is taken by one of"
        " the site's own pages — write another address here, e.g. slug: search-page",
        "content/news/2024/bez-virsraksta/index.en.md:1: title: is missing — add a line such as"
        "  title: Social workers on a study visit",  # the example in the file's language
        "content/offices/birojs.yml:2: phone: 'tālr. 6530 0000 vai 26 123 456' is not one "
        "phone number — write one number in digits (spaces between them are fine), e.g. "
        "phone: +371 65300030; words and a second number belong in a note",
        "content/offices/birojs.yml:3: email: 'anna ozola@example.lv' is not an e-mail address"
        " — write one address without spaces, e.g. email: eglupe@example.lv",
        "content/pages/par-mums/index.lv.md:4: review_by: was due on 2026-05-01: check that this "
        "is still right — update what has changed, then set the next review date",
    ]
    for line in expected:
        assert line in lines, result.stdout


def test_problems_are_grouped_by_what_they_mean(checked):
    result, _, _ = checked
    out = result.stdout
    errors, warnings = out.index("Errors"), out.index("Warnings")
    notices, review = out.index("Notices"), out.index("Due for review")
    assert errors < out.index("titel: is not a field we know") < warnings
    assert warnings < out.index("points to no file") < notices
    assert notices < out.index("has no English translation") < review
    assert review < out.index("review_by: was due on 2026-05-01")


def test_only_real_problems_are_reported(checked):
    result, _, _ = checked
    out = result.stdout
    assert "programma.pdf" not in out  # the {static} link resolves
    assert "kontakti" not in out  # its review date has not come
    assert "par-mums/index.en.md" not in out  # the review date is the Latvian file's
    assert "pages/jaunumi/index.en.md" not in out  # /en/jaunumi/ is no list's address
    assert "pages/meklet/index.en.md" not in out
    assert out.count("review_by:") == 1


def test_errors_make_the_exit_status_fail_and_are_counted(checked):
    result, _, _ = checked
    assert result.returncode == 1
    assert "files in" in result.stdout
    # the typo also leaves the story without a title: two errors for it
    assert ": 9 errors, 3 warnings, 2 notices." in result.stdout
    assert "Fix the errors and warnings above" in result.stdout


def test_check_writes_nothing(checked):
    _, content, before = checked
    assert tree_digest(content, with_times=True) == before
    assert sorted(p.name for p in content.parent.iterdir()) == ["content"]


def test_notices_alone_pass(tmp_path):
    content = tmp_path / "content"
    story(content, "2024/tikai-latviski", "Tikai latviski", english=None)
    result = sitetool("check", "--content", str(content), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": 0 errors, 0 warnings, 1 notice." in result.stdout
    assert "Everything can be published." in result.stdout


def test_check_applies_the_builds_rules(tmp_path):
    """The same line as the build prints (tests/test_bad_input.py), from the same schema."""
    content = tmp_path / "content"
    story(content, "2024/bad-story", "Ziņa", date="31.02.2024")
    result = sitetool("check", "--content", str(content), "--no-cache")
    assert result.returncode == 1
    assert ("content/news/2024/bad-story/index.lv.md:3: date: '31.02.2024' is not a date — "
            "write it as 2010-06-11 or 11.06.2010, optionally with a time such as 10:00"
            ) in result.stdout.splitlines()
