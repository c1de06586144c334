"""Links of the menu and the footer to content, by what the content is, not where.

The lists named in `PAGE_LINK_LISTS` (`NAVIGATION`, `FOOTER_LINKS`) hold
`(label, target)`: a target is either `{lang: URL}` (the site's own pages: news, search)
or the key of a piece of content — `pages/kontakti`, `services/aprupe-majas`,
`offices/eglupe`, the folder (or data file) it lives in, as in `ADDRESS_RECORD`. A
translation's address is chosen by `translated_addresses` (`slug:` can move it), so the
settings cannot spell it; here, once every page is read and its address settled, each key
becomes the URL of that content in each language (its default-language page where it has
no translation). A key whose folder (or data file) is in the content but publishes nothing
(a draft, a file with a mistake) is one error: the build stops (the link is left out, so
`check` and the preview still render). A site without that content at all (a test's
small site, a new one's) gets no such link; `tests/test_links.py` checks that every key
of the settings names content of this project's `content/`.

Signal: `all_generators_finalized` — the templates' context gets the lists with URLs
(the settings keep the keys).
"""

import logging
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)


def content_urls(generators) -> dict[str, dict[str, str]]:
    """{key: {lang: URL}} of every published story, page, service and office."""
    urls: dict[str, dict[str, str]] = {}
    for generator in generators:
        for content in (*getattr(generator, "articles", ()), *getattr(generator, "pages", ()),
                        *getattr(generator, "translations", ())):
            if getattr(content, "bundle", None):
                urls.setdefault(content.bundle, {})[content.lang] = content.url
    context = generators[0].context
    for slug, office in context.get("offices", {}).items():
        urls[f"offices/{slug}"] = dict(office.urls)
    return urls


def resolve_page_links(generators):
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    urls = content_urls(generators)
    default = settings["DEFAULT_LANG"]
    for name in settings["PAGE_LINK_LISTS"]:
        links = []
        for label, target in settings[name]:
            if isinstance(target, dict):
                links.append((label, target))
            elif target in urls:
                found = urls[target]
                links.append((label, {lang: found.get(lang, found.get(default))
                                      for lang in settings["LANGUAGES"]}))
            elif _source_exists(settings, target) or not _is_key(settings, target):
                logger.error("%s: %r (%s) names no published page — publish it, or name "
                             "another by its folder: pages/kontakti, services/aprupe-majas, "
                             "offices/eglupe", name, target, label)
            # else a site without that content (a test's, a new one's): no link to it
        context[name] = links


def _is_key(settings, key: str) -> bool:
    """`section/folder` (or `news/2024/folder`) of content the site publishes, not a URL."""
    section, _, rest = key.partition("/")
    return (section in settings["CONTENT_URLS"] or section == "offices") and (
        bool(rest) and not rest.endswith("/"))


def _source_exists(settings, key: str) -> bool:
    """Whether the content folder has the folder or data file `key` names."""
    path = Path(settings["PATH"]) / key
    return path.is_dir() or path.with_name(path.name + ".yml").is_file()


def register():
    signals.all_generators_finalized.connect(resolve_page_links)
