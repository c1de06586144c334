"""One news section per language, built on Pelican's native translations.

Pelican pairs translations (same `bundle`) but lists every original in the default
language's index, untranslated English stories included, and writes no `/en/` lists.
This plugin replaces Pelican's lists (its DIRECT_TEMPLATES and category/tag/author pages
are switched off in pelicanconf.py):

- `article_generator_finalized`: `articles_by_lang` in the context — each language's
  published stories, newest first (feeds, search and the home page read this one list);
- `page_generator_finalized`: `pages_by_lang`, likewise for static pages;
- `get_generators`: `ListingsGenerator` writes, per language, the home page, the news
  list, one list per kind, per tag and per year, paginated by Pelican's own writer.
  Page n of each list knows page n of the same list in the other language
  (`alternates_by_page`) for the language switcher and hreflang;
- `generator_init`: the Jinja global `page_alternates()` gives any page's {lang: url}.
"""

from collections import defaultdict
from operator import attrgetter

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator
from pelican.paginator import Paginator


def _by_lang(items):
    grouped = defaultdict(list)
    for item in items:
        grouped[item.lang].append(item)
    return grouped


def collect_articles(generator):
    grouped = _by_lang(generator.articles + generator.translations)
    for stories in grouped.values():
        stories.sort(key=attrgetter("date"), reverse=True)
    generator.context["articles_by_lang"] = {
        lang: grouped.get(lang, []) for lang in generator.settings["LANGUAGES"]
    }


def collect_pages(generator):
    grouped = _by_lang(generator.pages + generator.translations)
    generator.context["pages_by_lang"] = {
        lang: grouped.get(lang, []) for lang in generator.settings["LANGUAGES"]
    }


class Listing:
    """One list page (and its following pages) in one language."""

    def __init__(self, lang, key, url, stories, template="news_list", **extra):
        self.lang, self.key, self.url = lang, key, url
        self.stories, self.template, self.extra = stories, template, extra


class ListingsGenerator(Generator):
    def generate_context(self):
        self.listings = []
        by_lang = self.context.get("articles_by_lang", {})
        urls, kinds = self.settings["LISTING_URLS"], self.settings["NEWS_KINDS"]
        for lang in self.settings["LANGUAGES"]:
            stories, lang_urls = by_lang.get(lang, []), urls[lang]
            self.listings.append(Listing(
                lang, ("home",), lang_urls["home"],
                stories[: self.settings["HOME_LATEST_COUNT"]], template="home"))
            self.listings.append(Listing(lang, ("news",), lang_urls["news"], stories))
            for kind, slugs in kinds.items():
                of_kind = [s for s in stories if s.kind == kind]
                self.listings.append(Listing(
                    lang, ("kind", kind), lang_urls["kind"].format(slug=slugs[lang]), of_kind,
                    kind=kind))
            tagged = defaultdict(list)
            for story in stories:
                for tag in story.tags:
                    tagged[tag].append(story)
            for tag, of_tag in tagged.items():
                self.listings.append(Listing(
                    lang, ("tag", lang, tag.slug), lang_urls["tag"].format(slug=tag.slug),
                    of_tag, tag=tag))
            by_year = defaultdict(list)
            for story in stories:
                by_year[story.date.year].append(story)
            for year, of_year in by_year.items():
                self.listings.append(Listing(
                    lang, ("year", year), lang_urls["year"].format(year=year), of_year,
                    year=year))
        # Page n of a list has as alternates page n of the same list in other languages.
        counterparts = defaultdict(dict)
        for listing in self.listings:
            counterparts[listing.key][listing.lang] = self._page_urls(listing)
        for listing in self.listings:
            pages = counterparts[listing.key]
            listing.alternates_by_page = {
                number: {lang: urls[number - 1] for lang, urls in pages.items()
                         if len(urls) >= number}
                for number in range(1, len(pages[listing.lang]) + 1)
            }
        self.context["news_years"] = {
            lang: sorted({s.date.year for s in by_lang.get(lang, [])}, reverse=True)
            for lang in self.settings["LANGUAGES"]
        }
        self.context["news_tags"] = {
            lang: sorted({t for s in by_lang.get(lang, []) for t in s.tags},
                         key=attrgetter("slug"))
            for lang in self.settings["LANGUAGES"]
        }

    def _page_urls(self, listing) -> list[str]:
        if listing.template not in self.settings["PAGINATED_TEMPLATES"]:
            return [listing.url]
        per_page = (self.settings["PAGINATED_TEMPLATES"][listing.template]
                    or self.settings["DEFAULT_PAGINATION"])
        paginator = Paginator(listing.url + "index.html", listing.url, listing.stories,
                              self.settings, per_page)
        return [paginator.page(n).url for n in range(1, paginator.num_pages + 1)]

    def generate_output(self, writer):
        for listing in self.listings:
            writer.write_file(
                listing.url + "index.html",
                self.get_template(listing.template),
                self.context,
                paginated={"articles": listing.stories},
                template_name=listing.template,
                url=listing.url,
                lang=listing.lang,
                alternates_by_page=listing.alternates_by_page,
                listing_url=listing.url,
                stories=listing.stories,
                **listing.extra,
            )


@pass_context
def page_alternates(context) -> dict[str, str]:
    """{lang: url} of this page in every language it exists in, itself included."""
    if "alternates_by_page" in context:
        page = context.get("articles_page")
        return context["alternates_by_page"][page.number if page else 1]
    content = context.get("article") or context.get("page")
    if content is None:
        return {}
    urls = {content.lang: content.url}
    urls.update((t.lang, t.url) for t in content.translations)
    return {lang: urls[lang] for lang in context["LANGUAGES"] if lang in urls}


def install_globals(generator):
    generator.env.globals["page_alternates"] = page_alternates


def get_generators(pelican):
    return ListingsGenerator


def register():
    signals.generator_init.connect(install_globals)
    signals.article_generator_finalized.connect(collect_articles)
    signals.page_generator_finalized.connect(collect_pages)
    signals.get_generators.connect(get_generators)
