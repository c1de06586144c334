"""Pelican's `run()` split into the two phases sitetool needs.

- `read_site()`: every generator's `generate_context()`, then `all_generators_finalized`
  and the summary-link refresh. Every reader, `*_generator_context` and
  `*_generator_finalized` handler of every plugin runs, so all validation happens here —
  `sitetool check` stops after this phase and writes nothing.
- `write_site()`: every generator's `generate_output()` (optionally with our own writer,
  as the preview does), then `finalized`.

This is the order of `Pelican.run()` in Pelican 4.12 (pinned), minus its output-folder
cleaning (the build writes into a staging folder: `build`) and its console summary. One
thing comes later: the generators of `WHOLE_SITE_OUTPUT_PLUGINS` run after every page is
written (and `sitetool_signals.pages_written` sent).
"""

import copy
import gc
from dataclasses import dataclass
from pathlib import Path

import pelican_contract
from sitetool_signals import pages_written

from . import faults


@dataclass
class Site:
    pelican: object
    context: dict
    generators: list

    @property
    def settings(self) -> dict:
        return self.pelican.settings


def load_settings(settings_file: Path, overrides: dict) -> dict:
    """The settings, with `PLUGINS` in the order their declarations ask (each provider
    before its readers: plugins/plugin_order.py; a needed plugin left out raises)."""
    from pelican.settings import read_settings

    from plugin_order import load_order

    settings = read_settings(str(settings_file), override=overrides)
    # Pelican's Markdown reader adds its extensions to this dict. A settings file that
    # imports it from a module (publishconf.py, benchmarks/benchconf.py: `from pelicanconf
    # import *`) hands every load the module's one dict, so the next build of the process
    # had other settings, another content-cache key, and read every source again (the
    # preview's first rebuild after its first build: 1,030 files at 500 stories).
    settings["MARKDOWN"] = copy.deepcopy(settings["MARKDOWN"])
    settings["PLUGINS"] = load_order(settings["PLUGINS"], settings["PLUGIN_PATHS"],
                                     settings_file)
    return settings


def read_site(settings: dict) -> Site:
    from pelican import Pelican

    from .parallel import processes_for, read_on_every_core

    pelican = Pelican(settings)
    context, generators = pelican_contract.make_generators(pelican)
    _walk_and_hash_once(generators)
    faults.save_caches_atomically(generators)
    read_on_every_core(generators, processes_for(settings))
    pelican_contract.generate_contexts(generators)
    return Site(pelican, context, generators)


def _walk_and_hash_once(generators) -> None:
    """Within one read, each source folder walked and each source hashed once.

    Pelican walks a generator's folders for each use (`read_on_every_core()`, then
    `generate_context()`), and its content cache hashes a source when its reading is
    looked up, stored, and looked up again by the generator's own cache: 8 walks and
    4,636 hashes for the 1,045 sources of the 500-story site, in every preview rebuild.
    Here the first answer stands for the rest of the read. A source saved while the
    build reads keeps the hash it had when first seen, so the next build reads it again.
    """
    hashes = {}

    def remembered(hash_file):
        def stamp(path):
            if path not in hashes:
                hashes[path] = hash_file(path)
            return hashes[path]
        return stamp

    for generator in generators:
        walks = {}
        walk = generator.get_files

        def get_files(paths, exclude=None, extensions=None, walks=walks, walk=walk):
            key = (repr(paths), repr(exclude),
                   extensions if extensions in (None, False) else tuple(extensions))
            if key not in walks:
                walks[key] = frozenset(walk(paths, exclude=exclude, extensions=extensions))
            return walks[key]

        pelican_contract.replace_file_listing(generator, get_files)
    for cacher in pelican_contract.content_cachers(generators):
        pelican_contract.wrap_file_stamp(cacher, remembered)


def write_site(site: Site, writer=None, finalize: bool = True,
               skip_plugins: tuple[str, ...] = (), processes: int = 1,
               before_pages_written=None) -> None:
    """Pages first — by `processes` processes when more than one (`parallel`) —, then
    the generators of the plugins in `WHOLE_SITE_OUTPUT_PLUGINS` (feeds, calendars) and
    the `finalized` handlers (sitemap, search index), while what the receivers of
    `sitetool_signals.pages_written` started (Pagefind) works on the pages.
    `before_pages_written()` runs when the pages are written: what reads them must find
    only what this build wrote. `finalize=False` leaves out the `finalized` handlers, and
    `skip_plugins` the generators of those plugins: whole-site outputs (search index,
    sitemap, feeds…) that a preview's quick rebuild keeps from its last full build."""
    from pelican import signals

    # The read site lives until the build ends: the garbage collector need not walk it
    # again and again while pages are rendered (at 2,500 stories per language its time
    # fell from 1.4 s to 0.8 s), and forked processes then leave its memory unshared
    # less often (Python's gc.freeze() documentation advises it before fork()).
    gc.freeze()
    started = []
    try:
        writer, whole_site = _write_pages(site, writer, skip_plugins, processes)
        if finalize:
            if before_pages_written:
                before_pages_written()
            started = [work for _, work in pages_written.send(site.pelican)
                       if hasattr(work, "wait")]
        for generator in whole_site:
            _generate(generator, writer)
        if finalize:
            signals.finalized.send(site.pelican)
    finally:
        for work in started:  # a failed build must leave nothing writing into its folder
            work.wait()
        gc.unfreeze()  # a preview rebuilds many times in one process


def _write_pages(site: Site, writer, skip_plugins: tuple[str, ...], processes: int):
    """Run the page generators; the writer, and the generators of
    `WHOLE_SITE_OUTPUT_PLUGINS`, for later."""
    from .parallel import DeferringWriter

    writer = writer or pelican_contract.make_writer(site.pelican)
    whole_site = []
    if processes > 1:
        writer = DeferringWriter(writer, processes)
    for generator in site.generators:
        plugin = _plugin_of(generator)
        if plugin in skip_plugins or not hasattr(generator, "generate_output"):
            continue
        if plugin in site.settings["WHOLE_SITE_OUTPUT_PLUGINS"]:
            whole_site.append(generator)
        else:
            _generate(generator, writer)
    if processes > 1:
        writer.start()
        writer.finish()
    return writer, whole_site


def _plugin_of(generator) -> str:
    return type(generator).__module__.split(".")[0]  # "feeds", or "pelican" itself


def _generate(generator, writer) -> None:
    if hasattr(writer, "writing_for"):  # the preview's writer notes who wrote what
        writer.writing_for = _plugin_of(generator)
    generator.generate_output(writer)


def content_objects(site: Site):
    """Every content object the generators hold (stories, pages, their translations,
    drafts, static files, and whatever content plugins' generators keep in lists)."""
    from pelican.contents import Content

    seen = set()
    for generator in site.generators:
        for value in vars(generator).values():
            if not isinstance(value, list):
                continue
            for item in value:
                if isinstance(item, Content) and id(item) not in seen:
                    seen.add(id(item))
                    yield item
