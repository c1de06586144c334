"""The content cache is read only by the code that wrote it.

Pelican's content cache keeps each source's reading (its body HTML, its metadata) until
the file changes, whatever code read it: after a change to a reader — the body
sanitiser's allow-list, escaping, a front-matter rule — a cache written before went on
serving the old reading (an unsanitised body in the preview). Here the cache carries a
key, `CACHE_PATH/content-cache-key`: a hash of

- the code that reads: every `*.py` under the folders of `CONTENT_CACHE_KEY_CODE` (the
  plugins, sitetool), hashed once per process — the code it has loaded;
- the versions of the packages of `CONTENT_CACHE_KEY_PACKAGES` (Pelican, Markdown, nh3…);
- the settings, all but those of `CONTENT_CACHE_KEY_IGNORES` (which change from build to
  build without changing a reading: the output folder, the day).

Signals:
- `initialized`: a build whose key is not the cache's does not load the cache
  (`LOAD_CONTENT_CACHE` off for that build): it reads every source and writes the cache
  anew;
- `all_generators_finalized` (the generators saved the cache by then): the key is
  written. A build stopped before leaves the old key, so the next build reads everything.
"""

import datetime
import hashlib
import importlib.metadata
import os
from functools import cache
from pathlib import Path

from pelican import signals

from atomic_files import write_atomically

KEY_FILE = "content-cache-key"


def cache_key(settings: dict) -> str:
    """The key of a content cache these settings, this process's code and these
    packages write."""
    ignored = set(settings.get("CONTENT_CACHE_KEY_IGNORES", ()))
    digest = hashlib.sha256()
    digest.update(code_hash(tuple(settings.get("CONTENT_CACHE_KEY_CODE", ()))).encode())
    for package in settings.get("CONTENT_CACHE_KEY_PACKAGES", ()):
        digest.update(f"{package} {_version(package)}\n".encode())
    for name in sorted(settings):
        if name not in ignored:
            digest.update(f"{name}={_stable(settings[name])!r}\n".encode())
    return digest.hexdigest()


@cache
def code_hash(folders: tuple[str, ...]) -> str:
    """A hash of every Python file under `folders` (names and bytes), once per process:
    a preview server goes on running the code it loaded, whatever is saved meanwhile."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.py")):
            digest.update(f"{path.relative_to(folder)}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _stable(value):
    """The value as plain data that prints the same in every process (a function by its
    name, not its address)."""
    if isinstance(value, dict):
        return sorted((str(k), _stable(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_stable(v)) for v in value)
    if value is None or isinstance(value, (str, int, float, bool, Path)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return type(value).__name__


def _key_file(settings) -> str:
    return os.path.join(settings["CACHE_PATH"], KEY_FILE)


def _written_key(settings) -> str | None:
    try:
        with open(_key_file(settings), encoding="ascii") as file:
            return file.read().strip()
    except (OSError, ValueError):
        return None


def load_only_own_cache(pelican) -> None:
    settings = pelican.settings
    settings["CONTENT_CACHE_KEY"] = key = cache_key(settings)
    if settings["LOAD_CONTENT_CACHE"] and _written_key(settings) != key:
        settings["LOAD_CONTENT_CACHE"] = False


def note_cache_key(generators) -> None:
    settings = generators[0].settings
    key = settings.get("CONTENT_CACHE_KEY")
    if not key or not settings["CACHE_CONTENT"] or _written_key(settings) == key:
        return
    path = _key_file(settings)
    try:
        os.makedirs(settings["CACHE_PATH"], exist_ok=True)
        write_atomically(path, key + "\n")
    except OSError:  # a read-only cache: the next build reads every source again
        return


def register():
    signals.initialized.connect(load_only_own_cache)
    signals.all_generators_finalized.connect(note_cache_key)
