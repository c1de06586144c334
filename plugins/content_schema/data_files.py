"""Content kept as data, one YAML file per item: `content/<section>/<slug>.yml` (offices,
notices). Each file is checked against its section's fields (`schema`) like front
matter, with the line of every problem; the file name is the item's slug, so it must be
one."""

import os
from dataclasses import dataclass
from pathlib import Path

from .front_matter import FrontMatter, parse_data_file
from .problems import Problem
from .slugs import slugify_title
from .source_text import SourceError, decode_source
from .validate import validate

SUFFIXES = (".yml", ".yaml")


@dataclass
class DataFile:
    slug: str
    source_file: str  # as the editor knows it: content/offices/eglupe.yml
    values: dict
    front_matter: FrontMatter


def _paths(section: str, settings) -> list[Path]:
    folder = Path(settings["PATH"]) / section
    return sorted(path for path in folder.glob("*") if path.suffix in SUFFIXES
                  and path.is_file()) if folder.is_dir() else []


def data_file_slugs(section: str, settings) -> set[str]:
    """The slug of every file of `section`, valid or not: a reference to a file with a
    mistake is not a second mistake."""
    return {path.stem for path in _paths(section, settings)}


def read_data_files(section: str, settings) -> tuple[list[DataFile], list[Problem]]:
    """Every valid file of `section`, sorted by slug, and the problems of the others."""
    files, problems = [], []
    for path in _paths(section, settings):
        shown = os.path.relpath(path, os.path.dirname(settings["PATH"]))
        if slugify_title(path.stem) != path.stem:
            problems.append(Problem(
                shown, 1, "", "the file name is not a web address part",
                "use lower-case letters without accents, digits and hyphens, e.g. {example}",
                params={"example": f"{slugify_title(path.stem) or 'name'}{path.suffix}"}))
            continue
        try:
            text, warnings = decode_source(path.read_bytes(), shown)
            front_matter = parse_data_file(text, shown, settings["FRONT_MATTER_MAX_BYTES"])
        except SourceError as error:
            problems.append(error.problem)
            continue
        problems += warnings
        values, file_problems = validate(section, front_matter, shown, settings)
        problems += file_problems
        if not any(p.severity == "error" for p in file_problems):
            files.append(DataFile(path.stem, shown, values, front_matter))
    return files, problems
