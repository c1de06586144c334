from .consultations import register
from .fields import KIND_FIELDS

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"consultations_by_lang", "story.consultation"}
NEEDS = {"bundle_reader": {"bundles"}}

__all__ = ["KIND_FIELDS", "NEEDS", "PROVIDES", "register"]
