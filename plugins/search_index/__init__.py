from .search_index import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # the search pages and Pagefind's index

__all__ = ["PROVIDES", "register"]
