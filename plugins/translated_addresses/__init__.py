"""Translations at addresses in their own language (`/en/contacts/`, not `/en/kontakti/`),
chosen once and kept. `bundle_reader` and `offices` ask `address_slug()` and `settle()`;
the build records the addresses it published in `ADDRESS_RECORD`, and a moved page's
former addresses forward to it (redirects.py; docs/bilingual.md)."""

from . import redirects, translated_addresses
from .translated_addresses import address_slug, settle

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = set()


def register():
    translated_addresses.register()
    redirects.register()


__all__ = ["PROVIDES", "address_slug", "register", "settle"]
