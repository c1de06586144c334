from .collation import latvian_sort_key
from .ui_language import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # Jinja's _(), filters and globals, for templates

__all__ = ["PROVIDES", "latvian_sort_key", "register"]
