"""Writing a file whole or not at all (a library, no signals, the standard library only,
so the gallery's image workers and sitetool import it without Pelican).

Every file a build keeps between runs (the build record, Pelican's content cache and
its key, the gallery's renditions and manifest, the record of published addresses) is
written under a temporary name beside it, then renamed over it:

- a build killed or crashing meanwhile, or another build writing the same file at once,
  leaves the old file whole: a reader sees the old content or the new, never half;
- the temporary file is in the file's own folder (a rename is atomic only within one
  file system) and its name is hidden and of this process (`.NAME.PID-N.tmp`), so two
  builds, or two threads of the preview, never write into one;
- whatever goes wrong (the writer raises, the disk is full), the temporary file is
  removed and the error raised: no `.tmp` is left behind.

One rule for durability: the new content is flushed to the disk (`fsync`) before the
rename, so after a power cut too the name holds the old content or the new one, whole
(without it, ext4 may keep the rename and lose the data, leaving an empty file that
Pelican's cache, for one, fails to load). The folder is not synced: a lost rename only
brings the old file back. It costs ~1 ms a file, nothing beside encoding a photo.
"""

import contextlib
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

_numbers = itertools.count()  # next() is atomic: threads of one process get their own


def temporary_name(path: str | os.PathLike) -> Path:
    """The name `path` is written under before it is renamed: beside it, hidden, this
    process's and never given twice."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}-{next(_numbers)}.tmp")


@contextlib.contextmanager
def replaced(path: str | os.PathLike) -> Iterator[Path]:
    """The temporary name to write `path`'s new content to (for writers that take a
    name, such as Pillow's `save`); renamed to `path` when the block ends without error,
    removed when it raises."""
    temporary = temporary_name(path)
    try:
        yield temporary
        _flush_to_disk(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", opener=open,
              **options) -> Iterator:
    """A file opened for writing (`opener(temporary, mode, **options)`, e.g. `gzip.open`)
    whose content replaces `path` once the block ends without error. An error opening it
    is raised before the block runs."""
    with replaced(path) as temporary, opener(temporary, mode, **options) as file:
        yield file


def write_atomically(path: str | os.PathLike, content: str | bytes,
                     encoding: str = "utf-8") -> None:
    """`content` as the whole of `path` (text in `encoding`)."""
    if isinstance(content, str):
        content = content.encode(encoding)
    with replacing(path, "wb") as file:
        file.write(content)


def _flush_to_disk(path: Path) -> None:
    # Any descriptor of a file syncs its data; the writer (Pillow, gzip) has closed its own.
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
