"""The fields of every kind of content: the core's (stories and pages: `fields.py`) and
those each plugin in `PLUGINS` declares in its own package, so adding a feature touches
one folder.

A plugin declares, in its package (`__init__.py`, usually from its `fields.py`):
- `FIELDS = {section: {name: Field}}`: the files of `content/<section>/` it reads;
- `KIND_FIELDS = {kind: {name: Field}}`: the extra fields of a story of that `kind:`;
- `MORE_FIELDS = {section: {name: Field}}`: fields it adds to a section the core or
  another plugin declares (the gallery's `photos:` on stories).

`validate()`, `sitetool new`, `sitetool check` and the web editor's form all ask
`schema(settings)`, so they cannot drift apart. A section or kind declared twice is an
error naming both plugins, and so is a field added twice.
"""

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from .fields import CORE_FIELDS, Field

CORE = "content_schema"


class SchemaError(Exception):
    """A section or kind declared by two plugins, or declared by none."""


@dataclass(frozen=True)
class Schema:
    sections: Mapping[str, Mapping[str, Field]]  # {section: {name: Field}}
    kinds: Mapping[str, Mapping[str, Field]]  # {story kind: {name: Field}}
    owners: Mapping[tuple[str, str], str]  # {("section" | "kind", key): plugin}

    def fields(self, section: str, kind: object = None) -> dict[str, Field]:
        """The fields of a file of `section`, and those of its `kind` if it has one."""
        if section not in self.sections:
            raise SchemaError(f"no plugin in PLUGINS declares the fields of content/"
                              f"{section}/: add the plugin that reads it to PLUGINS")
        return {**self.sections[section], **self.kinds.get(str(kind), {})}


def schema(settings: Mapping) -> Schema:
    """The schema of the plugins `settings` load (collected once per list of plugins)."""
    return _collect(tuple(settings["PLUGINS"]))


@cache
def _collect(plugins: tuple[str, ...]) -> Schema:
    # the tables hold the declared dicts themselves, not copies: one set of objects
    sections: dict = dict(CORE_FIELDS)
    kinds: dict = {}
    owners = {("section", section): CORE for section in CORE_FIELDS}
    for plugin in plugins:
        module = importlib.import_module(plugin)
        for what, table, declared in (("section", sections, getattr(module, "FIELDS", {})),
                                      ("kind", kinds, getattr(module, "KIND_FIELDS", {}))):
            for key, fields in declared.items():
                owner = owners.setdefault((what, key), plugin)
                if owner != plugin:
                    raise SchemaError(f"the plugins {owner} and {plugin} both declare the "
                                      f"fields of the {what} {key!r}: keep them in one")
                table[key] = fields
    for plugin in plugins:  # once every section is declared, whatever the order
        for section, fields in getattr(importlib.import_module(plugin), "MORE_FIELDS",
                                       {}).items():
            if section not in sections:
                raise SchemaError(f"the plugin {plugin} adds fields to the section "
                                  f"{section!r}, which no plugin in PLUGINS declares")
            for name in fields:
                owner = owners.get(("field", f"{section}.{name}")) or (
                    owners[("section", section)] if name in sections[section] else plugin)
                owners[("field", f"{section}.{name}")] = plugin
                if owner != plugin:
                    raise SchemaError(f"the plugins {owner} and {plugin} both declare the "
                                      f"field {name!r} of the section {section!r}")
            sections[section] = {**sections[section], **fields}
    return Schema(sections, kinds, owners)
