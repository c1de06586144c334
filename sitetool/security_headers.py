"""The security headers of every response, read from the file the web server includes
(`SECURITY_HEADERS_FILE`, docs/nginx/socialais-dienests-headers.conf): the preview sends
what production sends, from one list, so a page that breaks the Content-Security-Policy
breaks in the preview before it is published.

The file is nginx configuration, one `add_header NAME "VALUE" always;` per line. Any
other line is refused with its file and line, rather than skipped: a header the preview
silently left out would be one the editor never sees the effect of.
"""

import re
from pathlib import Path

ADD_HEADER = re.compile(r'add_header\s+([A-Za-z0-9-]+)\s+"([^"\\]*)"\s+always;')


class HeadersFileError(ValueError):
    pass


def read(path: Path) -> list[tuple[str, str]]:
    """(name, value) of every header in the file, in its order."""
    headers = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        found = ADD_HEADER.fullmatch(line)
        if not found:
            raise HeadersFileError(f'{path}:{number}: expected add_header NAME "VALUE" always;'
                                   f" — found: {line}")
        headers.append((found[1], found[2]))
    return headers
