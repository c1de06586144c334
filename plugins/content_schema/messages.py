"""Problem messages in the editor's language.

One schema, one set of messages: every `Problem` is written in English, and its English
template (`"'{value}' is not allowed"`) is the msgid of a gettext catalogue,
`translations/<lang>/LC_MESSAGES/messages.po`, compiled in memory by Babel as the theme's
words are. A message missing from the catalogue prints in English.

`problem_messages()` finds every message written in `Problem(...)` calls, so a test can
list those that lack a Latvian translation (tests/test_sitetool_messages.py).
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
SOURCE_LANG = "en"


def translate(message: str, lang: str) -> str:
    """`message` (an English msgid) in `lang`, or unchanged when there is no translation."""
    if lang == SOURCE_LANG or not message:
        return message
    from ui_language.ui_language import load_catalog  # one Babel loader for all catalogues

    return load_catalog(str(TRANSLATIONS_DIR), lang).gettext(message)


def missing_translations(messages, lang: str) -> list:
    """The messages that `lang`'s catalogue has no (non-fuzzy) translation for."""
    po_path = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    return [m for m in messages if m.text not in translated]


@dataclass(frozen=True)
class SourceMessage:
    """A `message` or `fix` written in a `Problem(...)` call."""

    path: str
    line: int
    text: str | None  # None: an f-string or an expression, which no catalogue can translate

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


_PROBLEM_ARGUMENTS = {"message": 3, "fix": 4}  # keyword -> position in Problem(...)


def problem_messages(folder: Path) -> Iterator[SourceMessage]:
    """Every message and fix written in a `Problem(...)` call under `folder`."""
    for source in sorted(folder.rglob("*.py")):
        tree = ast.parse(source.read_text("utf-8"), filename=str(source))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node.func) == "Problem"):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            for name, position in _PROBLEM_ARGUMENTS.items():
                argument = (node.args[position] if len(node.args) > position
                            else keywords.get(name))
                for text in _texts(argument) if argument is not None else ():
                    if text != "":
                        yield SourceMessage(str(source), argument.lineno, text)


def _texts(argument) -> list[str | None]:
    """The fixed texts an argument can be: a string, or either string of
    `"…" if condition else "…"`; None for anything computed."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value]
    if isinstance(argument, ast.IfExp):
        return _texts(argument.body) + _texts(argument.orelse)
    return [None]


def _called_name(func) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None
