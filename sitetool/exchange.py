"""Two folders trading places in one step, so that a web server serving either path
never finds it missing: the output and the staging folder (`build`), the search index
and the one made after publishing (`search_after`)."""

import ctypes
import os
from pathlib import Path

RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (renameat2 with RENAME_EXCHANGE); False where the
    system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second),
                       RENAME_EXCHANGE)
    return result == 0
