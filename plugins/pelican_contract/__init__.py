"""The Pelican contract: every use of Pelican's non-public API, in one module.

Pelican is pinned (4.12.0); what sitetool and the plugins need beyond its public API
(settings, signals, `BaseReader`, the generators' and writer's public methods) is here,
one small function per assumption, each pinned by a test in
`tests/test_pelican_contract.py` that names the assumption when an upgrade breaks it
(CI also runs those tests against the newest Pelican: `.ci/run`). A private Pelican name
used anywhere else fails that test too. The upstream changes that would retire these
workarounds: docs/architecture.md, "The Pelican contract".

A helper package for sitetool and the plugins (on `PLUGIN_PATHS`, like `content_schema`),
not a plugin: it has no `register()`.
"""

import contextlib
import logging
import os

from pelican import signals
from pelican.cache import FileDataCacher, FileStampDataCacher
from pelican.contents import Content
from pelican.log import FilteredMessage, LimitFilter
from pelican.paginator import Paginator
from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix
from pelican.writers import Writer

# --- Running the generators: Pelican.run() in two halves ----------------------------------

# The generators that read sources through their readers, and the settings naming those
# sources, as their generate_context() passes them to get_files().
SOURCE_SETTINGS = {"ArticlesGenerator": ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
                   "PagesGenerator": ("PAGE_PATHS", "PAGE_EXCLUDES")}


def make_generators(pelican) -> tuple[dict, list]:
    """The shared context and the generators, made as `Pelican.run()` makes them (its
    `_get_generator_classes()`: Pelican's own, then those of `get_generators` handlers)."""
    settings = pelican.settings
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={},
                   localsiteurl=settings["SITEURL"])
    generators = [cls(context=context, settings=settings, path=pelican.path,
                      theme=pelican.theme, output_path=pelican.output_path)
                  for cls in pelican._get_generator_classes()]
    return context, generators


def generate_contexts(generators) -> None:
    """The reading half of `Pelican.run()`, in its order: each generator's
    `generate_context()` (and its check for readers lacking their package), then
    `all_generators_finalized`, then each one's `refresh_metadata_intersite_links()`.
    The writing half (`generate_output()` of each, then `finalized`) is public API."""
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
        # Pelican walks the sources once more to warn of files whose reader lacks its
        # package; with none lacking (Markdown is pinned) the walk can find nothing.
        readers = getattr(generator, "readers", None)
        if hasattr(generator, "check_disabled_readers") and readers.disabled_readers:
            generator.check_disabled_readers()
    signals.all_generators_finalized.send(generators)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()


def make_writer(pelican):
    """The writer `Pelican.run()` gives the generators (`WRITE_SELECTED`, or a plugin's
    through the `get_writer` signal)."""
    return pelican._get_writer()


class SelectiveWriter(Writer):
    """Pelican's writer that leaves the files `kept(path)` names as they are on disk: it
    renders them (so its caller sees what they hold) but writes them nowhere. Pelican's
    `write_file()` and `write_feed()` open every file through `_open_w(path, encoding,
    override)`, and close it."""

    def kept(self, path: str) -> bool:
        return False

    def _open_w(self, filename, encoding, override=False):
        if self.kept(filename):
            return open(os.devnull, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)


def _write_file_arguments(self, name, template, context, relative_urls=False,
                          paginated=None, template_name=None, override_output=False,
                          url=None, **kwargs) -> dict:
    """`Writer.write_file()`'s arguments by name, bound by Python itself: its parameters
    are Pelican's (tests/test_pelican_contract.py compares the signatures).
    `inspect.Signature.bind()` took ~15 µs a call, and an edit's build asks for each of
    its 1,244 `write_file` calls at 500 stories per language."""
    return locals()


def _paginated(arguments: dict) -> dict:
    """The lists `write_file()` paginates: `paginated`, by default the `articles` and
    `dates` among the template's variables."""
    if arguments["paginated"] is not None:
        return arguments["paginated"]
    return {key: value for key, value in arguments["kwargs"].items()
            if key in {"articles", "dates"}}


def one_file_written(writer, *args, **kwargs) -> str | None:
    """The one file `writer.write_file(*args, **kwargs)` writes — its `name` — or None
    when it may write a list page by page: Pelican paginates when `paginated` (by
    default the `articles` and `dates` among the template's variables) is not empty and
    `template_name` is one of `PAGINATED_TEMPLATES`."""
    return _one_file(writer, _write_file_arguments(writer, *args, **kwargs))


def _one_file(writer, arguments: dict) -> str | None:
    """`one_file_written()` of `write_file()`'s bound arguments."""
    if (_paginated(arguments)
            and arguments["template_name"] in writer.settings["PAGINATED_TEMPLATES"]):
        return None
    return arguments["name"] or None


