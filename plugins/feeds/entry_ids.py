"""Feed entry ids that stay the same for the life of a story.

A feed reader shows an entry as new whenever it sees an id it has not seen before, so
the id must survive rebuilds, edits, a new title and a renamed folder (a new slug).
Nothing an editor writes is that stable, so each story gets its id once and keeps it:

- The id is a tag URI (RFC 4151): `tag:<FEED_TAGGING_ENTITY>:news/<date>/<key>`, where
  `FEED_TAGGING_ENTITY` is the site's domain and the year it began minting ids,
  `<date>` the story's publication date and `<key>` ten hex digits of the SHA-256 of
  the story's folder (`news/2010/<slug>`) as the build first saw it. Each language's
  entry adds `/<lang>`: a translation is another entry, not a revision of the original.
- The build stores the id in the story's folder, in `.feed-id` (hidden, and never
  published: Pelican ignores dot files). A renamed folder takes the file with it; a new
  title, an edit or a corrected date do not touch it.
- A story without the file gets the id derived as above, which every build derives
  alike, so builds agree even before the file is committed.
- A copied folder carries a copy of the file: when two stories hold the same id, the
  one published first keeps it and the copy gets an id of its own (file rewritten).
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from atomic_files import write_atomically
from content_schema import Problem

logger = logging.getLogger(__name__)

ID_FILE = ".feed-id"
HEADER = ("# The id feed readers know this story by. Written by the build: keep this file\n"
          "# with the story (commit it) and never edit it.\n")


@dataclass(frozen=True)
class Bundle:
    """One story in all its languages."""
    name: str         # `news/2010/<slug>`, the translation id
    folder: Path      # where its files are
    shown: str        # the folder as editors know it: `content/news/2010/<slug>`
    published: datetime


def mint(entity: str, bundle: Bundle, attempt: int = 0) -> str:
    seed = bundle.name if attempt == 0 else f"{bundle.name}#{attempt}"
    key = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]
    section = bundle.name.split("/", 1)[0]
    return f"tag:{entity}:{section}/{bundle.published:%Y-%m-%d}/{key}"


def read_stored(bundle: Bundle) -> str | None:
    try:
        lines = (bundle.folder / ID_FILE).read_text("utf-8").splitlines()
    except FileNotFoundError:
        return None
    values = [(number, line.strip()) for number, line in enumerate(lines, 1)
              if line.strip() and not line.startswith("#")]
    if len(values) == 1 and values[0][1].startswith("tag:") and " " not in values[0][1]:
        return values[0][1]
    logger.warning("%s", Problem(
        f"{bundle.shown}/{ID_FILE}", values[0][0] if values else 1, "",
        "this is not a feed id the build wrote",
        "the build replaces it; feed readers may show the story once more as new",
        severity="warning"))
    return None


def assign(bundles: list[Bundle], entity: str) -> tuple[dict[str, str], list[Bundle]]:
    """({bundle name: id}, bundles whose `.feed-id` must be (re)written)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    stored = {bundle.name: read_stored(bundle) for bundle in bundles}
    in_age_order = sorted(bundles, key=lambda b: (b.published, b.name))
    # Stored ids first, oldest story first: of a story and its copy, the original keeps it.
    for bundle in in_age_order:
        value = stored[bundle.name]
        if value and value not in taken:
            ids[bundle.name] = value
            taken.add(value)
    for bundle in in_age_order:
        if bundle.name in ids:
            continue
        attempt = 0
        while (value := mint(entity, bundle, attempt)) in taken:
            attempt += 1
        ids[bundle.name] = value
        taken.add(value)
        if stored[bundle.name]:
            logger.info("%s/%s: the feed id of an older story (a copied folder?); this "
                        "story gets its own", bundle.shown, ID_FILE)
    to_store = [bundle for bundle in bundles if stored[bundle.name] != ids[bundle.name]]
    return ids, to_store


def store(bundle: Bundle, value: str) -> None:
    file = bundle.folder / ID_FILE
    try:
        write_atomically(file, f"{HEADER}{value}\n")  # a killed build leaves no half id
    except OSError as error:
        logger.warning("%s/%s: could not store the story's feed id (%s); if the folder is "
                       "renamed, feed readers will show the story again as new",
                       bundle.shown, ID_FILE, error.strerror)


def entry_id(bundle_id: str, lang: str) -> str:
    return f"{bundle_id}/{lang}"
