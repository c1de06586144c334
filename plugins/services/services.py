"""The service catalogue: services and benefits as pages, listed per language, type and
target group.

A service is a bundle `content/services/<slug>/index.<lang>.md` read by `bundle_reader`
and checked against `fields.py` (type, target groups, how to apply, cost, offices…).

Signals:
- `page_generator_context`: a page in `content/services/` is rendered with the `service`
  template;
- `page_generator_finalized`: each service page gets `target_groups` (its `for`, which is a
  Python and Jinja keyword) and `easy_read_html`; the context gets `services_by_lang`
  ({lang: [service pages in Latvian alphabetical order]}) and `service_target_groups`
  ({service slug: [target group keys]}), which the feeds read;
- `all_generators_finalized`: rules that span files — a story naming a missing service, a
  service naming a missing office — and `service_stories` ({service slug: {lang: [stories]}},
  the service-change stories naming each service, newest first), built once;
- `get_generators`: `ServiceCatalogueGenerator` writes, per language, the catalogue (by
  type, with instant filtering when JavaScript runs), one page per target group (the same
  filtering without JavaScript) and each service's easy-read page;
- `generator_init`: Jinja global `service_json_ld(page)`, the page's schema.org
  `GovernmentService` as a JSON data block.
"""

import logging
from collections import defaultdict
from itertools import chain
from operator import attrgetter
from pathlib import Path

from jinja2 import pass_context
from jinja2.utils import htmlsafe_json_dumps
from markdown import Markdown
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from body_sanitiser import BodySanitiser
from content_schema import Problem, log_problems, unknown_reference
from typography import quote_html, quote_text
from ui_language import latvian_sort_key

logger = logging.getLogger(__name__)

SECTION = "services"
TEMPLATE = "service"
STORY_KIND = "service-change"
# Problem messages (English msgids of content_schema's catalogue); notices use them too.
NOT_A_SERVICE = "'{value}' is not a service"
USE_A_SERVICE = "use the name of a folder in content/services/: {known}"
NOT_AN_OFFICE = "'{value}' is not an office"
USE_AN_OFFICE = "use the name of a file in content/offices/ (without .yml): {known}"


def is_service(content) -> bool:
    return getattr(content, "section", None) == SECTION


def choose_template(generator, metadata):
    if metadata.get("section") == SECTION:
        metadata["template"] = TEMPLATE


def _easy_read_line(page) -> int:
    """The file line of the easy-read text's first line: below its key when written as a
    block (`easy_read: |`), else the key's own (or 1 when taken from the twin)."""
    line = getattr(page, "front_matter_lines", {}).get("easy_read", 1)
    return line + 1 if "\n" in page.easy_read.strip() else line


def _title_order(page):
    return latvian_sort_key(page.title)


def _every_page(pages_generator):
    """Published, hidden and draft pages, originals and translations."""
    return chain(pages_generator.pages, pages_generator.translations,
                 pages_generator.hidden_pages, pages_generator.hidden_translations,
                 pages_generator.draft_pages, pages_generator.draft_translations)


def collect_services(generator):
    published = [p for p in chain(generator.pages, generator.translations) if is_service(p)]
    markdown = Markdown(output_format="html5", extensions=["sane_lists"])
    sanitiser = BodySanitiser(generator.settings)
    quotes = generator.settings["QUOTATION_MARKS"]
    for page in filter(is_service, _every_page(generator)):
        page.target_groups = getattr(page, "for")
        if getattr(page, "easy_read", None):
            markdown.reset()
            html, removed = sanitiser.clean(
                markdown.convert(page.easy_read), page.easy_read,
                _easy_read_line(page), page.source_file)
            # the language's quotation marks, as in the service's own text (bundle_reader)
            page.easy_read_html = quote_html(html, quotes.get(page.lang))
            log_problems(logger, removed)
    by_lang = {lang: sorted((p for p in published if p.lang == lang), key=_title_order)
               for lang in generator.settings["LANGUAGES"]}
    generator.context["services_by_lang"] = by_lang
    generator.context["service_by_slug"] = {
        lang: {page.slug: page for page in pages} for lang, pages in by_lang.items()}
    generator.context["service_target_groups"] = {
        page.slug: list(page.target_groups) for page in published}


def _own_line(content, field: str, index: int) -> int | None:
    """The line of `field[index]` in this file, or None when the field is inherited from
    the translation's twin (whose own check reports it)."""
    lines = getattr(content, "front_matter_lines", {})
    if field not in lines:
        return None
    return lines.get(f"{field}[{index}]", lines[field])


def _missing(content, field, known, message, fix) -> list[Problem]:
    problems = []
    for index, slug in enumerate(getattr(content, field, None) or []):
        line = _own_line(content, field, index)
        if slug not in known and line is not None:
            problems.append(unknown_reference(content.source_file, line, field, slug, known,
                                              message, fix))
    return problems


def service_slugs(settings) -> set[str]:
    """Every service folder, also one whose file has a mistake: a reference to it is not a
    second mistake."""
    folder = Path(settings["PATH"]) / SECTION
    return {bundle.parent.name for bundle in folder.glob("*/index.*.md")}


