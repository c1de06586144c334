"""Which feeds the site has, per language, and which stories each one carries.

- `all`: every story in the language;
- `kind`: one per kind in `NEWS_KINDS` (written even while empty, so residents can
  subscribe before the first consultation);
- `service`: one per service that has stories in the language (a story's `services`);
- `target_group`: one per target group whose services have stories.

Services and target groups come from the services plugin when it is loaded: the context's
`service_target_groups` ({service slug: [target group keys]}) and `services_by_lang`
({lang: [service pages]}, for names and addresses), the settings `TARGET_GROUPS`
({key: {lang: label, "slug": {lang: slug}}}) and `SERVICE_URLS` (where each target
group's page is). Without `service_target_groups` there are no service or target-group
feeds.
"""

from dataclasses import dataclass
from typing import Literal

from ui_language import latvian_sort_key

FORMATS = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


@dataclass
class Feed:
    lang: str
    scope: Literal["all", "kind", "service", "target_group"]
    key: str                   # kind, service slug or target-group key ("" for all)
    stories: list              # newest first, all of them (the writer takes the first N)
    urls: dict[str, str]       # {"atom": "jaunumi/atom.xml", "rss": "jaunumi/rss.xml"}
    page_url: str | None       # the HTML page this feed follows, if any
    name: str = ""             # the service's or target group's name in `lang`
    title: str = ""            # filled in from the theme's words (feed_wording.html)
    subtitle: str = ""
    label: str = ""            # short, for lists: "Experience visits"


def _feed_urls(settings, lang, scope, slug="") -> dict[str, str]:
    pattern = settings["FEED_URLS"][lang][scope]
    return {fmt: pattern.format(slug=slug, format=fmt) for fmt in FORMATS}


def _service_pages(context, lang) -> dict[str, object]:
    """{slug: service page} in `lang`, else in the default language."""
    services = context.get("services_by_lang", {})
    found = {}
    for each_lang in (context["DEFAULT_LANG"], lang):
        found.update((page.slug, page) for page in services.get(each_lang, []))
    return found


def plan(context, settings) -> dict[str, list[Feed]]:
    """{lang: [feeds]}, the language's `all` feed first."""
    by_lang = context.get("articles_by_lang", {})
    service_groups = context.get("service_target_groups")
    target_groups = settings.get("TARGET_GROUPS", {})
    listing_urls = settings["LISTING_URLS"]
    catalogue = {}
    for lang in settings["LANGUAGES"]:
        stories = by_lang.get(lang, [])
        feeds = [Feed(lang, "all", "", stories, _feed_urls(settings, lang, "all"),
                      listing_urls[lang]["news"])]
        for kind, slugs in settings["NEWS_KINDS"].items():
            feeds.append(Feed(
                lang, "kind", kind, [s for s in stories if s.kind == kind],
                _feed_urls(settings, lang, "kind", slugs[lang]),
                listing_urls[lang]["kind"].format(slug=slugs[lang])))
        if service_groups is not None:
            feeds += _service_feeds(context, settings, lang, stories, service_groups)
            feeds += _target_group_feeds(settings, lang, stories, service_groups,
                                         target_groups)
        catalogue[lang] = feeds
    return catalogue


def _service_feeds(context, settings, lang, stories, service_groups) -> list[Feed]:
    pages = _service_pages(context, lang)
    feeds = []
    for slug in service_groups:
        of_service = [s for s in stories if slug in getattr(s, "services", ())]
        if not of_service:
            continue
        page = pages.get(slug)
        feeds.append(Feed(
            lang, "service", slug, of_service, _feed_urls(settings, lang, "service", slug),
            page.url if page is not None and page.lang == lang else None,
            name=page.title if page is not None else slug))
    return sorted(feeds, key=lambda feed: latvian_sort_key(feed.name))


def _target_group_feeds(settings, lang, stories, service_groups, target_groups):
    page_pattern = settings.get("SERVICE_URLS", {}).get(lang, {}).get("target_group")
    feeds = []
    for key, group in target_groups.items():
        services = {slug for slug, keys in service_groups.items() if key in keys}
        of_group = [s for s in stories if services & set(getattr(s, "services", ()))]
        if of_group:
            slug = group["slug"][lang]
            feeds.append(Feed(
                lang, "target_group", key, of_group,
                _feed_urls(settings, lang, "target_group", slug),
                page_pattern.format(slug=slug) if page_pattern else None, name=group[lang]))
    return feeds
