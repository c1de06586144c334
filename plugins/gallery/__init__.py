from .gallery import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"gallery_plan", "story.gallery_photos", "story.cover_photo",
            "story.cover_image"}
NEEDS = {"bundle_reader": {"bundles"}}

__all__ = ["NEEDS", "PROVIDES", "register"]
