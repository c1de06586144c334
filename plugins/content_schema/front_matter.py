"""YAML front matter between two `---` lines, with the line number of every key, so
that each problem can point at the line the editor has to change."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

from .problems import Problem

FENCE = "---"
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML's wheels have libyaml
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class DatesAsTextLoader(FAST_LOADER):
    """Reads `2024-13-02` as text: YAML takes it for a date and fails with a bare
    ValueError; as text, the schema says which field is wrong and what it accepts."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP]
        for first, resolvers in FAST_LOADER.yaml_implicit_resolvers.items()}


@dataclass
class FrontMatter:
    data: dict
    body: str
    # "title" -> 2, "meetings[0].start" -> 9: 1-based lines in the source file
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key: str) -> int:
        """The line of `key`, else of its nearest parent, else the opening fence."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0] if "." in key else key.rpartition("[")[0]
        return 1


class FrontMatterError(ValueError):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _key_lines(node, prefix: str, offset: int, lines: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            lines[name] = key_node.start_mark.line + offset
            _key_lines(value_node, name, offset, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}[{index}]"
            lines[name] = item.start_mark.line + offset
            _key_lines(item, name, offset, lines)


def _load(yaml_text: str, loader_class) -> tuple:
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def load_yaml(yaml_text: str) -> tuple:
    """The node tree (for line numbers) and the data from one parse, by libyaml: ~20×
    faster than PyYAML's Python parser, and a build reads thousands of front matters.
    Broken YAML is parsed again by the Python parser, whose messages editors are shown;
    an impossible date again with dates as text."""
    try:
        return _load(yaml_text, FAST_LOADER)
    except yaml.YAMLError:
        return _load(yaml_text, yaml.SafeLoader)
    except ValueError:  # a date-like value that is no date
        return _load(yaml_text, DatesAsTextLoader)


def parse_front_matter(text: str, path: str) -> FrontMatter:
    text = text.removeprefix("\ufeff")
    all_lines = text.splitlines(keepends=True)
    if not all_lines or all_lines[0].strip() != FENCE:
        raise FrontMatterError(
            Problem(path, 1, "", "the file does not start with front matter",
                    "begin it with a line '---', then the fields, then another '---'")
        )
    closing = next((i for i, line in enumerate(all_lines[1:], 1) if line.strip() == FENCE), None)
    if closing is None:
        raise FrontMatterError(
            Problem(path, 1, "", "the front matter is not closed",
                    "add a line '---' after the last field")
        )
    yaml_text = "".join(all_lines[1:closing])
    # the YAML starts on the file's second line; marks count from 0
    data, lines = _parse_yaml(yaml_text, path, offset=2, what="the front matter")
    return FrontMatter(data=data, body="".join(all_lines[closing + 1:]), lines=lines)


def parse_data_file(text: str, path: str) -> FrontMatter:
    """A file that is all YAML (an office, a notice): the same checks and line numbers as
    front matter, and no body."""
    data, lines = _parse_yaml(text.removeprefix("\ufeff"), path, offset=1, what="the file")
    return FrontMatter(data=data, body="", lines=lines)


def _parse_yaml(yaml_text: str, path: str, offset: int, what: str) -> tuple[dict, dict]:
    """The fields and the line of each key; `offset` is the file line of the YAML's first."""
    try:
        node, data = load_yaml(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + offset if mark else 1
        reason = getattr(error, "problem", None) or "not valid YAML"
        raise FrontMatterError(
            Problem(path, line, "", "{what} is not valid YAML ({reason})",
                    "write each field as 'name: value'; put values containing ': ' or "
                    "starting with [ {{ * & ! | > ' \" % @ ` in double quotes",
                    params={"what": what, "reason": reason})
        ) from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            Problem(path, offset, "", "{what} is not a list of fields",
                    "write each field on its own line as 'name: value'",
                    params={"what": what})
        )
    lines: dict[str, int] = {}
    _key_lines(node, "", offset, lines)
    return {str(k): v for k, v in data.items()}, lines


def read_front_matter(path: Path | str, display_path: str | None = None) -> FrontMatter:
    path = Path(path)
    return parse_front_matter(path.read_text(encoding="utf-8"), display_path or str(path))
