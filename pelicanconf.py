"""Settings for the preview and for tests. publishconf.py adds production on top."""

import os

# Paths of the project's own files are made from this file's folder, so `sitetool` works
# from any folder (Pelican resolves only PATH, OUTPUT_PATH, THEME, CACHE_PATH and
# PLUGIN_PATHS against this file, the others against the current folder).
_PROJECT = os.path.dirname(os.path.abspath(__file__))

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
UI_TRANSLATIONS_DIR = os.path.join(_PROJECT, "theme", "translations")

# --- Content ----------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages", "services"]
# files in bundles are published only when content names them (plugins/published_files)
STATIC_PATHS = ["news", "pages", "services"]
PATH_METADATA = (
    r"(?P<section>news|pages|services)/(?:(?P<year>\d{4})/)?(?P<slug>[^/]+)/index\.(?P<lang>[a-z]{2})\.md"
)
ARTICLE_TRANSLATION_ID = "bundle"
PAGE_TRANSLATION_ID = "bundle"
DEFAULT_DATE = None
WITH_FUTURE_DATES = True  # bundle_reader turns future stories into drafts itself
# A longer title is cut off in search results and browser tabs: a warning names it.
TITLE_MAX_LENGTH = 110
# Limits on what the build reads (docs/publishing-safety.md): larger is an error.
FRONT_MATTER_MAX_BYTES = 64 * 1024
BODY_MAX_BYTES = 1024 * 1024
# Bodies keep only the HTML of plain text (plugins/body_sanitiser). Embedded pages
# (<iframe>) are published only from these hosts, over https — e.g. the municipality's
# own video service "video.novads.lv"; add the host to the CSP's frame-src too
# (docs/nginx). Links to other sites get this `rel`.
BODY_EMBED_HOSTS = []
BODY_EXTERNAL_LINK_REL = "noopener noreferrer"
# Before every id in a text (headings', footnotes') and every link to one: a heading
# "How to apply" must not take the id of a service page's own section.
BODY_ID_PREFIX = "s-"
NEWS_KINDS = {  # kind -> URL slug of its list in each language
    "visit": {"lv": "pieredzes-vizites", "en": "visits"},
    "service-change": {"lv": "pakalpojumu-izmainas", "en": "service-changes"},
    "consultation": {"lv": "apspriesanas", "en": "consultations"},
}

