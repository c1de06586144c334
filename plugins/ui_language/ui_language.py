"""The theme's words and dates in the reader's language.

Signal: `generator_init` — every generator's Jinja environment gets
- `_()`/`gettext`/`ngettext` from Babel catalogues compiled in memory from
  `UI_TRANSLATIONS_DIR/<lang>/LC_MESSAGES/messages.po` (English msgids, so Latvian keeps
  its three plural forms); the language is the page's (`lang` in the context, else the
  article's or page's);
- filters `localdate` (Babel/CLDR, Europe/Riga, never system locales), `localrange` (a
  range of days by CLDR's interval formats, the year said once), `latvian_sort` and
  `quotes` (text typed once for every language — an office's address, a person's name, a
  photo's credit — with the quotation marks of the page it is shown on);
- globals `translate(msgid, lang)` for text in another language than the page's (the
  language switcher's note), and `page_lang()`.
"""

import errno
import gettext
import io
import logging
import re
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, parse_pattern
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context
from pelican import signals

from typography import quote_text

from .collation import latvian_sort_key

logger = logging.getLogger(__name__)


@cache
def load_catalog(directory: str, lang: str) -> gettext.NullTranslations:
    if not Path(directory).is_dir():  # else every page would show the English words
        raise FileNotFoundError(errno.ENOENT, "UI_TRANSLATIONS_DIR names no folder",
                                directory)
    po_path = Path(directory) / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return gettext.NullTranslations()  # English msgids are the English text
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as pybabel compile does
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@lru_cache(maxsize=16384)
def format_day(day: date, form: str, locale: str) -> str:
    """Babel's date in `locale`, remembered: a story's date appears on its page and in
    every list it is in, and Babel formats it again each time (~40 µs)."""
    return format_date(day, form, locale=locale)


# CLDR's day-range patterns have abbreviated months (yMMMd); ICU widens them to the full
# month the long date uses, as Babel does not: "2026. gada 24.–26. decembris".
SHORT_MONTH = re.compile(r"(?<!M)MMM(?!M)")
RANGE_SEPARATOR = re.compile(r"\s*[–-]\s*$")


@lru_cache(maxsize=4096)
def format_day_range(start: date, end: date, locale: str) -> tuple[str, str, str]:
    """A range of days by CLDR's interval format, as (start, separator, end): the year
    (and month) said once when shared — `24–26 December 2026`. A single day: (day, "", "")."""
    if start == end:
        return format_day(start, "long", locale), "", ""
    patterns = Locale.parse(locale).interval_formats["yMMMd"]
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = (parse_pattern(SHORT_MONTH.sub("MMMM", pattern)).apply(day, locale)
                     for pattern, day in zip(patterns[field], (start, end), strict=True))
    separator = RANGE_SEPARATOR.search(first)
    return first[:separator.start()], separator.group(), second


def context_lang(context) -> str:
    if context.get("lang"):
        return context["lang"]
    content = context.get("article") or context.get("page")
    return getattr(content, "lang", None) or context["DEFAULT_LANG"]


def remembering_gettext(gettext, lang_of):
    """Jinja's new-style `gettext` (`gettext`: the one `install_gettext_callables` made),
    its result for a message without variables remembered per language and autoescaping:
    the extension turns the translation into `Markup` and formats it with `%` on every
    call, a third of the CPU a page's words cost (issue 20: cold builds)."""
    said = {}  # (language, message, autoescape) -> the extension's result

    @pass_context
    def remembered(context, message, /, **variables):
        if variables:
            return gettext(context, message, **variables)
        key = (lang_of(context), message, context.eval_ctx.autoescape)
        result = said.get(key)
        if result is None:
            result = said[key] = gettext(context, message)
        return result
    return remembered


def install(generator):
    settings = generator.settings
    directory = str(Path(settings["UI_TRANSLATIONS_DIR"]))
    zone = ZoneInfo(settings["TIMEZONE"])

    def catalog(lang):
        return load_catalog(directory, lang)

    @pass_context
    def ui_gettext(context, message):
        return catalog(context_lang(context)).gettext(message)

    @pass_context
    def ui_ngettext(context, singular, plural, n):
        return catalog(context_lang(context)).ngettext(singular, plural, n)

    def translate(message, lang):
        return catalog(lang).gettext(message)

    @pass_context
    def localdate(context, value, form="long", lang=None):
        """`2010. gada 11. jūnijs` / `11 June 2010` (locale from LANGUAGES); forms: Babel's
        (long, medium, short), `datetime` (with the time) and `iso`."""
        if value is None:
            return ""
        locale = settings["LANGUAGES"][lang or context_lang(context)]["locale"]
        if isinstance(value, datetime):
            value = value.astimezone(zone) if value.tzinfo else value.replace(tzinfo=zone)
            if form == "datetime":
                return f"{format_day(value.date(), 'long', locale)}, {value:%H:%M}"
            if form == "iso":
                return value.isoformat()
            value = value.date()
        elif form == "iso" and isinstance(value, date):
            return value.isoformat()
        return format_day(value, form, locale)

    @pass_context
    def localrange(context, start, end, lang=None):
        """A range of days (dates, or datetimes taken in TIMEZONE) as (start, separator,
        end) text, for `components/date_range.html`."""
        locale = settings["LANGUAGES"][lang or context_lang(context)]["locale"]
        start, end = ((value.astimezone(zone).date() if isinstance(value, datetime) else value)
                      for value in (start, end))
        return format_day_range(start, end, locale)

    @pass_context
    def quotes(context, text, lang=None):
        # read once for every language, the text carries the default language's marks
        return quote_text(text, settings["QUOTATION_MARKS"].get(lang or context_lang(context)))

    def latvian_sort(items, attribute=None):
        def key(item):
            value = getattr(item, attribute) if attribute else item
            return latvian_sort_key(str(value))
        return sorted(items, key=key)

    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(ui_gettext, ui_ngettext, newstyle=True)
    # The extension's `_` looks `gettext` up in the page's context on every call (~66,000
    # calls per build at 500 stories per language); `_` is that same `gettext`, one that
    # remembers what the extension's would return.
    env.globals["_"] = env.globals["gettext"] = remembering_gettext(
        env.globals["gettext"], context_lang)
    env.filters["localdate"] = localdate
    env.filters["latvian_sort"] = latvian_sort
    env.filters["localrange"] = localrange
    env.filters["quotes"] = quotes
    env.globals["translate"] = translate
    env.globals["page_lang"] = pass_context(context_lang)


def register():
    signals.generator_init.connect(install)
