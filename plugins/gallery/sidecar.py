"""The sidecar file of a photo folder (`photos/photos.yml`): per photo its alt text and
caption in each language and an optional credit; its order is the gallery's order.
Stories written before the web editor have one; a story's own `photos:` list (fields.py)
takes the same entries and is what the editor and `sitetool new` write.

```yaml
- file: sanaksme.jpg
  alt:
    lv: Astoņi cilvēki pie apaļa galda dienas centra zālē
    en: Eight people at a round table in the day centre's hall
  caption:
    lv: Pirmā tikšanās dienas centrā
    en: The first meeting at the day centre
  credit: Līga Krūmiņa
```

Each entry is checked with the content schema, so problems read like front-matter ones
(`file:line: field: what — how to fix`). They are warnings: a sidecar mistake must not
stop a preview build, and the strict production build still refuses it.
"""

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from content_schema import Field, FrontMatter, Problem, validate
from content_schema.front_matter import _key_lines, anchor_problem, load_yaml, yaml_error_place
from content_schema.source_text import SourceError, decode_source

from .fields import PHOTO
from .photos import PhotoText


@dataclass
class SidecarEntry:
    file: str
    line: int
    text: PhotoText
    lines: dict[str, int]  # "alt" -> line, "alt.en" -> line, within this entry


@dataclass
class Sidecar:
    path: Path
    entries: dict[str, SidecarEntry] = field(default_factory=dict)  # file name -> entry
    problems: list[Problem] = field(default_factory=list)


# An entry as in a story's `photos:` (fields.py); here `file` is a name in this folder.
ENTRY_FIELDS = {**PHOTO, "file": Field("text", required=True, example="vizite-1.jpg")}


def _warning(problem: Problem, entry_line: int) -> Problem:
    # A problem in an entry is never above the entry (a missing field has no line of its
    # own, and the schema would point at line 1).
    return dataclasses.replace(problem, severity="warning", line=max(problem.line, entry_line))


def _shape_problem(shown: str, line: int, yaml_params: dict | None = None) -> Problem:
    """The file is not YAML (`yaml_params`: the reason, or a character that cannot start
    a value), or not the list of entries it should be."""
    yaml_params = yaml_params or {"reason": "", "character": ""}
    return Problem(
        shown, line, "",
        ("the photo list is not valid YAML (the character {character} cannot start a value)"
         if yaml_params["character"] else "the photo list is not valid YAML ({reason})")
        if yaml_params["reason"] else "the photo list must be a list of entries, one per photo",
        "start each photo's entry with '- file: name.jpg', with 'alt:' and 'caption:' "
        "indented below it", severity="warning", params=yaml_params)


def read_sidecar(path: Path, shown: str, settings) -> Sidecar:
    sidecar = Sidecar(path)
    if not path.is_file():
        return sidecar
    try:
        text, warnings = decode_source(path.read_bytes(), shown)
        refused = anchor_problem(text, shown, offset=1)
        if refused:
            raise SourceError(refused)
        node, data = load_yaml(text)
        found = FrontMatter({}, "")  # "[0]" -> 1, "[0].alt.en" -> 4 (1-based); a key twice
        _key_lines(node, "", 1, found, shown)
    except SourceError as error:
        sidecar.problems.append(dataclasses.replace(error.problem, severity="warning"))
        return sidecar
    except yaml.YAMLError as error:
        sidecar.problems.append(_shape_problem(shown, *yaml_error_place(error, offset=1)))
        return sidecar
    sidecar.problems += warnings
    if data is None:
        return sidecar
    if not isinstance(data, list):
        sidecar.problems.append(_shape_problem(shown, 1))
        return sidecar
    lines = found.lines
    present = {child.name for child in path.parent.iterdir()} - {path.name}
    for index, item in enumerate(data):
        prefix = f"[{index}]"
        entry_line = lines[prefix]
        if not isinstance(item, dict):
            sidecar.problems.append(_shape_problem(shown, entry_line))
            continue
        entry_lines, entry_as_typed = ({key[len(prefix) + 1:]: value for key, value in
                                        named.items() if key.startswith(prefix + ".")}
                                       for named in (lines, found.as_typed))
        values, problems = validate("gallery", FrontMatter(item, "", entry_lines,
                                                           as_typed=entry_as_typed),
                                    shown, settings, fields=ENTRY_FIELDS)
        sidecar.problems += [_warning(problem, entry_line) for problem in problems]
        name = values.get("file")
        if name is None:
            continue
        if name in sidecar.entries:
            sidecar.problems.append(Problem(
                shown, entry_line, "file", "'{name}' is listed twice",
                "keep one entry for it (the first, on line {first}, is used)",
                severity="warning", params={"name": name, "first": sidecar.entries[name].line}))
            continue
        if name not in present:
            sidecar.problems.append(Problem(
                shown, entry_lines.get("file", entry_line), "file",
                "'{name}' is not in this folder",
                "check the spelling (the folder has: {files}) or remove the entry" if present
                else "remove the entry, or put the photo in the folder", severity="warning",
                params={"name": name, "files": ", ".join(sorted(present))}))
            continue
        sidecar.entries[name] = SidecarEntry(
            name, entry_line,
            PhotoText(values.get("alt", {}), values.get("caption", {}), values.get("credit", "")),
            entry_lines)
    return sidecar