# --- URLs: Latvian at /, English at /en/ ------------------------------------------------
CONTENT_URLS = {
    "news": {"lv": "jaunumi/{year}/{slug}/", "en": "en/news/{year}/{slug}/"},
    "pages": {"lv": "{slug}/", "en": "en/{slug}/"},
    "services": {"lv": "pakalpojumi/{slug}/", "en": "en/services/{slug}/"},
}
# {slug} is the folder's (or an office file's) name in Latvian; in these languages a slug
# of their own: `slug:` in the file, else the title's as first published, kept in
# ADDRESS_RECORD (in PATH; plugins/translated_addresses, docs/bilingual.md)
TRANSLATED_ADDRESS_LANGUAGES = ["en"]
ADDRESS_RECORD = ".addresses.yml"
ADDRESS_RECORD_WRITE = True  # `sitetool serve` does not record: titles change as typed
LISTING_URLS = {
    "lv": {"home": "", "news": "jaunumi/", "kind": "jaunumi/{slug}/",
           "tag": "jaunumi/temas/{slug}/", "year": "jaunumi/{year}/"},
    "en": {"home": "en/", "news": "en/news/", "kind": "en/news/{slug}/",
           "tag": "en/news/topics/{slug}/", "year": "en/news/{year}/"},
}
# (msgid, URL per language) for the site's own pages; (msgid, "pages/kontakti") names a
# page, service or office by its folder (or data file), whose URL in each language the
# build looks up: a translation's address may move (`slug:`; plugins/page_links)
NAVIGATION = [
    ("News", {"lv": "jaunumi/", "en": "en/news/"}),
    ("Contacts", "pages/kontakti"),
]
FOOTER_LINKS = [
    ("About us", "pages/par-mums"),
    ("Accessibility statement", "pages/pieklustamibas-pazinojums"),
]
PAGE_LINK_LISTS = ["NAVIGATION", "FOOTER_LINKS"]
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
# Every value is HTML-escaped where a template writes it: what editors type is shown as
# typed. Only HTML the build made is marked safe (`|safe`, `Markup`): docs/publishing-safety.md
JINJA_ENVIRONMENT = {"autoescape": True}
PLUGIN_PATHS = ["plugins"]
# Every plugin, in one list. Each says what it provides and what it reads of the others'
# (PROVIDES, NEEDS, USES in its __init__.py; the table is in plugins/README.md): sitetool
# loads them with each provider before its readers, and a needed plugin left out is one
# error naming both (plugins/plugin_order.py). This list is in that order already, so a
# build by Pelican alone connects the signals in the same order.
PLUGINS = [
    "content_cache_key",  # before any reading: a cache other code wrote is not loaded
    "bundle_reader", "translated_addresses", "ui_language", "bilingual_listings",
    "asset_bundle",
    "consultations", "meeting_calendar",
    # templates compiled once for all of Pelican's generators, kept in memory (the
    # preview) and in CACHE_PATH/jinja/ (later builds)
    "template_cache",
    "gallery", "published_files",
    "offices", "page_links", "services", "feeds", "service_notices",
    "seo_meta", "sitemap",
    "search_index",  # last: it indexes the pages every other plugin has written
]
MARKDOWN = {
    "extension_configs": {
        # tables align their columns with `align` (a `style` attribute is removed, and
        # the CSP would refuse it)
        "markdown.extensions.extra": {"tables": {"use_align_attribute": True}},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
# Quotation marks of each language (plugins/typography): straight or English quotes typed
# in bodies, easy-read texts and the fields residents read (`Field.prose`, per-language
# text) become these, by their place (opening/closing).
QUOTATION_MARKS = {"lv": {"open": "„", "close": "”"}, "en": {"open": "“", "close": "”"}}

OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True
RELATIVE_URLS = False
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = ".cache/pelican"
CHECK_MODIFIED_METHOD = "md5"
# The content cache is read only by the code that wrote it (plugins/content_cache_key):
# its key hashes the Python files of these folders, these packages' versions and every
# setting but those that change from build to build without changing a reading.
# (no comprehension: tests exec this file with separate globals and locals)
CONTENT_CACHE_KEY_CODE = [os.path.join(_PROJECT, "plugins"), os.path.join(_PROJECT, "sitetool")]
CONTENT_CACHE_KEY_PACKAGES = ["pelican", "markdown", "nh3", "pyyaml", "markupsafe"]
CONTENT_CACHE_KEY_IGNORES = ["PATH", "OUTPUT_PATH", "CACHE_PATH", "BUILD_DATE",
                             "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "GZIP_CACHE",
                             "STATIC_CHECK_IF_MODIFIED", "RENDER_PROCESSES",
                             "DELETE_OUTPUT_DIRECTORY", "CONTENT_CACHE_KEY"]
# Processes that read the sources and render the pages (0 = one per CPU core it may use;
# sitetool/parallel.py). The preview renders in one process: it notes each page.
RENDER_PROCESSES = 0

# Template partials that features add to pages, in order (each plugin's README says which).
HOME_SECTIONS = []
STORY_LEAD_SECTIONS = []  # between a story's title and its text
STORY_SECTIONS = []
BANNER_SECTIONS = []  # above the main content of every page (base.html)

# --- Public consultations (plugins/consultations, plugins/meeting_calendar) -------------
# Stories of kind `consultation`: status, meetings, documents, ways to take part.
CONSULTATIONS_URLS = {"lv": "apspriesanas/", "en": "en/consultations/"}  # overview pages
# Pašvaldību likums, 46. panta 3. daļa: a draft binding regulation is open for comments
# for at least two weeks (a shorter period is a warning, an error in strict builds).
CONSULTATION_REGULATION_MIN_DAYS = 14
MEETING_CALENDAR = {
    "event_file": {"lv": "sanaksme-{number}.ics", "en": "meeting-{number}.ics"},  # beside story
    "feed": {"lv": "apspriesanas/sanaksmes.ics", "en": "en/consultations/meetings.ics"},
    # part of every event's UID: calendars recognise an event by it, so never change it
    "uid_domain": "socialais-dienests.example.lv",
}
# Where residents send a document to an institution's official e-address (linked from a
# consultation's "To our e-address on latvija.gov.lv").
E_ADDRESS_URL = "https://www.latvija.gov.lv/"
NAVIGATION.insert(1, ("Consultations", CONSULTATIONS_URLS))  # right after News
HOME_SECTIONS.append("partials/home_consultations.html")
STORY_LEAD_SECTIONS.append("partials/consultation_box.html")
STORY_SECTIONS.append("partials/consultation_details.html")

# --- News feeds (plugins/feeds) ---------------------------------------------------------
# Atom and RSS per language: all news, each kind, and each service and target group that
# has news. A published feed address is a promise to its subscribers: never change it.
FEED_URLS = {  # {format}: atom or rss; {slug}: the kind's, service's or target group's
    "lv": {"all": "jaunumi/{format}.xml", "kind": "jaunumi/{slug}/{format}.xml",
           "service": "jaunumi/pakalpojumi/{slug}/{format}.xml",
           "target_group": "jaunumi/merkgrupas/{slug}/{format}.xml"},
    "en": {"all": "en/news/{format}.xml", "kind": "en/news/{slug}/{format}.xml",
           "service": "en/news/services/{slug}/{format}.xml",
           "target_group": "en/news/groups/{slug}/{format}.xml"},
}
FEED_ENTRIES = 20  # the newest stories in each feed
# Entry ids are tag URIs (RFC 4151) minted under this domain and year; the build stores
# each story's id in its folder (`.feed-id`). Never change this: readers would show every
# story again as new.
FEED_TAGGING_ENTITY = "socialais-dienests.example.lv,2026"
SUBSCRIBE_URLS = {"lv": "abonet/", "en": "en/subscribe/"}  # what a feed is, every feed
FOOTER_LINKS.append(("Subscribe", SUBSCRIBE_URLS))

# --- Photo galleries (plugins/gallery) ----------------------------------------------------
# A story shows the photos its `photos:` list names, with alt text and captions per language
# (older stories: those of `photos/` or `gallery:`, described in `photos/photos.yml`,
# GALLERY_SIDECAR). Each photo is published in every
# width below (never wider than the photo) and every format; the camera files are not.
# Renditions are cached by each photo's content and these values: changing one redoes
# only the files it affects.
GALLERY_FOLDER = "photos"
GALLERY_SIDECAR = "photos.yml"
GALLERY_URL = "photos/{year}/{slug}/"  # where a story's renditions are published
GALLERY_PAGE_URL = "photos/{bundle}/"  # those of images in a page's or service's text
GALLERY_THUMBNAIL_WIDTH = 400  # in the gallery grid and on news cards
GALLERY_DISPLAY_WIDTHS = [800, 1200, 1920]  # in the viewer; the widest is the no-JS link
# No display rendition higher than this: a width that would be is replaced by the one
# exactly this high (a 3:4 portrait's widest is 1440×1920, not 1920×2560). A portrait cost
# twice a landscape's CPU (its 2560 px could not be draft-decoded from 4000, and it had
# 1.8× the pixels to resize and encode); capped, ~2.2 photos/s on 2 cores instead of ~1.7.
# An upright tablet gets 1440 px where it could show 1640–1934 (benchmarks/README.md,
# "Session 7: 2 photos/s on 2 cores?"). Thumbnails and panoramas are not affected.
GALLERY_MAX_HEIGHT = 1920
GALLERY_SHARE_WIDTH = 1200  # the cover's JPEG for link previews: the widest up to this
GALLERY_FORMATS = {  # Pillow save options; in order of preference, JPEG last (the fallback)
    "avif": {"quality": 50, "speed": 7},
    "webp": {"quality": 78, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
}
# Larger photos are refused as possible decompression bombs (Pillow itself refuses
# anything above 178 megapixels).
GALLERY_MAX_PIXELS = 80_000_000
# A photo more than this many times as wide as high is a panorama (a phone's are 4 to 8):
# its thumbnail shows all of it, letterboxed, and it gets one rendition this many
# pixels high, its whole length to zoom into and scroll along. Any length is shown.
GALLERY_PANORAMA_RATIO = 2
GALLERY_PANORAMA_HEIGHT = 1080
# A format made only up to this width: AVIF (speed 7, q50) needs 68–79 % of WebP's bytes
# at equal SSIM at 400 and 800 px, but only ~87 % at 1200 and 1920 px, where it would more
# than double a photo's CPU time (benchmarks/README.md, "Photo formats"); so it is made
# for the sizes pages show (the thumbnail and twice it: keep this at least
# 2 × GALLERY_THUMBNAIL_WIDTH); the viewer's and the text's larger sizes are WebP (and JPEG).
GALLERY_FORMAT_MAX_WIDTH = {"avif": 800}
GALLERY_WORKERS = 0  # processes for image work; 0 = one per CPU core
# The preview (sitetool serve sets True) shows new photos by their thumbnails first and
# makes their other renditions after; the production build makes every one before pages.
GALLERY_THUMBNAILS_FIRST = False
GALLERY_CACHE_PATH = os.path.join(_PROJECT, ".cache", "gallery")
# Images in the text (`![Zāle](zale.jpg)`) are published as renditions too, in a
# <picture> this wide on screen. The camera files never are: their EXIF carries GPS
# positions (photos of clients' homes would show where they live).
GALLERY_TEXT_IMAGE_SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)"
STORY_SECTIONS.append("partials/story_gallery.html")

# --- What is published (plugins/published_files; docs/publishing-safety.md) ------------
# Of the other files beside stories, pages and services, only those that published
# content names are published, as they are: links in the text, and these fields (`field`,
# or `field.key` in a list of records). Images never are (the gallery publishes copies
# without their metadata); anything else is left out and listed by `sitetool check`.
PUBLISHED_FILE_FIELDS = ["documents.file"]
# Settings naming folders where a symbolic link is an error (links are never followed).
NO_LINKS_IN = ["PATH", "THEME", "PLUGIN_PATHS"]

# --- Services, offices, service notices and urgent help --------------------------------------
# (plugins services, offices, service_notices; see plugins/README.md)
SERVICE_TYPES = {  # `type` of a service -> its name, one and many, in each language
    "benefit": {"lv": "Pabalsts", "en": "Benefit", "plural": {"lv": "Pabalsti", "en": "Benefits"}},
    "service": {"lv": "Pakalpojums", "en": "Service",
                "plural": {"lv": "Pakalpojumi", "en": "Services"}},
}
TARGET_GROUPS = {  # `for` of a service -> name and URL slug of its page; order = order shown
    "seniors": {"lv": "Seniori", "en": "Older people",
                "slug": {"lv": "seniori", "en": "older-people"}},
    "families": {"lv": "Ģimenes ar bērniem", "en": "Families with children",
                 "slug": {"lv": "gimenes-ar-berniem", "en": "families-with-children"}},
    "disability": {"lv": "Cilvēki ar invaliditāti", "en": "People with disabilities",
                   "slug": {"lv": "cilveki-ar-invaliditati", "en": "people-with-disabilities"}},
    "low-income": {"lv": "Trūcīgas un maznodrošinātas mājsaimniecības",
                   "en": "Low-income households",
                   "slug": {"lv": "trucigas-un-maznodrosinatas-majsaimniecibas",
                            "en": "low-income-households"}},
    "unemployed": {"lv": "Bezdarbnieki", "en": "Unemployed people",
                   "slug": {"lv": "bezdarbnieki", "en": "unemployed-people"}},
    "crisis": {"lv": "Cilvēki krīzes situācijā", "en": "People in crisis",
               "slug": {"lv": "krizes-situacija", "en": "people-in-crisis"}},
    "youth": {"lv": "Jaunieši", "en": "Young people",
              "slug": {"lv": "jauniesi", "en": "young-people"}},
}
SERVICE_URLS = {  # the catalogue, its target-group pages and a service's easy-read page
    "lv": {"catalogue": "pakalpojumi/", "target_group": "pakalpojumi/kam/{slug}/",
           "easy_read": "{url}viegla-valoda/"},
    "en": {"catalogue": "en/services/", "target_group": "en/services/for/{slug}/",
           "easy_read": "{url}easy-read/"},
}
AREAS = {  # the town and the parishes offices serve; order = order on "Where to get help"
    "pilseta": {"lv": "Novada pilsēta", "en": "Novada pilsēta (the town)"},
    "avotkalne": {"lv": "Avotkalnes pagasts", "en": "Avotkalne parish"},
    "eglupe": {"lv": "Egļupes pagasts", "en": "Egļupe parish"},
    "kalnaji": {"lv": "Kalnāju pagasts", "en": "Kalnāji parish"},
    "lejasmuiza": {"lv": "Lejasmuižas pagasts", "en": "Lejasmuiža parish"},
    "rudzupe": {"lv": "Rudzupes pagasts", "en": "Rudzupe parish"},
}
STAFF_ROLES = {  # `role` of a person who receives residents -> job title and what they handle
    "social-worker": {
        "lv": "sociālais darbinieks", "en": "social worker",
        "handles": {"lv": "sociālie pakalpojumi un atbalsts sarežģītās dzīves situācijās",
                    "en": "social services and support in difficult situations"}},
    "assistance-organiser": {
        "lv": "sociālās palīdzības organizators", "en": "social assistance organiser",
        "handles": {"lv": "trūcīgas vai maznodrošinātas mājsaimniecības statuss un pabalsti",
                    "en": "low-income household status and benefits"}},
    "psychologist": {
        "lv": "psihologs", "en": "psychologist",
        "handles": {"lv": "psiholoģisks atbalsts grūtā brīdī",
                    "en": "psychological support in hard times"}},
    "centre-manager": {
        "lv": "centra vadītājs", "en": "centre manager",
        "handles": {"lv": "centra pakalpojumi un pieteikšanās tiem",
                    "en": "the centre's services and how to join"}},
}
HELP_URLS = {  # "Where to get help" and one page per office
    "lv": {"index": "kur-sanemt-palidzibu/", "office": "kur-sanemt-palidzibu/{slug}/"},
    "en": {"index": "en/where-to-get-help/", "office": "en/where-to-get-help/{slug}/"},
}
NOTICE_SEVERITIES = {  # `severity` of a notice; `banner`: shown at the top of every page
    "changed": {"lv": "Izmaiņas", "en": "Change"},
    "limited": {"lv": "Ierobežota pieejamība", "en": "Limited"},
    "urgent": {"lv": "Steidzami", "en": "Urgent", "banner": True},
}
URGENT_HELP = [  # "Need help now?" on the home page and every service page
    {"phone": "112",
     "label": {"lv": "Ārkārtas situācijā, ja apdraudēta dzīvība, veselība vai drošība",
               "en": "Emergency: when life, health or safety is in danger"},
     "hours": {"lv": "visu diennakti", "en": "24 hours a day"}},
    {"phone": "+371 65300050",
     "label": {"lv": "Novada krīzes centrs", "en": "Municipal crisis centre"},
     "hours": {"lv": "visu diennakti", "en": "24 hours a day"}},
    {"phone": "116 123",
     "label": {"lv": "Emocionālā atbalsta tālrunis, bez maksas",
               "en": "Emotional support line, free of charge"},
     "hours": {"lv": "visu diennakti", "en": "24 hours a day"}},
]
# Main menu: News, …, Services, Where to get help, Contacts
_contacts = next(i for i, (label, _) in enumerate(NAVIGATION) if label == "Contacts")
NAVIGATION[_contacts:_contacts] = [
    ("Services", {lang: urls["catalogue"] for lang, urls in SERVICE_URLS.items()}),
    ("Where to get help", {lang: urls["index"] for lang, urls in HELP_URLS.items()}),
]
HOME_SECTIONS += ["partials/service_notices.html", "partials/find_help.html",
                  "partials/urgent_help.html"]
BANNER_SECTIONS.append("partials/urgent_notices.html")  # urgent notices on every page

# --- Search and being found (plugins/seo_meta, plugins/sitemap, plugins/search_index) ---
# The search page of each language; the 404 page's search boxes send their words there.
SEARCH_URLS = {"lv": "meklet/", "en": "en/search/"}
NOT_FOUND_SAVE_AS = "404.html"  # one file at the root: a web server serves a single 404 page
NAVIGATION.append(("Search", SEARCH_URLS))  # every page reaches search from the main menu
# Parts of indexed pages that search skips: a story's kind/date/author lines (kind and
# date are filters and result details already; in the text they would fill excerpts) and
# the crisis numbers repeated on every service page (a search for "112" would list them all).
SEARCH_EXCLUDE_SELECTORS = [".story-meta", ".urgent-help"]
# Where the search page sends people whose browser runs no JavaScript (msgid, URLs).
SEARCH_FALLBACK_LINKS = [
    ("Service catalogue", {lang: urls["catalogue"] for lang, urls in SERVICE_URLS.items()}),
    ("News archive", {lang: urls["news"] for lang, urls in LISTING_URLS.items()}),
]
# Link previews (Open Graph) of pages without a cover photo of their own.
SHARE_IMAGE = {
    "url": "theme/share.png", "width": 1200, "height": 630,
    "alt": {"lv": "Novada Sociālais dienests: sociālā palīdzība un pakalpojumi",
            "en": "Novada Sociālais dienests, the Municipal Social Service"},
}
ORGANIZATION_LOGO = "theme/favicon.svg"  # the department's logo in JSON-LD

# --- Editor tools (sitetool new / check / serve / build; docs/editor-guide.*.md) -------
# `sitetool new` signs new stories with this name and role, e.g. {"name": "…", "role":
# {"lv": "…", "en": "…"}}; empty: new stories show `author` as an example to fill in.
NEW_CONTENT_AUTHOR = {}
# The security headers of every response (Content-Security-Policy…): the file the web
# server includes (docs/deploy.md), which `sitetool serve` sends too.
SECURITY_HEADERS_FILE = os.path.join(_PROJECT, "docs", "nginx", "socialais-dienests-headers.conf")
# These plugins' generators write whole-site files of their own (feeds, calendars).
# `sitetool build` runs them once the pages are written, while Pagefind indexes those;
# `sitetool serve`, which re-renders only the pages an edit touches, leaves their files
# as they were after a plain edit, and the next full rebuild (a file added or removed, a
# theme change) renews them.
WHOLE_SITE_OUTPUT_PLUGINS = ["feeds", "meeting_calendar"]
# Of those, the plugins whose files (matched by these patterns, relative to the output)
# are made from front matter, settings and the day only: after an edit to story texts
# alone, `sitetool build` links them from the served site instead of making them again
# (sitetool/incremental.py; tests/test_incremental_equal.py proves the builds equal).
FRONT_MATTER_OUTPUT = {"meeting_calendar": ["*.ics"]}
# Hidden files are neither content nor published: editors' lock and swap files, and the
# feeds' `.feed-id` (written by the build into story folders; if Pelican published them,
# a story's first build would differ from every later one). Nor are the files Windows and
# Word leave in a folder (`sitetool check` would tell the editor to link them).
IGNORE_FILES = [".*", "Thumbs.db", "desktop.ini", "~$*"]

# --- The web editor (Decap CMS at /admin/; sitetool/cms_config.py, docs/web-editor.md) ---
# `sitetool serve` always offers it, writing into content/ through Decap's local server
# (decap-server, from package-lock.json). A published site gets /admin/ only when a Git
# backend is set here, e.g. a municipality's GitLab or Forgejo with its OAuth application:
#   WEB_EDITOR_BACKEND = {"name": "gitlab", "repo": "novads/socialais-dienests",
#                         "base_url": "https://git.novads.lv", "api_root":
#                         "https://git.novads.lv/api/v4", "auth_type": "pkce",
#                         "app_id": "…", "branch": "main"}
#   WEB_EDITOR_BACKEND = {"name": "gitea", "repo": "novads/socialais-dienests",
#                         "base_url": "https://git.novads.lv", "api_root":
#                         "https://git.novads.lv/api/v1", "app_id": "…", "branch": "main"}
WEB_EDITOR_BACKEND = None
# True: a saved story is a draft to review before it is published (needs a Git backend).
WEB_EDITOR_EDITORIAL_WORKFLOW = False
# Where the media library opened outside a story saves files (a story's go to its photos/).
WEB_EDITOR_MEDIA_FOLDER = "media"
# The editor's interface languages; the first is the default (the others: ?lang=en).
WEB_EDITOR_LANGUAGES = ["lv", "en"]
# The editor's own security headers (its Content-Security-Policy allows what Decap needs).
WEB_EDITOR_HEADERS_FILE = os.path.join(_PROJECT, "docs", "nginx",
                                       "socialais-dienests-admin-headers.conf")
