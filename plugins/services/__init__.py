from .fields import FIELDS
from .services import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"services_by_lang", "service_by_slug", "service_target_groups",
            "service_stories", "page.target_groups", "page.easy_read_html",
            "page.providing_offices"}
NEEDS = {"bundle_reader": {"bundles"}, "offices": {"offices", "office_slugs"}}

__all__ = ["FIELDS", "NEEDS", "PROVIDES", "register"]
