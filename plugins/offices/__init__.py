from .fields import FIELDS
from .offices import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"offices", "office_slugs", "offices_by_area"}

__all__ = ["FIELDS", "PROVIDES", "register"]
