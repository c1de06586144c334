"""The text of an editor's file as the build reads it: UTF-8, without invisible control
characters.

A file saved in another encoding (Windows-1257 from an old editor) is refused with one
line saying how to save it as UTF-8. Control characters other than tab and line breaks
come from pasting (Word's Shift+Enter is a vertical tab): YAML refuses them in front
matter and XML in feeds, so they are removed, with a warning naming their lines — a
vertical tab or form feed (a line or page break) becomes a space, so words stay apart.
"""

import re

from .problems import Problem

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls (Windows
# text read as Latin-1); U+FFFE and U+FFFF, which no XML document may hold.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
BREAKS = re.compile("[\x0b\x0c]")
SHOWN_LINES = 5


class SourceError(ValueError):
    """A file that cannot be read, as the one problem an editor can act on."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def decode_source(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """The text of a file's bytes (a leading byte-order mark dropped) and a warning when
    control characters were removed from it; `SourceError` when it is not UTF-8."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise SourceError(Problem(
            path, data.count(b"\n", 0, error.start) + 1, "",
            "the file is not saved as UTF-8 text, the encoding the site reads",
            "open it in your text editor and save it again choosing the encoding UTF-8 "
            "(Notepad: File → Save as → Encoding: UTF-8)")) from error
    if not CONTROL_CHARACTERS.search(text):
        return text, []
    problem = control_characters_problem(text, path)
    return CONTROL_CHARACTERS.sub("", BREAKS.sub(" ", text)), [problem]


def control_characters_problem(text: str, path: str) -> Problem:
    found = list(CONTROL_CHARACTERS.finditer(text))
    lines = sorted({text.count("\n", 0, match.start()) + 1 for match in found})
    shown = ", ".join(map(str, lines[:SHOWN_LINES])) + (" …" if len(lines) > SHOWN_LINES else "")
    codes = ", ".join(sorted({f"U+{ord(match.group()):04X}" for match in found}))
    return Problem(
        path, lines[0], "", "removed an invisible control character ({codes}) on line "
        "{lines}" if len(found) == 1 else "removed {count} invisible control characters "
        "({codes}) on lines {lines}",
        "check the text there: a line break typed with Shift+Enter in Word is one; type "
        "Enter instead", severity="warning",
        params={"count": len(found), "codes": codes, "lines": shown})
