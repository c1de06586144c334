"""The content schema: one set of rules for the build and for the editors' `check`.

Not a Pelican plugin (it connects no signal): the `bundle_reader` plugin applies it while
Pelican reads content, and `sitetool check` applies it without building. Vocabularies
(kinds, languages, …) come from the settings, so `pelicanconf.py` stays the one place to
change them.
"""

from .dates import build_today, parse_date
from .fields import FIELDS, Field
from .front_matter import FrontMatter, parse_front_matter, read_front_matter
from .problems import Problem
from .slugs import slugify_title
from .validate import validate

__all__ = [
    "FIELDS",
    "Field",
    "FrontMatter",
    "Problem",
    "build_today",
    "parse_date",
    "parse_front_matter",
    "read_front_matter",
    "slugify_title",
    "validate",
]
