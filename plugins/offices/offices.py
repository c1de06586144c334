"""Offices and centres where residents get help, with their reception hours.

One YAML file per office, `content/offices/<slug>.yml`, checked against
the fields of `fields.py` (names and how to book in both languages, the
areas it serves, the people who receive residents and when: `Tue 8:30–12:00`).

Signals:
- `get_generators`: `OfficesGenerator`
  - `generate_context` (reading): reads every office, logs one `Problem` line per mistake
    and puts `offices` ({slug: Office}), `offices_by_area` ({area: [Office]}) and
    `office_slugs` (every office file, also one with a mistake) in the context;
  - `generate_output` (writing): per language, "Where to get help" — per area of AREAS,
    who receives residents, when and how to book — and one page per office.
- `generator_init`: Jinja filter `weekly_hours` (days and times in the page's language,
  by Babel/CLDR).
"""

import logging
from dataclasses import dataclass, field
from functools import cache

from babel.dates import format_time, get_day_names
from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from content_schema import WeeklyHours, data_file_slugs, log_problems, read_data_files
from translated_addresses import address_slug, settle
from ui_language.ui_language import context_lang

logger = logging.getLogger(__name__)


@dataclass
class Person:
    role: str
    name: str
    hours: list[WeeklyHours]
    phone: str = ""
    email: str = ""


@dataclass
class Office:
    slug: str
    source_file: str
    name: dict[str, str]
    phone: str
    urls: dict[str, str]
    address: str = ""
    email: str = ""
    areas: list[str] = field(default_factory=list)
    hours: list[WeeklyHours] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    by_appointment: bool = False
    booking: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)


def _office(data_file, settings) -> Office:
    values = dict(data_file.values)
    people = [Person(**person) for person in values.pop("reception", [])]
    explicit = values.pop("slug", {})
    urls = {}
    for lang in settings["LANGUAGES"]:  # the file's name in Latvian, an English one in English
        address = settings["HELP_URLS"][lang]["office"]
        slug, problems = address_slug(
            settings, f"offices/{data_file.slug}", lang, data_file.slug, values["name"][lang],
            explicit.get(lang), address, (data_file.source_file, data_file.front_matter.line),
            title_field=f"name.{lang}", slug_field=f"slug.{lang}")
        log_problems(logger, problems)
        urls[lang] = address.format(slug=slug)
    return Office(slug=data_file.slug, source_file=data_file.source_file, urls=urls,
                  people=people, **values)


class OfficesGenerator(Generator):
    def generate_context(self):
        files, problems = read_data_files("offices", self.settings)
        log_problems(logger, problems)
        offices = {data_file.slug: _office(data_file, self.settings) for data_file in files}
        # offices whose names make one address are settled together (translated_addresses)
        for (lang, key), url in settle(self.settings, [
                (lang, f"offices/{slug}") for slug in offices
                for lang in self.settings["LANGUAGES"]]).items():
            offices[key.removeprefix("offices/")].urls[lang] = url
        self.context["offices"] = offices
        self.context["office_slugs"] = data_file_slugs("offices", self.settings)
        self.context["offices_by_area"] = {
            area: [office for office in offices.values() if area in office.areas]
            for area in self.settings["AREAS"]
        }

    def generate_output(self, writer):
        languages = self.settings["LANGUAGES"]
        urls = self.settings["HELP_URLS"]
        index_alternates = {lang: urls[lang]["index"] for lang in languages}
        # alternates_by_page: {page number: {lang: url}}, what page_alternates() reads
        for lang in languages:
            writer.write_file(
                urls[lang]["index"] + "index.html", self.get_template("where_to_get_help"),
                self.context, url=urls[lang]["index"], lang=lang,
                alternates_by_page={1: index_alternates})
            for office in self.context["offices"].values():
                writer.write_file(
                    office.urls[lang] + "index.html", self.get_template("office"),
                    self.context, url=office.urls[lang], lang=lang, office=office,
                    alternates_by_page={1: office.urls})


@cache
def format_weekly_hours(hours: WeeklyHours, locale: str) -> str:
    """`Otrdiena, ceturtdiena 08:30–12:00` / `Monday–Friday 08:30–16:00`; cached, as the
    same hours are shown on the office's page, on "Where to get help" and on every service
    page that names the office."""
    names = get_day_names("wide", locale=locale)
    if hours.is_range:
        days = f"{names[hours.days[0]]}–{names[hours.last_day]}"
    else:
        days = ", ".join(names[day] for day in hours.days)
    times = "–".join(format_time(t, "short", locale=locale) for t in (hours.opens, hours.closes))
    return f"{days[0].upper()}{days[1:]} {times}"


def install_filters(generator):
    languages = generator.settings["LANGUAGES"]

    @pass_context
    def weekly_hours(context, hours: WeeklyHours) -> str:
        return format_weekly_hours(hours, languages[context_lang(context)]["locale"])

    generator.env.filters["weekly_hours"] = weekly_hours


def get_generators(pelican):
    return OfficesGenerator


def register():
    signals.generator_init.connect(install_filters)
    signals.get_generators.connect(get_generators)
