from .feeds import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"news_feeds"}
NEEDS = {"bundle_reader": {"bundles"}, "bilingual_listings": {"articles_by_lang"}}
# a feed per service and target group; each story's cover photo in its entry
USES = {"services": {"services_by_lang", "service_target_groups"},
        "gallery": {"story.cover_image"}}

__all__ = ["NEEDS", "PROVIDES", "USES", "register"]
