"""An atomic, checked build: Pelican writes into a staging folder beside the output,
which replaces the output only when the build logged no error (in strict mode: no
warning either). A failed build leaves the previous site exactly as it was."""

import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))  # the content schema, as Pelican's PLUGIN_PATHS


class ProblemCollector(logging.Handler):
    """Remembers every log line at or above `level` during the build."""

    def __init__(self, level):
        super().__init__(level)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@dataclass
class BuildResult:
    ok: bool
    output: Path
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0


def run_pelican(settings_file: Path, output: Path, overrides: dict) -> None:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(output),
                                                           **overrides})
    Pelican(settings).run()


def build(settings_file: Path, output: Path, *, strict: bool = False,
          overrides: dict | None = None) -> BuildResult:
    output = output.resolve()
    staging = output.with_name(f".{output.name}.staging-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    collector = ProblemCollector(logging.WARNING if strict else logging.ERROR)
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    started = time.perf_counter()
    try:
        run_pelican(settings_file, staging, overrides or {})
    except Exception as error:
        collector.lines.append(f"the build stopped: {error}")
    finally:
        root_logger.removeHandler(collector)
    seconds = time.perf_counter() - started
    if collector.lines:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, output, collector.lines, seconds)
    pages = sum(1 for _ in staging.rglob("*.html"))
    _swap_in(staging, output)
    return BuildResult(True, output, [], seconds, pages)


def _swap_in(staging: Path, output: Path) -> None:
    previous = output.with_name(f".{output.name}.previous-{os.getpid()}")
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
