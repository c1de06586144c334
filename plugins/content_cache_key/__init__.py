from .content_cache_key import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # a content cache only the code that made it reads

__all__ = ["PROVIDES", "register"]
