from .template_cache import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # a bytecode cache on every Jinja environment

__all__ = ["PROVIDES", "register"]
