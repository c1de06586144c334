"""Which HTML files Pagefind reads: those with a search body.

Once a page of the site has an element marked `data-pagefind-body`, Pagefind indexes
only such elements, but it parses every HTML file to find them: on the 500-story
benchmark site 603 of 1,643 files (news lists, paginations, topic lists: 40 % of the
bytes) have none, and parsing them was about a quarter of Pagefind's CPU
(benchmarks/README.md, session 8). So before it starts, the written pages are searched
for the mark (a byte search: about a tenth of the CPU it saves Pagefind) and
Pagefind is given a glob (`--glob`) matching exactly the files that have it.

The pages themselves say it, not the templates or addresses that made them: a new page
type, a new translation or a page kept from the last build is read when it has the
mark, and no record of what was written is needed. The index is the one Pagefind makes
reading the whole site (tests/test_search_bodies.py).

The glob names folders where it can: a folder whose HTML files all have the mark is
`folder/**/*.html`, and such subfolders of one folder are taken together by the first
letters that start no other subfolder's name (a year's stories `2024/[!2345]*/**/*.html`,
not its list's pages `2024/2/` to `2024/5/`), the others by name (`_together`). So it
stays about 1 KB at any number of stories. A glob naming every page would not: 400 KB
at 2,500 stories a language, more than Pagefind's glob library parses and than one
command-line argument may be (128 KB on Linux). Where the glob would still be longer
than `LONGEST`, Pagefind reads the whole site, as before: slower, never fewer pages.
"""

import os
import re

MARK = b"data-pagefind-body"
LONGEST = 64 * 1024  # characters: half of Linux's limit on one argument
EVERY_PAGE = "**/*.html"
# A character of a name that is not one of these is matched by `?` (any character):
# a glob character taken literally would need escaping, and one more file read costs
# only time.
LITERAL = re.compile(r"[^A-Za-z0-9._-]")


def glob(site: str | os.PathLike) -> str | None:
    """The glob of the HTML files under `site` that contain `MARK`, relative to it, or
    None to read every HTML file (none has the mark: Pagefind then indexes every page's
    body; or the glob would be longer than `LONGEST`)."""
    pattern, unmarked = _folder(os.fspath(site))
    if pattern is None or len(pattern) > LONGEST:
        return None
    return pattern if unmarked else EVERY_PAGE


def _folder(path: str) -> tuple[str | None, bool]:
    """The glob of a folder's marked HTML files, relative to it (None: it has none), and
    whether any HTML file under it has no mark."""
    marked, unmarked, subfolders = [], [], []
    with os.scandir(path) as entries:
        for entry in entries:
            # links to folders are not followed, as Pagefind's walk does not follow them
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry)
            elif entry.name.endswith(".html"):
                with open(entry.path, "rb") as file:
                    html = file.read()
                # HTML's names know no case; the copy in lower case only when needed
                has_mark = MARK in html or MARK in html.lower()
                (marked if has_mark else unmarked).append(entry.name[:-5])
    below = [(entry.name, *_folder(entry.path)) for entry in subfolders]
    if not unmarked and not any(mixed for _, _, mixed in below):
        return (EVERY_PAGE if marked or any(pattern for _, pattern, _ in below) else None), False
    parts = _together(marked, unmarked, ".html")
    parts += _together([name for name, pattern, mixed in below if pattern and not mixed],
                       [name for name, _, mixed in below if mixed], "/" + EVERY_PAGE)
    parts += [f"{_literal(name)}/{pattern}" for name, pattern, mixed in sorted(below)
              if pattern and mixed]
    if not parts:
        return None, True
    return (parts[0] if len(parts) == 1 else "{" + ",".join(parts) + "}"), True


def _together(names: list[str], others: list[str], rest: str) -> list[str]:
    """Globs matching each name followed by `rest` and no other name: one wildcard for
    the names whose first letter starts no other name (`[!0-9]*/**/*.html`, a year's
    stories but not its list's pages `2/`, `3/`), the rest by name."""
    if not names:
        return []
    first = sorted({other[:1] for other in others})  # a file named `.html` has ""
    if not all(letter.isascii() and letter.isalnum() for letter in first):
        return [_literal(name) + rest for name in sorted(names)]
    apart = sorted(name for name in names if name[:1] in first)
    wildcard = f"[!{''.join(first)}]*" if first else "*"
    return [wildcard + rest] * (len(apart) < len(names)) + [_literal(name) + rest
                                                            for name in apart]


def _literal(name: str) -> str:
    return LITERAL.sub("?", name)
