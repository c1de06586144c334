"""The README stays a short map, and every relative link in the documentation leads
somewhere: a file that exists and, for `#fragment`, a heading of that file."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README_LIMIT = 15 * 1024
DOCS_PAGES = sorted((ROOT / "docs").glob("*.md"))
DOCUMENTS = [ROOT / "README.md", ROOT / "benchmarks" / "README.md", *DOCS_PAGES]

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"(?<!\\)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")  # not an escaped \]
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # http:, https:, mailto:


def without_code(text: str) -> str:
    return INLINE_CODE.sub("", FENCED_CODE.sub("", text))


def heading_anchors(markdown: Path) -> set[str]:
    """The fragments GitHub gives a file's headings: lower case, punctuation dropped,
    spaces as hyphens, a repeated heading numbered."""
    anchors, seen = set(), {}
    for heading in HEADING.findall(FENCED_CODE.sub("", markdown.read_text(encoding="utf-8"))):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def broken_links(markdown: Path, root: Path = ROOT) -> list[str]:
    broken = []
    for target in LINK.findall(without_code(markdown.read_text(encoding="utf-8"))):
        if EXTERNAL.match(target):
            continue
        path_part, _, fragment = target.partition("#")
        linked = (markdown.parent / path_part).resolve() if path_part else markdown
        if not linked.exists():
            broken.append(f"{target}: no file {linked.relative_to(root)}")
        elif fragment and linked.suffix == ".md" and fragment not in heading_anchors(linked):
            broken.append(f"{target}: no heading #{fragment} in {linked.relative_to(root)}")
    return broken


def test_readme_is_a_short_map():
    size = (ROOT / "README.md").stat().st_size
    assert size < README_LIMIT, f"README.md is {size} bytes: move details to docs/"


@pytest.mark.parametrize("markdown", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_leads_somewhere(markdown):
    assert broken_links(markdown) == []


def test_every_docs_page_is_on_the_readme_map():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    unlisted = [page.name for page in DOCS_PAGES if f"](docs/{page.name})" not in readme]
    assert unlisted == [], "add these pages to README.md's 'Where to read next'"


def test_the_link_check_finds_a_missing_file_and_a_missing_heading(tmp_path):
    (tmp_path / "other.md").write_text("# A heading: with `code`\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](other.md#a-heading-with-code) [gone](missing.md) [bad](other.md#nope)\n"
        "`[not a link](nowhere.md)` \\[escaped\\](nowhere.md) [web](https://example.org/x)\n",
        encoding="utf-8",
    )
    assert broken_links(page, root=tmp_path) == [
        "missing.md: no file missing.md",
        "other.md#nope: no heading #nope in other.md",
    ]
