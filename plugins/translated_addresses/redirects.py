"""A page that moved leaves a forwarding page at each of its former addresses.

A translation's former slugs are in `ADDRESS_RECORD` (`key: [slug, former, …]`): the
ones it had before a `slug:` moved it, and — written into the record once, when English
addresses came — the Latvian folder's slug its English page had until then
(`/en/kontakti/`). Each former address gets `redirect.html`: an HTML page that forwards
at once (`<meta http-equiv="refresh">`, which every browser follows on any static host
and no Content-Security-Policy stops), with a visible link for a browser that does not,
`rel="canonical"` to the page and `noindex` (so the sitemap, which lists only pages that
are their own canonical and not `noindex`, leaves it out; it has no
`data-pagefind-body`, so search leaves it out too). A former address a page now
holds is that page's, not a forward.

Signal: `get_generators` (`RedirectsGenerator` writes them with Pelican's writer, after
every address is settled).
"""

from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator

from .translated_addresses import record_of


@dataclass(frozen=True)
class Redirect:
    url: str  # the former address
    target: str  # the page's address now
    lang: str
    title: str


def redirects(settings) -> list[Redirect]:
    """The forwarding pages of this build, in address order."""
    record = record_of(settings)
    if record is None:
        return []
    held = {(lang, claim.url(record.decided[lang][key]))
            for (lang, key), claim in record.claims.items()
            if key in record.decided.get(lang, {})}
    found = {}
    for (lang, key), claim in record.claims.items():
        current = record.decided.get(lang, {}).get(key)
        if current is None:
            continue  # not published in this build
        for former in record.recorded.get(lang, {}).get(key, ()):
            url = claim.url(former)
            if former != current and (lang, url) not in held:
                found[url] = Redirect(url, claim.url(current), lang, claim.title)
    return [found[url] for url in sorted(found)]


class RedirectsGenerator(Generator):
    def generate_output(self, writer):
        template = self.get_template("redirect")
        for redirect in redirects(self.settings):
            writer.write_file(redirect.url + "index.html", template, self.context,
                              url=redirect.url, lang=redirect.lang, redirect=redirect)


def get_generators(pelican):
    return RedirectsGenerator


def register():
    signals.get_generators.connect(get_generators)
