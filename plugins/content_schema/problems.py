"""A problem found in content, printed as one line an editor can act on."""

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "notice")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what} — {self.fix}" if self.fix else f"{where}: {what}"
