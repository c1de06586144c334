"""sitetool speaks Latvian unless asked for English; content problems keep one schema:
English templates, translated from a catalogue."""

import string

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from content_schema import Problem
from content_schema.messages import missing_translations, problem_messages, translate
from sitetool.i18n import choose_lang
from sitetool_helpers import ROOT, sitetool, story

# The rules that must speak Latvian: every plugin's and sitetool's.
TRANSLATED_RULES = [*sorted(p for p in (ROOT / "plugins").iterdir()
                            if (p / "__init__.py").is_file()), ROOT / "sitetool"]
# Those the editor guides explain (the other plugins' messages are not in them yet).
GUIDE_RULES = [ROOT / "plugins/content_schema", ROOT / "plugins/body_sanitiser",
               ROOT / "plugins/published_files",
               ROOT / "plugins/translated_addresses", ROOT / "sitetool"]
SITETOOL_PO = ROOT / "sitetool/translations/lv/LC_MESSAGES/messages.po"


def test_every_content_schema_problem_message_has_a_latvian_translation():
    messages = [m for folder in TRANSLATED_RULES for m in problem_messages(folder)]
    assert len(messages) > 40
    untranslatable = [str(m) for m in messages if m.text is None]
    missing = [str(m) for m in missing_translations([m for m in messages if m.text], "lv")]
    assert not untranslatable, "write these as templates with params=…:\n" + "\n".join(
        untranslatable)
    assert not missing, "add these to translations/lv/LC_MESSAGES/messages.po of the plugin " \
        "that reports them (content_schema's for the schema's own):\n" + "\n".join(missing)


def test_every_sitetool_word_has_a_latvian_translation():
    with SITETOOL_PO.open("rb") as po:
        catalog = read_po(po, locale="lv")
    translated = {(m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog
                  if m.id and not m.fuzzy and all(
                      m.string if isinstance(m.string, tuple) else [m.string])}
    found = {message[0] if isinstance(message, tuple) else message
             for *_, message, _, _ in extract_from_dir(
                 str(ROOT / "sitetool"), [("**.py", "python")],
                 keywords={"_": None, "ngettext": (1, 2)})}
    assert len(found) > 50
    missing = sorted(found - translated)
    assert not missing, f"no Latvian translation for: {missing}"


def test_a_problem_prints_in_english_and_in_latvian():
    problem = Problem("content/news/2024/x/index.lv.md", 4, "kind",
                      "'{value}' is not allowed", "use one of: {choices}",
                      params={"value": "excursion", "choices": "visit, consultation"})
    assert str(problem) == ("content/news/2024/x/index.lv.md:4: kind: 'excursion' is not "
                            "allowed — use one of: visit, consultation")
    assert problem.render("lv") == ("content/news/2024/x/index.lv.md:4: kind: 'excursion' nav "
                                    "atļauta vērtība — izvēlieties kādu no šīm: visit, "
                                    "consultation")


def test_fixed_english_phrases_among_the_parameters_are_translated_too():
    problem = Problem("a.md", 3, "date", "'{value}' is not a date", "write it as {accepted}",
                      params={"value": "31.02.2024", "accepted": "2010-06-11 or 11.06.2010, "
                              "optionally with a time such as 10:00"})
    assert problem.render("lv") == ("a.md:3: date: '31.02.2024' nav datums — rakstiet to šādi: "
                                    "2010-06-11 vai 11.06.2010, ja vajag, ar laiku, piemēram, "
                                    "10:00")


def test_a_message_without_a_translation_stays_english():
    """Other plugins may still write finished English sentences: they print as written."""
    problem = Problem("a.md", 1, "photos", "the photo list was not read", "ask for help")
    assert problem.render("lv") == "a.md:1: photos: the photo list was not read — ask for help"


@pytest.mark.parametrize(("requested", "environment", "expected"), [
    (None, {}, "lv"),
    (None, {"LANG": "C.UTF-8"}, "lv"),
    (None, {"LANG": "en_GB.UTF-8"}, "en"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {"LANG": "lv_LV.UTF-8"}, "lv"),
    (None, {"LC_ALL": "lv_LV.UTF-8", "LANG": "en_US.UTF-8"}, "lv"),
    (None, {"SITETOOL_LANG": "en", "LANG": "lv_LV.UTF-8"}, "en"),
    (None, {"SITETOOL_LANG": "de", "LANG": "lv_LV.UTF-8"}, "lv"),
    ("en", {"SITETOOL_LANG": "lv"}, "en"),
    ("lv", {"LANG": "en_GB.UTF-8"}, "lv"),
])
def test_the_language_comes_from_the_option_then_the_environment(requested, environment,
                                                                  expected):
    assert choose_lang(requested, environment) == expected


def test_help_is_in_latvian_by_default():
    result = sitetool("--help", lang=None)
    assert result.returncode == 0
    assert result.stdout.startswith("lietošana: sitetool")
    assert "sākt jaunu ziņu, pakalpojumu vai lapu" in result.stdout
    assert "meklēt kļūdas visā saturā" in result.stdout


def test_help_in_english_with_the_option_or_the_environment():
    for result in (sitetool("--help", lang="en"),
                   sitetool("check", "--help", lang=None, env={"SITETOOL_LANG": "en"})):
        assert result.returncode == 0
        assert result.stdout.startswith("usage: sitetool")
    assert "look for mistakes in all content" in sitetool("--help", lang="en").stdout
    assert "Checks every story, service and page with the same rules as the build" in \
        sitetool("check", "--help", lang=None, env={"LANG": "en_GB.UTF-8"}).stdout


def test_check_speaks_latvian_by_default_and_english_when_asked(tmp_path):
    content = tmp_path / "content"
    story(content, "2024/bad-story", "Ziņa", date="31.02.2024")
    latvian = sitetool("check", "--content", str(content), "--no-cache", lang=None)
    english = sitetool("check", "--content", str(content), "--no-cache", lang="en")
    line = "content/news/2024/bad-story/index.lv.md:3: date: '31.02.2024' "
    assert (line + "nav datums — rakstiet to šādi: 2010-06-11 vai 11.06.2010, ja vajag, ar "
            "laiku, piemēram, 10:00") in latvian.stdout.splitlines()
    assert (line + "is not a date — write it as 2010-06-11 or 11.06.2010, optionally with a "
            "time such as 10:00") in english.stdout.splitlines()
    assert "Kļūdas (kamēr tās nav izlabotas, vietni nevar publicēt):" in latvian.stdout
    assert ": 1 kļūda, 0 brīdinājumu, 0 piezīmju." in latvian.stdout  # not the twin too


@pytest.mark.parametrize(("guide", "lang"), [("docs/editor-guide.en.md", "en"),
                                             ("docs/editor-guide.lv.md", "lv")])
def test_the_editor_guide_explains_every_message_of_the_schema_and_of_check(guide, lang):
    """Each message (what is wrong, without its fix) appears in the guide's tables, in the
    guide's language, its {placeholders} shown as '…'."""
    text = (ROOT / guide).read_text("utf-8")
    messages = {translate(m.text, lang) for folder in GUIDE_RULES
                for m in problem_messages(folder) if m.role == "message" and m.text}
    assert len(messages) > 20
    unexplained = []
    for message in sorted(messages):
        fixed_parts = [literal for literal, *_ in string.Formatter().parse(message)]
        if not all(part.strip(" '.(") in text for part in fixed_parts if len(part.strip()) > 2):
            unexplained.append(message)
    assert not unexplained, f"explain these in {guide}: {unexplained}"
