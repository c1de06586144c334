from .seo_meta import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES: set[str] = set()  # Jinja globals for partials/seo_head.html
USES = {"gallery": {"story.cover_image"}}  # the share image

__all__ = ["PROVIDES", "USES", "register"]
