"""Each source's checked front matter, kept between builds (issue 20).

Pelican's content cache keeps a source's reading (its body, its raw front matter), but the
content schema's check of the front matter (`content_schema.validate`: every field's
rule, the quotation marks of every text) ran again on every source in every build: 8 % of
a one-story edit's build at 500 stories per language. Its result is a function of what it
is given — the section, the front matter (values and lines), the file's name, the
default-language twin's front matter, the language — and of the code and the settings,
which the content cache's key hashes (`CONTENT_CACHE_KEY`, plugins/content_cache_key),
and of the day (`build_today`, which that key leaves out). Here each result is kept
under a hash of all of that in `CACHE_PATH/checked-front-matter.pickle`, written once the
site is read (`all_generators_finalized`) with only the results this build asked for; a
build with another key or another day starts empty. Not with `--no-cache`.
"""

import hashlib
import os
import pickle

from atomic_files import write_atomically
from content_schema import build_today, validate

FILE = "checked-front-matter.pickle"

_current = None  # the memo of the build whose settings it has


class CheckedFrontMatter:
    def __init__(self, settings):
        self.settings = settings
        self.file = os.path.join(settings["CACHE_PATH"], FILE)
        self.key = (settings.get("CONTENT_CACHE_KEY"), build_today(settings).isoformat())
        self.kept: dict[bytes, bytes] = {}
        self.asked: dict[bytes, bytes] = {}
        if self.key[0] and settings["LOAD_CONTENT_CACHE"]:
            try:
                with open(self.file, "rb") as file:
                    key, kept = pickle.load(file)
            except (OSError, ValueError, EOFError, pickle.UnpicklingError):
                return
            if key == self.key:
                self.kept = kept

    def validate(self, section, front_matter, source_file, inherited, lang):
        """`validate(…)`'s values and problems: kept ones when this input was checked
        before (each a copy of its own: the caller changes the values)."""
        given = pickle.dumps((section, front_matter.data, front_matter.lines, source_file,
                              inherited, lang), protocol=5)
        name = hashlib.sha256(given).digest()
        result = self.kept.get(name)
        if result is None:
            result = pickle.dumps(validate(section, front_matter, source_file,
                                           self.settings, inherited, lang=lang), protocol=5)
        self.asked[name] = result
        return pickle.loads(result)

    def save(self) -> None:
        if not self.key[0] or not self.settings["CACHE_CONTENT"] or self.asked == self.kept:
            return
        try:
            os.makedirs(self.settings["CACHE_PATH"], exist_ok=True)
            write_atomically(self.file, pickle.dumps((self.key, self.asked), protocol=5))
        except OSError:  # a read-only cache: the next build checks every file again
            return


def checked(settings) -> CheckedFrontMatter:
    """The memo of the build that has `settings` (a preview builds many times)."""
    global _current
    if _current is None or _current.settings is not settings:
        _current = CheckedFrontMatter(settings)
    return _current


def save_checked(generators) -> None:
    if _current is not None and _current.settings is generators[0].settings:
        _current.save()
