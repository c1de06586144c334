from .bilingual_listings import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"articles_by_lang", "pages_by_lang", "news_years", "news_tags"}

__all__ = ["PROVIDES", "register"]