def check_links_and_index_stories(generators):
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    services = list(filter(is_service, _every_page(pages)))
    known_services = service_slugs(pages.settings)
    stories = list(chain(articles.articles, articles.translations, articles.drafts,
                         articles.drafts_translations, articles.hidden_articles,
                         articles.hidden_translations))
    problems = []
    for story in stories:
        problems += _missing(story, "services", known_services, NOT_A_SERVICE,
                             USE_A_SERVICE)
    offices = pages.context.get("offices", {})
    known_offices = pages.context.get("office_slugs", set())
    for service in services:
        problems += _missing(service, "offices", known_offices, NOT_AN_OFFICE, USE_AN_OFFICE)
        service.providing_offices = [offices[slug] for slug in service.offices
                                     if slug in offices]
    log_problems(logger, sorted(problems))

    by_service = defaultdict(lambda: defaultdict(list))
    for story in chain(articles.articles, articles.translations):
        if story.kind == STORY_KIND:
            for slug in getattr(story, "services", None) or []:
                by_service[slug][story.lang].append(story)
    for per_lang in by_service.values():
        for lang_stories in per_lang.values():
            lang_stories.sort(key=attrgetter("date"), reverse=True)
    articles.context["service_stories"] = {
        slug: dict(per_lang) for slug, per_lang in by_service.items()}


class ServiceCatalogueGenerator(Generator):
    """The catalogue, target-group and easy-read pages of each language."""

    def generate_output(self, writer):
        settings = self.settings
        groups = settings["TARGET_GROUPS"]
        by_lang = self.context.get("services_by_lang", {})
        catalogue_alternates = {lang: settings["SERVICE_URLS"][lang]["catalogue"]
                                for lang in settings["LANGUAGES"]}
        for lang in settings["LANGUAGES"]:
            urls, services = settings["SERVICE_URLS"][lang], by_lang.get(lang, [])
            members = {key: [s for s in services if key in s.target_groups]
                       for key in groups}
            counts = {key: len(of_group) for key, of_group in members.items()}
            self._write(writer, "service_catalogue", urls["catalogue"], lang,
                        catalogue_alternates, services=services, all_services=services,
                        target_group=None, target_group_counts=counts)
            for key, group in groups.items():
                alternates = {other: settings["SERVICE_URLS"][other]["target_group"].format(
                    slug=group["slug"][other]) for other in settings["LANGUAGES"]}
                self._write(writer, "service_catalogue", alternates[lang], lang, alternates,
                            services=members[key], all_services=services, target_group=key,
                            target_group_counts=counts)
            for service in services:
                if getattr(service, "easy_read_html", None):
                    self._write(writer, "service_easy_read", easy_read_url(service, settings),
                                lang, easy_read_alternates(service, settings), page=service)

    def _write(self, writer, template, url, lang, alternates, **extra):
        # alternates_by_page: {page number: {lang: url}}, what page_alternates() reads
        writer.write_file(url + "index.html", self.get_template(template), self.context,
                          url=url, lang=lang, alternates_by_page={1: alternates}, **extra)


def easy_read_url(service, settings) -> str:
    """Where a service's easy-read version is (settings or a template context)."""
    return settings["SERVICE_URLS"][service.lang]["easy_read"].format(url=service.url)


def easy_read_alternates(service, settings) -> dict[str, str]:
    versions = [service, *service.translations]
    urls = {v.lang: easy_read_url(v, settings) for v in versions
            if getattr(v, "easy_read_html", None)}
    return {lang: urls[lang] for lang in settings["LANGUAGES"] if lang in urls}


@pass_context
def service_json_ld(context, page):
    """schema.org GovernmentService for search engines and assistants."""
    lang, site = page.lang, context["SITEURL"]
    department = context["DEPARTMENT"][lang]
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "description": Markup(page.metadata["summary"]).unescape(),
        "url": f"{site}/{page.url}",
        "inLanguage": lang,
        "serviceType": context["SERVICE_TYPES"][page.type][lang],
        "audience": [{"@type": "Audience",
                      "audienceType": context["TARGET_GROUPS"][key][lang]}
                     for key in page.target_groups],
        "provider": {"@type": "GovernmentOrganization", "name": department["name"],
                     "address": department["address"],
                     "telephone": context["CONTACT_PHONE"], "email": context["CONTACT_EMAIL"]},
        "availableChannel": [_channel(office, lang, site, context["QUOTATION_MARKS"].get(lang))
                             for office in page.providing_offices],
        "dateModified": page.modified.date().isoformat(),
    }
    return htmlsafe_json_dumps(data, indent=2)


def _channel(office, lang, site, quotes):
    location = {"@type": "Place", "name": office.name[lang]}
    if office.address:  # typed once for every language: the page's quotation marks
        location["address"] = quote_text(office.address, quotes)
    return {"@type": "ServiceChannel", "name": office.name[lang],
            "url": f"{site}/{office.urls[lang]}", "serviceLocation": location,
            "servicePhone": {"@type": "ContactPoint", "telephone": office.phone}}


@pass_context
def easy_read_url_of(context, page) -> str:
    return easy_read_url(page, context)


def install_globals(generator):
    generator.env.globals["service_json_ld"] = service_json_ld
    generator.env.globals["easy_read_url"] = easy_read_url_of


def get_generators(pelican):
    return ServiceCatalogueGenerator


def register():
    signals.page_generator_context.connect(choose_template)
    signals.page_generator_finalized.connect(collect_services)
    signals.all_generators_finalized.connect(check_links_and_index_stories)
    signals.generator_init.connect(install_globals)
    signals.get_generators.connect(get_generators)
