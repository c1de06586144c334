from .fields import FIELDS
from .service_notices import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"service_notices", "banner_notices", "notices_by_service",
            "notices_by_office", "current_and_coming_notices"}
NEEDS = {"offices": {"office_slugs"}}

__all__ = ["FIELDS", "NEEDS", "PROVIDES", "register"]
