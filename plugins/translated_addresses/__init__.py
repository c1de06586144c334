"""Translations at addresses in their own language (`/en/contacts/`, not `/en/kontakti/`),
chosen once and kept. `bundle_reader` and `offices` ask `address_slug()`; the build records
the addresses it published in `ADDRESS_RECORD` (docs/bilingual.md)."""

from .translated_addresses import address_slug, register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = set()

__all__ = ["PROVIDES", "address_slug", "register"]
