"""What search engines and link previews read in a page's head.

Signal: `generator_init` — every generator's Jinja environment gets the globals that
`theme/templates/partials/seo_head.html` uses:

- `canonical_url()`: the page's one absolute address (page n of a list is its own page);
- `share_image()`: the picture of a link preview — the story's cover photo
  (`cover_image` = {url, width, height, alt}, set by the gallery plugin) or the site-wide
  `SHARE_IMAGE` — with an absolute URL, as Open Graph requires;
- `last_change()`: when what the page shows last changed (`og:updated_time`, which the
  sitemap plugin reads as `lastmod`);
- `og_locale(lang)`: `lv_LV`, `en_GB` — Open Graph wants language and territory;
- `structured_data()`: the JSON-LD objects of the page: `NewsArticle` for a story and
  `GovernmentOrganization` for the department on the home pages.
"""

from functools import cache

from babel.core import Locale, get_global
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from ui_language.ui_language import context_lang


def absolute_url(context, url: str) -> str:
    """`url` relative to the site (or already absolute) as an absolute address."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{context['SITEURL']}/{url.lstrip('/')}"


@pass_context
def canonical_url(context) -> str:
    page_url = context["output_file"].removesuffix("index.html")
    return absolute_url(context, page_url)


@pass_context
def share_image(context) -> dict:
    content = context.get("article") or context.get("page")
    cover = getattr(content, "cover_image", None)
    if cover:
        return {**cover, "url": absolute_url(context, cover["url"])}
    default = context["SHARE_IMAGE"]
    return {**default, "url": absolute_url(context, default["url"]),
            "alt": default["alt"][context_lang(context)]}


@pass_context
def _changed(item):
    return getattr(item, "modified", None) or getattr(item, "date", None)


@pass_context
def last_change(context):
    """When what the page shows last changed (`og:updated_time`, the sitemap's `lastmod`):
    the content's `modified` or `date`; for a list, the latest of the stories on this page
    of it (`articles_page`, or `stories` of an unpaginated list such as the home page) or
    of its services. None when nothing on the page says."""
    content = context.get("article") or context.get("page")
    if content is not None:
        return _changed(content)
    page = context.get("articles_page")
    listed = page.object_list if page else context.get("stories") or context.get("services")
    return max(filter(None, map(_changed, listed or [])), default=None)


@cache  # Babel's Locale.parse costs ~1 ms: once per locale, not once per page
def territorial_locale(locale_name: str) -> str:
    locale = Locale.parse(locale_name)
    if locale.territory is None:  # "lv": the territory CLDR finds likeliest for it
        locale = Locale.parse(get_global("likely_subtags")[locale.language])
    return f"{locale.language}_{locale.territory}"


@pass_context
def og_locale(context, lang: str) -> str:
    return territorial_locale(context["LANGUAGES"][lang]["locale"])


def department(context, lang: str) -> dict:
    names = context["DEPARTMENT"]
    return {
        "@type": "GovernmentOrganization",
        "name": names[lang]["name"],
        "alternateName": [names[other]["name"] for other in names
                          if names[other]["name"] != names[lang]["name"]],
        "url": absolute_url(context, context["LISTING_URLS"][lang]["home"]),
        "logo": absolute_url(context, context["ORGANIZATION_LOGO"]),
        "address": names[lang]["address"],
        "telephone": context["CONTACT_PHONE"],
        "email": context["CONTACT_EMAIL"],
    }


def news_article(context, story) -> dict:
    lang = story.lang
    image = share_image(context)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "description": Markup(story.summary).striptags(),
        "inLanguage": lang,
        "url": canonical_url(context),
        "mainEntityOfPage": canonical_url(context),
        "datePublished": story.date.isoformat(),
        "dateModified": _changed(story).isoformat(),
        "image": [image["url"]],
        "publisher": department(context, lang),
        "keywords": [str(tag) for tag in story.tags],
    }
    if "author" in story.metadata:
        author = {"@type": "Person", "name": str(story.author)}
        if getattr(story, "author_role", None):
            author["jobTitle"] = story.author_role
        data["author"] = author
    else:
        data["author"] = department(context, lang)
    return data


@pass_context
def structured_data(context) -> list[dict]:
    """The page's JSON-LD objects (rendered with `tojson`, which escapes `<`, so a value
    cannot end the script element)."""
    article = context.get("article")
    if article is not None and getattr(article, "kind", None):
        return [news_article(context, article)]
    lang = context_lang(context)
    if context.get("output_file") == context["LISTING_URLS"][lang]["home"] + "index.html":
        return [{"@context": "https://schema.org", **department(context, lang)}]
    return []


def install_globals(generator):
    generator.env.globals.update(
        canonical_url=canonical_url, share_image=share_image, last_change=last_change,
        og_locale=og_locale, structured_data=structured_data)


def register():
    signals.generator_init.connect(install_globals)
