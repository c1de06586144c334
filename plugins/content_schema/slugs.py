"""URL slugs from Latvian titles: lower-case ASCII (ā→a, č→c, š→s …), and a slash
between numbers becomes a hyphen (`2024/2025` → `2024-2025`, Pelican would glue them)."""

from pelican.utils import slugify

# Pelican's own substitutions, preceded by ours: "/" separates words in Latvian titles.
SLUG_SUBSTITUTIONS = [
    (r"/", "-"),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]


def slugify_title(title: str) -> str:
    return slugify(title, regex_subs=SLUG_SUBSTITUTIONS)
