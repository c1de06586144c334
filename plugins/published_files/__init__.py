from .published_files import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"unreferenced_files"}
# after the attachments of unpublished bundles are withheld
NEEDS = {"bundle_reader": {"bundles"}}
# the gallery's files are read by the build, so never "not published"
USES = {"gallery": {"gallery_plan"}, "bilingual_listings": {"articles_by_lang", "pages_by_lang"}}

__all__ = ["NEEDS", "PROVIDES", "USES", "register"]
