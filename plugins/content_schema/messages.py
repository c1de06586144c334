"""Problem messages in the editor's language.

One schema, one set of messages: every `Problem` is written in English, and its English
template (`"'{value}' is not allowed"`) is the msgid of a gettext catalogue,
`translations/<lang>/LC_MESSAGES/messages.po`, compiled in memory by Babel as the theme's
words are. The schema's own messages are in this package's catalogue; a plugin keeps
those of its rules in its own package (`plugins/<plugin>/translations/…`), so a feature
is one folder. A message missing from every catalogue prints in English.

`problem_messages()` finds every message written in `Problem(...)` calls, so a test can
list those that lack a Latvian translation (tests/test_sitetool_messages.py).
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS_DIR = Path(__file__).with_name("translations")  # the schema's own
PLUGINS = Path(__file__).resolve().parent.parent
SOURCE_LANG = "en"


@cache
def translation_dirs() -> tuple[Path, ...]:
    """The schema's catalogue folder, then each plugin's (`<plugin>/translations/`)."""
    return (TRANSLATIONS_DIR, *sorted(folder for folder in PLUGINS.glob("*/translations")
                                      if folder != TRANSLATIONS_DIR))


def translate(message: str, lang: str) -> str:
    """`message` (an English msgid) in `lang`, or unchanged when there is no translation."""
    if lang == SOURCE_LANG or not message:
        return message
    from ui_language.ui_language import load_catalog  # one Babel loader for all catalogues

    for folder in translation_dirs():
        translated = load_catalog(str(folder), lang).gettext(message)
        if translated != message:
            return translated
    return message


def missing_translations(messages, lang: str) -> list:
    """The messages that no catalogue of `lang` has a (non-fuzzy) translation for."""
    translated = set()
    for folder in translation_dirs():
        po_path = folder / lang / "LC_MESSAGES" / "messages.po"
        if po_path.exists():
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file, locale=lang)
            translated |= {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    return [m for m in messages if m.text not in translated]


@dataclass(frozen=True)
class SourceMessage:
    """A `message` or `fix` written in a `Problem(...)` call."""

    path: str
    line: int
    text: str | None  # None: an f-string or an expression, which no catalogue can translate
    role: str = "message"  # or "fix"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


@dataclass(frozen=True)
class ProblemCall:
    """One `Problem(...)` call in the source (or a call of a helper that makes one): the
    texts each of its arguments can be — a tuple per argument, None for a computed one."""

    path: str
    line: int
    field: tuple[str | None, ...]
    severity: tuple[str | None, ...]  # () when not given: Problem's default, "error"
    messages: tuple[SourceMessage, ...]  # its message and fix texts, in that order


# keyword -> position in Problem(...)
_PROBLEM_ARGUMENTS = {"field": 2, "message": 3, "fix": 4, "severity": 5}
_TRANSLATED = ("message", "fix")


def problem_messages(folder: Path, helpers_in: Path = PLUGINS) -> Iterator[SourceMessage]:
    """Every message and fix written in a `Problem(...)` call under `folder` — or in a call
    of a helper under `helpers_in` that hands its own `message`/`fix` arguments on to
    `Problem` (such as `unknown_reference`)."""
    for call in problem_calls(folder, helpers_in):
        yield from call.messages


def problem_calls(folder: Path, helpers_in: Path = PLUGINS) -> Iterator[ProblemCall]:
    """Every call under `folder` that writes a message or fix of a `Problem`, in file and
    line order (`scripts/editor_messages.py` makes the table of editors' messages)."""
    helpers = _forwarding_helpers(helpers_in)
    constants = _constants(helpers_in) | _constants(folder)
    for source in sorted(folder.rglob("*.py")):
        tree = _syntax_tree(source)
        calls = []
        for function in [tree, *(n for n in ast.walk(tree) if isinstance(
                n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            forwarded = _parameters(function)
            for call in _calls(function):
                arguments = dict(_arguments(call, helpers.get(_called_name(call.func)) or {}))
                messages = tuple(
                    SourceMessage(str(source), arguments[role].lineno, text, role)
                    for role in _TRANSLATED if role in arguments
                    for text in _texts(arguments[role], forwarded, constants) if text != "")
                if messages:
                    calls.append(ProblemCall(
                        str(source), call.lineno,
                        *(tuple(_texts(arguments[role], forwarded, constants))
                          if role in arguments
                          else () for role in ("field", "severity")), messages))
        yield from sorted(calls, key=lambda c: (c.line, c.messages[0].line))


@cache  # the sources do not change during a run; every folder's question reads them all
def _syntax_tree(source: Path) -> ast.Module:
    return ast.parse(source.read_text("utf-8"), filename=str(source))


@cache
def _forwarding_helpers(folder: Path) -> dict[str, dict[str, int]]:
    """{name: {keyword: position}} of `Problem` itself and of every function under `folder`
    that passes its own parameters on as a Problem's message or fix — to `Problem` or to
    another such function (`_missing` → `unknown_reference` → `Problem`)."""
    helpers = {"Problem": dict(_PROBLEM_ARGUMENTS)}
    functions = [function for source in sorted(folder.rglob("*.py"))
                 for function in ast.walk(_syntax_tree(source))
                 if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))]
    found = True
    while found:  # each round adds the functions that call one found in the round before
        found = False
        for function in functions:
            if function.name in helpers:
                continue
            names = [a.arg for a in function.args.args]
            passed = {}
            for call in _calls(function):
                for keyword, argument in _arguments(call, helpers.get(
                        _called_name(call.func)) or {}):
                    # the parameter itself, or one branch of `… if … else parameter`
                    branches = [argument.body, argument.orelse] if isinstance(
                        argument, ast.IfExp) else [argument]
                    for branch in branches:
                        if isinstance(branch, ast.Name) and branch.id in names:
                            passed[keyword] = names.index(branch.id)
            if passed.keys() & set(_TRANSLATED):
                helpers[function.name] = passed
                found = True
    return helpers


@cache
def _constants(folder: Path) -> dict[str, str]:
    """Module-level texts named in capitals (`NOT_A_SERVICE = "'{value}' is not a
    service"`) under `folder`: a message may be passed by such a name."""
    return {target.id: node.value.value for source in sorted(folder.rglob("*.py"))
            for node in _syntax_tree(source).body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name) and target.id.isupper()}


def _parameters(function) -> set[str]:
    return {a.arg for a in function.args.args} if hasattr(function, "args") else set()


def _calls(function):
    """The calls made directly in `function` (not in the functions it defines)."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _arguments(call: ast.Call, positions: dict[str, int]):
    """(keyword, argument) of `call` at `positions` ({keyword: position}), where given."""
    keywords = {k.arg: k.value for k in call.keywords}
    for keyword, position in positions.items():
        argument = call.args[position] if len(call.args) > position else keywords.get(keyword)
        if argument is not None:
            yield keyword, argument


def _texts(argument, forwarded: set[str], constants: dict[str, str]) -> list[str | None]:
    """The fixed texts an argument can be: a string, a module's named text (`constants`),
    or either of `"…" if condition else "…"`; None for anything computed. A parameter
    handed on from a helper's caller is no text here (it is found where the helper is
    called)."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value]
    if isinstance(argument, ast.IfExp):
        return (_texts(argument.body, forwarded, constants)
                + _texts(argument.orelse, forwarded, constants))
    if isinstance(argument, ast.Name) and argument.id in forwarded:
        return []
    if isinstance(argument, ast.Name) and argument.id in constants:
        return [constants[argument.id]]
    return [None]


def _called_name(func) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None
