"""What each plugin reads of the others', and the order that follows (a library, no
signals).

Plugins hand results to each other through the shared context (`services_by_lang`) and
attributes on stories and pages (`cover_image`). Each plugin package declares:

- `PROVIDES = {"services_by_lang", …}`: what it puts there for others;
- `NEEDS = {"offices": {"office_slugs"}}`: what it cannot work without, by provider;
- `USES = {"gallery": {"story.cover_image"}}`: what it reads when that plugin is loaded.

`load_order()` checks the declarations of the plugins in `PLUGINS` and returns them with
every provider before its readers (their given order otherwise), so Pelican connects
the signals of a provider first and reversing `PLUGINS` builds the same site. A needed
plugin that is not loaded, a name its provider does not provide, or two plugins needing
each other is a `PluginOrderError`: one line naming both plugins, at the settings
file's `PLUGINS` (its `problem`, which sitetool prints).
"""

import importlib
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from content_schema import Problem

PLUGINS_LINE = re.compile(r"^PLUGINS\s*=", re.MULTILINE)


class PluginOrderError(Exception):
    """The plugins' declarations cannot be met by the plugins in PLUGINS."""

    def __init__(self, message: str, fix: str, settings_file: str | Path | None):
        super().__init__(f"{message} — {fix}")
        self.problem = Problem(*_plugins_line(settings_file), "PLUGINS", message, fix)


def _plugins_line(settings_file: str | Path | None) -> tuple[str, int]:
    """Where PLUGINS is written: (the file as the reader knows it, the line)."""
    if settings_file is None:
        return "pelicanconf.py", 1
    path = Path(settings_file)
    shown = os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    try:
        text = path.read_text("utf-8")
    except OSError:
        return shown, 1
    found = PLUGINS_LINE.search(text)
    return shown, (text.count("\n", 0, found.start()) + 1) if found else 1


@dataclass(frozen=True)
class Contract:
    plugin: str
    provides: frozenset[str]
    needs: Mapping[str, frozenset[str]]  # {provider: names read}
    uses: Mapping[str, frozenset[str]]  # the same, for providers that may be left out


def contract_of(plugin: str) -> Contract:
    module = importlib.import_module(plugin)

    def by_provider(declared: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
        return {provider: frozenset(names) for provider, names in declared.items()}

    return Contract(plugin, frozenset(getattr(module, "PROVIDES", ())),
                    by_provider(getattr(module, "NEEDS", {})),
                    by_provider(getattr(module, "USES", {})))


def load_order(plugins: Iterable[str], plugin_paths: Iterable[str] = (),
               settings_file: str | Path | None = None) -> list[str]:
    """`plugins` with each provider before the plugins reading it, else in their order;
    `settings_file` (where PLUGINS is written) is named by an error."""
    for folder in plugin_paths:  # as Pelican finds them
        if folder not in sys.path:
            sys.path.append(folder)
    contracts = {plugin: contract_of(plugin) for plugin in plugins}
    _check_missing(contracts, settings_file)
    _check_names(contracts, settings_file)
    before = {plugin: {p for p in [*contract.needs, *contract.uses] if p in contracts}
              for plugin, contract in contracts.items()}
    ordered, waiting = [], list(contracts)
    while waiting:
        ready = next((p for p in waiting if before[p] <= set(ordered)), None)
        if ready is None:
            reader = waiting[0]
            provider = next(p for p in before[reader] if p not in ordered)
            raise PluginOrderError(
                f"the plugins {reader} and {provider} each read what the other provides",
                "correct NEEDS or USES in the __init__.py of one of them", settings_file)
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def _check_missing(contracts: Mapping[str, Contract], settings_file) -> None:
    readers: dict[str, list[str]] = {}
    names: dict[str, set[str]] = {}
    for plugin, contract in contracts.items():
        for provider, read in contract.needs.items():
            if provider not in contracts:
                readers.setdefault(provider, []).append(plugin)
                names.setdefault(provider, set()).update(read)
    if readers:  # the first missing provider, with all that need it
        provider, needing = next(iter(readers.items()))
        who = (f"the plugin {needing[0]} needs" if len(needing) == 1
               else f"the plugins {' and '.join(needing)} need")
        raise PluginOrderError(
            f"{who} the plugin {provider} (for {', '.join(sorted(names[provider]))}), "
            "which is not in PLUGINS", f"add \"{provider}\" to PLUGINS", settings_file)


def _check_names(contracts: Mapping[str, Contract], settings_file) -> None:
    for plugin, contract in contracts.items():
        for provider, read in [*contract.needs.items(), *contract.uses.items()]:
            unknown = read - contracts[provider].provides if provider in contracts else ()
            if unknown:
                raise PluginOrderError(
                    f"the plugin {plugin} reads {', '.join(sorted(unknown))} from the plugin "
                    f"{provider}, which does not provide it",
                    f"correct NEEDS or USES in {plugin}, or PROVIDES in {provider}",
                    settings_file)
