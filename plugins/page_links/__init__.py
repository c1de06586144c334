"""Menu and footer links that name a page (`pages/kontakti`), not its address: each
language's URL is looked up in the built pages (docs/bilingual.md)."""

from .page_links import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # the lists of PAGE_LINK_LISTS in the context, with URLs
NEEDS = {"bundle_reader": {"bundles"}}
USES = {"offices": {"offices"}}

__all__ = ["NEEDS", "PROVIDES", "USES", "register"]
