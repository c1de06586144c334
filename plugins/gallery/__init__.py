from .fields import MORE_FIELDS

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"gallery_plan", "story.gallery_photos", "story.cover_photo",
            "story.cover_image"}
NEEDS = {"bundle_reader": {"bundles"}}


def register():
    # imported here: the image workers (processing.py, spawned) import this package, and
    # Pelican's import would cost each of them ~0.4 s of CPU before its first photo
    from .gallery import register as connect_signals

    connect_signals()


__all__ = ["MORE_FIELDS", "NEEDS", "PROVIDES", "register"]