def list_pages(writer, *args, **kwargs) -> list[tuple[str, dict]] | None:
    """The pages `writer.write_file(*args, **kwargs)` writes of a paginated list: (file,
    {list's name: the items on that page}) each, as Pelican's writer paginates them
    (`Paginator`, `PAGINATED_TEMPLATES`' number else `DEFAULT_PAGINATION` a page); None
    when it writes one file (`one_file_written`)."""
    arguments = _write_file_arguments(writer, *args, **kwargs)
    if _one_file(writer, arguments) is not None:
        return None
    paginated = _paginated(arguments)
    settings = writer.settings
    per_page = (settings["PAGINATED_TEMPLATES"][arguments["template_name"]]
                or settings["DEFAULT_PAGINATION"])
    paginators = {key: Paginator(arguments["name"], arguments.get("url"), value, settings,
                                 per_page) for key, value in paginated.items()}
    first = next(iter(paginators.values()))
    return [(first.page(number).save_as,
             {key: paginator.page(number).object_list for key, paginator in paginators.items()})
            for number in range(1, first.num_pages + 1)]


# --- Listing the sources -------------------------------------------------------------------

def replace_file_listing(generator, get_files) -> None:
    """Every generator lists the files it reads through its own
    `get_files(paths, exclude=…, extensions=…)`; `get_files` answers instead."""
    generator.get_files = get_files


def listed(generator, relative_path: str, extensions=None) -> bool:
    """Whether Pelican's `get_files()` would list a file it walks to: its
    `_include_path()` (`IGNORE_FILES`, and `extensions`: None for the readers', False for
    any)."""
    return generator._include_path(relative_path, extensions)


def leave_out_source(generator, relative_path: str) -> None:
    """Record a source the generator did not make content of (a file with errors), as
    Pelican does for a file it failed to read (`_add_failed_source_path`): the static
    generator then does not publish it as a file. The path is relative to `PATH`."""
    generator._add_failed_source_path(relative_path)


# --- The content cache ---------------------------------------------------------------------

def content_cachers(generators):
    """The content cache's files (`FileDataCacher`s) of the generators: a caching
    generator itself (`CONTENT_CACHING_LAYER = "generator"`) and its readers."""
    for generator in generators:
        for cacher in (generator, getattr(generator, "readers", None)):
            if isinstance(cacher, FileDataCacher):
                yield cacher


def caches_readings(readers) -> bool:
    """Whether this `Readers` keeps its readings in the content cache (`CACHE_CONTENT`
    on, at the `"reader"` layer)."""
    return bool(readers._cache_data_policy)


def reading_to_cache(readers, path: str):
    """`(content, metadata)` of one source, as `Readers.read_file()` reads it and keeps it
    in the content cache: the reader of its suffix, metadata without discarded values."""
    content, metadata = readers.readers[file_suffix(path)].read(path)
    return content, _filter_discardable_metadata(metadata)


def wrap_file_stamp(cacher, wrap) -> None:
    """The cache stamps a source (its `CHECK_MODIFIED_METHOD`: md5 of its bytes) when
    its entry is looked up or stored, through `_filestamp_func(path)`; `wrap(that
    function)` stamps instead."""
    if isinstance(cacher, FileStampDataCacher):
        cacher._filestamp_func = wrap(cacher._filestamp_func)


def wrap_cache_opener(cacher, wrap) -> None:
    """The cache loads and saves its pickle through `_cache_open(path, mode)` (`open`, or
    `gzip.open` with `GZIP_CACHE`); `wrap(that function)` opens instead."""
    cacher._cache_open = wrap(cacher._cache_open)


# --- Content --------------------------------------------------------------------------------

def body_html(content) -> str:
    """A content object's body as read (`_content`): its `{filename}` links not yet
    replaced — `content.content` is made from it, links replaced, when first read (and
    kept: `get_content()` is memoized)."""
    return content._content


def replace_body_html(content, html: str) -> None:
    """Change the body as read, before anything reads `content.content` (the plugins
    do it while the site is read; the templates read it when the pages are written)."""
    content._content = html


def replace_shown_body(content, html: str) -> None:
    """Change the body of content whose pages were already rendered (the preview's edit
    of one text): `get_content()` and `get_summary()` are memoized in one dict per
    method, keyed by (content, site URL); this content's entries go with the old body."""
    content._content = html
    for method in (Content.get_content, Content.get_summary):
        for key in [key for key in method.cache if key[0] is content]:
            del method.cache[key]


# --- Rendering -------------------------------------------------------------------------------

def template_environments(generators) -> list:
    """The Jinja environments the generators render their pages with: each generator's
    `env`, made in `Generator.__init__`, from which `get_template()` loads."""
    return [generator.env for generator in generators if hasattr(generator, "env")]


# --- Logging ---------------------------------------------------------------------------------

def handle_as_logged(record: logging.LogRecord) -> None:
    """Log a record (from a forked process) through its logger: Pelican's loggers drop a
    warning repeated beyond `LOG_FILTER` limits by raising `FilteredMessage` from their
    filter."""
    with contextlib.suppress(FilteredMessage):
        logging.getLogger(record.name).handle(record)


def forget_said_warnings() -> None:
    """Pelican's loggers say a warning once per process (`LimitFilter` remembers every
    one said, class-wide): from now on, each is said again once. A preview builds many
    times in one process, and each build must say its own problems."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
