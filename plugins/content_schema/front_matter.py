"""YAML front matter between two `---` lines, with the line number of every key, so
that each problem can point at the line the editor has to change.

Limits on what editors' YAML may be (all YAML the build reads goes through `load_yaml`
and `anchor_problem`): no anchors or aliases — eight lines of nested aliases expand to
gigabytes, and editors never need them — and, for front matter, the sizes of
`FRONT_MATTER_MAX_BYTES` and `BODY_MAX_BYTES`."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

from .problems import Problem
from .source_text import SourceError, decode_source

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
    body_line: int = 1  # the file's line where the body starts
    # "title" -> "yes": a value YAML reads as other than text (yes/no/on/off, 1.10, 010, a
    # date), as typed: a text field takes it so (a title "yes" is not published "True")
    as_typed: dict[str, str] = field(default_factory=dict)

    def line(self, key: str) -> int:
        """The line of `key`, else of its nearest parent, else the opening fence."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0] if "." in key else key.rpartition("[")[0]
        return 1


class FrontMatterError(SourceError):
    """Front matter or a data file that cannot be read as fields."""


NOT_TEXT = {f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "timestamp")}


def _key_lines(node, prefix: str, offset: int, found: FrontMatter, path: str) -> None:
    """The line of every key and the text of every value YAML reads as other than text
    into `found`; a key given twice in one mapping is an error (YAML would keep the
    last without a word, and which one the editor meant is theirs to say)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            line = key_node.start_mark.line + offset
            if name in found.lines:
                raise FrontMatterError(Problem(
                    path, line, name, "is given twice (also on line {first})",
                    "keep the line you mean and delete the other",
                    params={"first": found.lines[name]}))
            found.lines[name] = line
            _key_lines(value_node, name, offset, found, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}[{index}]"
            found.lines[name] = item.start_mark.line + offset
            _key_lines(item, name, offset, found, path)
    elif getattr(node, "tag", None) in NOT_TEXT:  # (None: empty) a quoted value is text
        found.as_typed[prefix] = node.value


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


def parse_front_matter(text: str, path: str, max_bytes: int | None = None) -> FrontMatter:
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
    if max_bytes is not None:
        _refuse_larger(yaml_text, path, 2, max_bytes, "the front matter",
                       "keep the fields short; put long text in the body below the '---'")
    # the YAML starts on the file's second line; marks count from 0
    found = _parse_yaml(yaml_text, path, offset=2, what="the front matter")
    found.body, found.body_line = "".join(all_lines[closing + 1:]), closing + 2
    return found


def read_bundle_file(path: Path | str, shown: str, settings) -> tuple[FrontMatter, list[Problem]]:
    """An `index.<lang>.md` with the limits of the settings, and the warnings of reading
    it (control characters removed); `SourceError` for a file that cannot be published."""
    text, warnings = decode_source(Path(path).read_bytes(), shown)
    front_matter = parse_front_matter(text, shown, settings["FRONT_MATTER_MAX_BYTES"])
    _refuse_larger(front_matter.body, shown, front_matter.body_line, settings["BODY_MAX_BYTES"],
                   "the text", "split it into several pages, or attach the long part as a "
                   "PDF and link to it")
    return front_matter, warnings


def _refuse_larger(text: str, path: str, line: int, limit: int, what: str, fix: str) -> None:
    size = len(text.encode("utf-8"))
    if size > limit:
        raise FrontMatterError(Problem(
            path, line, "", "{what} is {size} KB: more than the {limit} KB the site accepts",
            fix, params={"what": what, "size": -(-size // 1024), "limit": limit // 1024}))


def parse_data_file(text: str, path: str, max_bytes: int | None = None) -> FrontMatter:
    """A file that is all YAML (an office, a notice): the same checks, limit and line
    numbers as front matter, and no body."""
    text = text.removeprefix("\ufeff")
    if max_bytes is not None:
        _refuse_larger(text, path, 1, max_bytes, "the file", "keep each field short")
    return _parse_yaml(text, path, offset=1, what="the file")


def _parse_yaml(yaml_text: str, path: str, offset: int, what: str) -> FrontMatter:
    """The fields, the line of each key and the values YAML reads as other than text, as
    typed (no body); `offset` is the file line of the YAML's first."""
    refused = anchor_problem(yaml_text, path, offset)
    if refused:
        raise FrontMatterError(refused)
    try:
        node, data = load_yaml(yaml_text)
    except yaml.YAMLError as error:
        line, params = yaml_error_place(error, offset)
        raise FrontMatterError(
            Problem(path, line, "", "{what} is not valid YAML (the character {character} "
                    "cannot start a value)" if params["character"]
                    else "{what} is not valid YAML ({reason})",
                    "write each field as 'name: value'; put values containing ': ' or "
                    "starting with [ {{ * & ! | > ' \" % @ ` in double quotes",
                    params={"what": what, **params})
        ) from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            Problem(path, offset, "", "{what} is not a list of fields",
                    "write each field on its own line as 'name: value'",
                    params={"what": what})
        )
    found = FrontMatter(data={str(k): v for k, v in data.items()}, body="")
    _key_lines(node, "", offset, found, path)
    return found


