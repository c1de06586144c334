# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"gallery_plan", "story.gallery_photos", "story.cover_photo",
            "story.cover_image"}
NEEDS = {"bundle_reader": {"bundles"}}


# The rest is imported when asked for: the image workers (processing.py, spawned) import
# this package to run pixels.py, and Pelican's import (through .gallery, and through
# content_schema in .fields) would cost each of them ~0.4 s of CPU before its first photo.
def register():
    from .gallery import register as connect_signals

    connect_signals()


def __getattr__(name):  # MORE_FIELDS, for content_schema.schema (PEP 562)
    if name == "MORE_FIELDS":
        from .fields import MORE_FIELDS

        return MORE_FIELDS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["MORE_FIELDS", "NEEDS", "PROVIDES", "register"]
