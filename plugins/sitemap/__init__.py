from .sitemap import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # sitemap.xml and robots.txt, from the written pages

__all__ = ["PROVIDES", "register"]