def read_front_matter(path: Path | str, display_path: str | None = None,
                      max_bytes: int | None = None) -> FrontMatter:
    """A file's front matter, without the warnings the file's own reading gives
    (`read_bundle_file`)."""
    path = Path(path)
    shown = display_path or str(path)
    return parse_front_matter(decode_source(path.read_bytes(), shown)[0], shown, max_bytes)


def anchor_problem(yaml_text: str, path: str, offset: int) -> Problem | None:
    """The first YAML anchor (`&name`) or alias (`*name`), refused before anything
    expands them. Only libyaml's events are read, and only when the text has a `&` or `*`."""
    if "&" not in yaml_text and "*" not in yaml_text:
        return None
    for loader in (FAST_LOADER, yaml.SafeLoader):  # what libyaml refuses, PyYAML may read
        try:
            for event in yaml.parse(yaml_text, Loader=loader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    return Problem(
                        path, event.start_mark.line + offset, "",
                        "YAML anchors and aliases (&name, *name) are not accepted",
                        "write the value out in full; a value that starts with & or * goes "
                        "in double quotes")
            return None
        except yaml.YAMLError:
            continue
    return None  # not YAML at all: the parse says why


# Where PyYAML finds an unclosed quote or bracket is often the end of the front matter:
# the line that opened it is the one to change. {context: (PyYAML's reason, ours)}
UNCLOSED = {
    "while scanning a quoted scalar": ("found unexpected end of stream",
                                       "a quote is not closed"),
    "while parsing a flow sequence": ("expected ',' or ']'",
                                      "a list in [ ] is not closed with ], or misses a comma"),
    "while parsing a flow mapping": ("expected ',' or '}'",
                                     "a group in { } is not closed with }, or misses a comma"),
    "while scanning a simple key": ("could not find expected ':'", "could not find expected ':'"),
}
# a tab has its own entry in the catalogue (indent with spaces), other characters one
CANNOT_START = re.compile(r"found character ((?!'\\t').+) that cannot start any token")


def yaml_error_place(error: yaml.YAMLError, offset: int) -> tuple[int, dict]:
    """The file line of a YAML error and the params of its message: `reason` (PyYAML's,
    whose common wordings the catalogue translates) and `character` (one that cannot
    start a value, or "")."""
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or "not valid YAML"
    theirs, ours = UNCLOSED.get(getattr(error, "context", None), (None, None))
    if theirs and reason.startswith(theirs) and error.context_mark:
        mark, reason = error.context_mark, ours
    character = CANNOT_START.fullmatch(reason)
    return (mark.line + offset if mark else offset), {
        "reason": reason, "character": character[1] if character else ""}
