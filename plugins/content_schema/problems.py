"""A problem found in content, printed as one line an editor can act on.

`message` and `fix` are English. They may be templates with `{placeholders}` filled from
`params` (`"'{value}' is not allowed"`, `params={"value": "excursion"}`): then the
template is the msgid that `messages.py` looks up in the Latvian catalogue, and
`render("lv")` prints the line in Latvian. A message written as a finished English
sentence (an f-string) still prints in English in every language.
"""

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from .messages import translate


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    severity: str = "error"  # or "warning", "notice"
    params: Mapping[str, object] = dataclass_field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = "en") -> str:
        """`file:line: field: what is wrong — how to fix it` in `lang`."""
        message, fix = _fill(self.message, self.params, lang), _fill(self.fix, self.params, lang)
        where = f"{self.path}:{self.line}"
        what = f"{self.field}: {message}" if self.field else message
        return f"{where}: {what} — {fix}" if fix else f"{where}: {what}"


def _fill(template: str, params: Mapping[str, object], lang: str) -> str:
    """The template in `lang` with its placeholders filled. Text parameters that are
    themselves catalogue entries (fixed English phrases such as the accepted date forms)
    are translated too; an editor's own words never are, as they are no msgids."""
    if not template:
        return template
    if not params:
        return translate(template, lang)
    values = {name: translate(value, lang) if isinstance(value, str) else value
              for name, value in params.items()}
    try:
        return translate(template, lang).format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
        return template.format(**params)


def log_problems(logger, problems) -> bool:
    """Log each problem as one line at its severity; True when any of them is an error."""
    for problem in problems:
        log = {"error": logger.error, "warning": logger.warning}.get(problem.severity,
                                                                       logger.info)
        log("%s", problem)
    return any(problem.severity == "error" for problem in problems)


def unknown_reference(path: str, line: int, field: str, value: str, known, message: str,
                      fix: str) -> Problem:
    """A field names something that does not exist (a story's service, a service's
    office): `message` says so ({value}), the fix offers the nearest known name, else
    `fix` with the list of them ({known})."""
    known = sorted(known)
    guess = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return Problem(path, line, field, message, "did you mean {guess}?" if guess else fix,
                   params={"value": value, "guess": guess[0] if guess else "",
                           "known": ", ".join(known)})
