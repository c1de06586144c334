"""An edit to the text of a story or page, put into the site the preview read before.

The preview keeps the site its last build read (`serve.Previewer.site`). When a save
changed only the body of Markdown sources that site holds — the file read again (one
file, every reading rule) has the same metadata as the schema made it (title, dates,
tags, services, photos…) and the same tags with an address in its text (links,
pictures) — the new body goes into the content object the site holds, and only the pages
that show it are rendered again. What the plugins decided once the site was read (lists,
addresses, galleries, the files a text publishes, links to check) follows from the
metadata and those tags, so it stands. Anything more — another field, a link or a
picture added, a file whose reading says a problem or that had one standing — is read
as before: the whole site, every rule (at 2,500 stories per language that read is most
of a rebuild's seconds).
"""

import os
import re

from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.readers import Readers

import pelican_contract

from .build_log import collecting_logs
from .pipeline import Site

# What the plugins rewrite in a body once the whole site is read (pictures routed to
# their renditions, relative links to the files they publish): tags with an address.
ADDRESSED_TAG = re.compile(r"<[a-zA-Z][^>]*\b(?:href|src|srcset|data)\s*=[^>]*>")
READ_AS = ((ArticlesGenerator, "article"), (PagesGenerator, "page"))


def put_edited_texts(site: Site, paths, standing) -> bool:
    """Put the new bodies of the sources `paths` into `site` and say True; False, with
    `site` as it was, when an edit is more than a body's text (or a source not one of the
    site's stories and pages). `standing`: the problems the site's build said."""
    held = _held(site)
    shown_from = os.path.dirname(site.settings["PATH"])  # problems say content/news/…
    bodies = []
    for path in paths:
        found = held.get(str(path), [])
        if len(found) != 1:
            return False
        generator, content = found[0]
        shown = os.path.relpath(path, shown_from)
        if any(entry.problem and entry.problem.path == shown for entry in standing):
            return False
        with collecting_logs() as log:
            try:
                fresh = _read_again(generator, content)
            except Exception:  # the whole read says it in the editor's words
                return False
        if log.entries or fresh.metadata != content.metadata:
            return False
        body = pelican_contract.body_html(fresh)
        if (ADDRESSED_TAG.findall(body)
                != ADDRESSED_TAG.findall(pelican_contract.body_html(content) or "")):
            return False
        bodies.append((content, body))
    for content, body in bodies:
        pelican_contract.replace_shown_body(content, body)
    return bool(bodies)


def _held(site: Site) -> dict[str, list]:
    """source path -> [(its generator, the content object)] for the stories and pages."""
    held: dict[str, dict] = {}
    for generator in site.generators:
        if not isinstance(generator, tuple(kind for kind, _ in READ_AS)):
            continue
        for value in vars(generator).values():
            for item in value if isinstance(value, list) else ():
                if isinstance(item, Content) and item.source_path:
                    held.setdefault(item.source_path, {})[id(item)] = (generator, item)
    return {path: list(found.values()) for path, found in held.items()}


def _read_again(generator, content):
    """`content`'s source read as its generator reads it (its reader, the schema on the
    context signal), past the content cache."""
    kind = next(name for cls, name in READ_AS if isinstance(generator, cls))
    return Readers(generator.settings).read_file(
        base_path=generator.path, path=os.path.relpath(content.source_path, generator.path),
        content_class=type(content), context=generator.context,
        preread_signal=getattr(signals, f"{kind}_generator_preread"), preread_sender=generator,
        context_signal=getattr(signals, f"{kind}_generator_context"),
        context_sender=generator)
