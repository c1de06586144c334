from .asset_bundle import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"ASSET_URLS"}

__all__ = ["PROVIDES", "register"]
