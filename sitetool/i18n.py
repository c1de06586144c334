"""The language sitetool speaks: Latvian unless asked otherwise.

Order: `--lang`, then the `SITETOOL_LANG` environment variable, then the system's
`LC_ALL` / `LC_MESSAGES` / `LANG` (an `en_GB.UTF-8` desktop gets English), else Latvian.
sitetool's own words live in `sitetool/translations/lv/LC_MESSAGES/messages.po` (English
msgids, compiled in memory by Babel like the theme's); content problems are rendered by
`Problem.render(lang)` from the content schema's catalogue.
"""

import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("lv", "en")
DEFAULT = "lv"
TRANSLATIONS_DIR = Path(__file__).with_name("translations")


def choose_lang(requested: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    if requested in LANGUAGES:
        return requested
    for name in ("SITETOOL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        code = value.split(".")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
        if name == "SITETOOL_LANG":
            continue  # a language sitetool does not speak: look further
        if code not in ("c", "posix"):
            return "en"  # another language's desktop: English is closer than Latvian
    return DEFAULT


class Messages:
    """`_()` and `ngettext()` for one language."""

    def __init__(self, lang: str):
        from ui_language.ui_language import load_catalog  # the theme's Babel loader

        self.lang = lang
        self._catalog = load_catalog(str(TRANSLATIONS_DIR), lang)

    def _(self, message: str, **params) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text

    def ngettext(self, singular: str, plural: str, count: int, **params) -> str:
        return self._catalog.ngettext(singular, plural, count).format(count=count, **params)
