"""Settings for the preview and for tests. publishconf.py adds production on top."""

import os

# --- The department -----------------------------------------------------------------
SITEURL = "http://localhost:8000"
SITENAME = "Novada Sociālais dienests"
DEPARTMENT = {
    "lv": {
        "name": "Novada Sociālais dienests",
        "tagline": "Sociālā palīdzība un pakalpojumi novada iedzīvotājiem",
        "address": "Raiņa iela 15, Novada pilsēta, LV-5301",
    },
    "en": {
        "name": "Municipal Social Service",
        "tagline": "Social assistance and services for the residents of the municipality",
        "address": "Raiņa iela 15, Novada pilsēta, LV-5301, Latvia",
    },
}
CONTACT_PHONE = "+371 65300000"
CONTACT_EMAIL = "socialais.dienests@example.lv"

# --- Languages ------------------------------------------------------------------------
DEFAULT_LANG = "lv"
LANGUAGES = {  # order = order in the language switcher; locale = Babel/CLDR locale
    "lv": {"name": "Latviešu", "locale": "lv"},
    "en": {"name": "English", "locale": "en_GB"},
}
TIMEZONE = "Europe/Riga"
# The day the build publishes for (tests pin it; empty = today in TIMEZONE).
BUILD_DATE = os.environ.get("SITE_TODAY", "")
UI_TRANSLATIONS_DIR = "theme/translations"

# --- Content ----------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["news", "pages"]  # attachments inside bundles are published as they are
PATH_METADATA = (
    r"(?P<section>news|pages)/(?:(?P<year>\d{4})/)?(?P<slug>[^/]+)/index\.(?P<lang>[a-z]{2})\.md"
)
ARTICLE_TRANSLATION_ID = "bundle"
PAGE_TRANSLATION_ID = "bundle"
DEFAULT_DATE = None
WITH_FUTURE_DATES = True  # bundle_reader turns future stories into drafts itself
NEWS_KINDS = {  # kind -> URL slug of its list in each language
    "visit": {"lv": "pieredzes-vizites", "en": "visits"},
    "service-change": {"lv": "pakalpojumu-izmainas", "en": "service-changes"},
    "consultation": {"lv": "apspriesanas", "en": "consultations"},
}

# --- URLs: Latvian at /, English at /en/ ------------------------------------------------
CONTENT_URLS = {
    "news": {"lv": "jaunumi/{year}/{slug}/", "en": "en/news/{year}/{slug}/"},
    "pages": {"lv": "{slug}/", "en": "en/{slug}/"},
}
LISTING_URLS = {
    "lv": {"home": "", "news": "jaunumi/", "kind": "jaunumi/{slug}/",
           "tag": "jaunumi/temas/{slug}/", "year": "jaunumi/{year}/"},
    "en": {"home": "en/", "news": "en/news/", "kind": "en/news/{slug}/",
           "tag": "en/news/topics/{slug}/", "year": "en/news/{year}/"},
}
NAVIGATION = [  # (msgid, URL per language)
    ("News", {"lv": "jaunumi/", "en": "en/news/"}),
    ("About us", {"lv": "par-mums/", "en": "en/par-mums/"}),
    ("Contacts", {"lv": "kontakti/", "en": "en/kontakti/"}),
]
FOOTER_LINKS = [
    ("Accessibility statement", {"lv": "pieklustamibas-pazinojums/",
                                 "en": "en/pieklustamibas-pazinojums/"}),
]
HOME_LATEST_COUNT = 5
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"news_list": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
)

# Pelican's own lists, author/category/tag pages and drafts are not written: the
# bilingual_listings plugin writes per-language lists, and drafts must not leak.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
# Pelican's feeds are off (feedgen feeds come with the feeds plugin).
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# --- Theme and plugins ----------------------------------------------------------------------
THEME = "theme"
THEME_STATIC_PATHS = ["static"]
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["bundle_reader", "ui_language", "bilingual_listings", "asset_bundle"]
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True
RELATIVE_URLS = False
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache/pelican"
CHECK_MODIFIED_METHOD = "md5"

# Template partials that features add to pages, in order (each plugin's README says which).
HOME_SECTIONS = []
STORY_SECTIONS = []
