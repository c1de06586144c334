"""The content schema: one set of rules for the build and for the editors' `check`.

Not a Pelican plugin (it connects no signal): the `bundle_reader` plugin applies it while
Pelican reads content, and `sitetool check` applies it without building. Vocabularies
(kinds, languages, …) come from the settings, so `pelicanconf.py` stays the one place to
change them. The fields of a feature's content are declared by its plugin (schema.py).
"""

from .data_files import DataFile, data_file_slugs, read_data_files
from .dates import build_today, parse_date
from .fields import Field
from .front_matter import FrontMatter, parse_front_matter, read_front_matter
from .hours import WeeklyHours
from .problems import Problem, log_problems, unknown_reference
from .schema import Schema, SchemaError, schema
from .slugs import slugify_title
from .validate import title_length_problems, validate

__all__ = [
    "DataFile",
    "Field",
    "FrontMatter",
    "Problem",
    "Schema",
    "SchemaError",
    "WeeklyHours",
    "build_today",
    "data_file_slugs",
    "log_problems",
    "parse_date",
    "parse_front_matter",
    "read_data_files",
    "read_front_matter",
    "schema",
    "slugify_title",
    "title_length_problems",
    "unknown_reference",
    "validate",
]
