"""The Pelican contract (plugins/pelican_contract): each assumption it makes about
Pelican's internals, pinned; a failure names the assumption that no longer holds. And no
private Pelican name anywhere else. CI runs this file against the newest Pelican too
(.ci/run), where a failure is reported but allowed."""

import ast
import inspect
import json
import logging
import subprocess
import sys
from pathlib import Path

import pelican
import pytest
from pelican import Pelican
from pelican.log import FilteredMessage
from pelican.settings import read_settings
from pelican.writers import Writer

import pelican_contract
from sitetool.pipeline import load_settings
from sitetool_helpers import ROOT, story, write

CONTRACT = ROOT / "plugins" / "pelican_contract" / "__init__.py"


@pytest.fixture
def project_site(tmp_path):
    """The project's settings and plugins on two stories, one with an attachment, and
    a page: (settings, generators) before they read."""
    content = tmp_path / "content"
    story(content, "2024/pirma", "Pirmā ziņa")
    story(content, "2024/otra", "Otrā ziņa")
    write(content / "news" / "2024" / "otra" / "plans.pdf", "%PDF-1.4")
    write(content / "pages" / "par-mums" / "index.lv.md", "---\ntitle: Par mums\n---\nTeksts.\n")
    settings = load_settings(ROOT / "pelicanconf.py", {
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache"), "BUILD_DATE": "2026-11-23"})
    _, generators = pelican_contract.make_generators(Pelican(settings))
    return settings, generators


def _generator(generators, name):
    return next(g for g in generators if type(g).__name__ == name)


# --- Pelican.run() in two halves -----------------------------------------------------------

RUN_ORDER = """
import json, sys
from pelican import Pelican, signals
from pelican.generators import Generator
from pelican.settings import read_settings
import pelican_contract

events = []

class Recorder(Generator):
    def generate_context(self):
        events.append("generate_context")
    def refresh_metadata_intersite_links(self):
        events.append("refresh_metadata_intersite_links")
    def generate_output(self, writer):
        events.append("generate_output")

def recorder(pelican):
    return Recorder

def finalized_generators(generators):
    events.append("all_generators_finalized: " + " ".join(type(g).__name__ for g in generators))

signals.get_generators.connect(recorder)
signals.all_generators_finalized.connect(finalized_generators)
signals.finalized.connect(lambda sender: events.append("finalized"), weak=False)
content, output, cache = sys.argv[1:]
settings = read_settings(None, override={"PATH": content, "OUTPUT_PATH": output,
                                         "CACHE_PATH": cache, "PLUGINS": []})
Pelican(settings).run()
run, events[:] = list(events), []
pelican = Pelican(settings)
pelican_contract.generate_contexts(pelican_contract.make_generators(pelican)[1])
writer = pelican_contract.make_writer(pelican)
print(json.dumps({"run": run, "ours": events, "writer": type(writer).__name__,
                  "writer_output": writer.output_path == settings["OUTPUT_PATH"]}))
"""


def test_the_two_halves_of_pelican_run(tmp_path):
    """Pelican alone (no plugins: a fresh process), with one generator that notes what
    `run()` asks of it."""
    write(tmp_path / "content" / "a.md", "Title: A\nDate: 2024-01-01\n\nText.\n")
    result = subprocess.run(
        [sys.executable, "-c", RUN_ORDER, str(tmp_path / "content"), str(tmp_path / "out"),
         str(tmp_path / "cache")],
        capture_output=True, text=True, cwd=ROOT,
        env={"PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    run = seen["run"]
    assert run[0] == "generate_context" and run.index("generate_output") > 0, (
        f"Pelican.run() no longer calls generate_context before generate_output: {run}")
    assert run[1].startswith("all_generators_finalized") and run[2:] == [
        "refresh_metadata_intersite_links", "generate_output", "finalized"], (
        "Pelican.run() no longer goes generate_context, all_generators_finalized, "
        f"refresh_metadata_intersite_links, generate_output, finalized: {run}")
    assert seen["ours"] == run[:3], (
        "pelican_contract.make_generators() + generate_contexts() no longer do what the "
        "reading half of Pelican.run() does (its generators, from _get_generator_classes(), "
        f"in its order): Pelican {run[:3]}, ours {seen['ours']}")
    assert seen["writer"] == "Writer" and seen["writer_output"], (
        "Pelican._get_writer() no longer gives Pelican's Writer for OUTPUT_PATH")


# --- The writer -----------------------------------------------------------------------------

class _Keeping(pelican_contract.SelectiveWriter):
    def kept(self, path):
        return path.endswith("kept.html")


class _NotingTemplate:
    def __init__(self):
        self.contexts = []

    def render(self, localcontext):
        self.contexts.append(localcontext)
        return f"new {localcontext['output_file']}"


def _writer(output, writer_class=Writer):
    settings = read_settings(override={"OUTPUT_PATH": str(output), "PATH": str(output),
                                       "DEFAULT_PAGINATION": 2})
    return writer_class(str(output), settings=settings)


def test_a_writer_leaves_the_files_it_keeps_as_they_are(tmp_path):
    write(tmp_path / "kept.html", "old")
    writer = _writer(tmp_path, _Keeping)
    template = _NotingTemplate()
    for name in ("kept.html", "written.html"):
        writer.write_file(name, template, {"localsiteurl": ""})
    assert (tmp_path / "written.html").read_text() == "new written.html", (
        "Writer.write_file() no longer writes a rendered page")
    assert (tmp_path / "kept.html").read_text() == "old", (
        "Writer.write_file() no longer opens its files through _open_w(path, encoding, "
        "override): SelectiveWriter (the preview) would overwrite pages it keeps")


def test_what_the_preview_writer_takes_from_write_file(tmp_path):
    parameters = list(inspect.signature(Writer.write_file).parameters)
    assert parameters == ["self", "name", "template", "context", "relative_urls",
                          "paginated", "template_name", "override_output", "url",
                          "kwargs"], (
        f"Writer.write_file's parameters changed ({parameters}): sitetool.serve."
        "PreviewWriter.write_file re-declares them")
    template = _NotingTemplate()
    _writer(tmp_path).write_file("news.html", template, {"localsiteurl": ""},
                                 paginated={"articles": [1, 2, 3]}, template_name="index",
                                 url="news.html")
    pages = [(c["output_file"], list(c["articles_page"].object_list))
             for c in template.contexts]
    assert pages == [("news.html", [1, 2]), ("news2.html", [3])], (
        "Writer.write_file() no longer renders a paginated list page by page with "
        f"output_file and <key>_page in the template's context: {pages}")


@pytest.mark.parametrize("call", [
    {"name": "page.html"},
    {"name": "list.html", "articles": [1, 2, 3], "template_name": "archives"},
    {"name": "list.html", "articles": [1, 2, 3], "template_name": "index", "url": "l.html"},
    {"name": "list.html", "paginated": {"articles": [1, 2, 3]}, "template_name": "index",
     "url": "l.html"},
    {"name": "list.html", "paginated": {}, "articles": [1, 2, 3], "template_name": "index",
     "url": "l.html"},
])
def test_which_calls_of_write_file_write_one_file(tmp_path, call):
    writer, template = _writer(tmp_path), _NotingTemplate()
    call = dict(call)
    name = call.pop("name")
    one = pelican_contract.one_file_written(writer, name, template, {"localsiteurl": ""},
                                            **call)
    writer.write_file(name, template, {"localsiteurl": ""}, **call)
    written = [context["output_file"] for context in template.contexts]
    paged = any(key.endswith("_page") for context in template.contexts for key in context)
    if one is None:
        assert paged, (f"write_file({name!r}, {call}) no longer paginates: "
                       "one_file_written() must name its file")
    else:
        assert written == [one] and not paged, (
            f"write_file({name!r}, {call}) wrote {written}, not the one file {one!r} "
            "one_file_written() said: KeepingWriter would keep a page it must render")


def test_write_file_arguments_are_bound_as_pelicans_write_file_takes_them():
    """The contract binds `write_file`'s arguments with a function of the same
    parameters (faster than `inspect`): a parameter Pelican adds, renames or moves would
    bind a positional argument to the wrong name."""
    assert (inspect.signature(pelican_contract._write_file_arguments).parameters
            == inspect.signature(Writer.write_file).parameters), (
        "Writer.write_file's parameters changed: update _write_file_arguments")


def test_the_pages_of_a_list_are_the_pages_write_file_writes(tmp_path):
    """The preview decides which pages of a list to render before asking Pelican's writer
    for the list (sitetool/preview_writer.py)."""
    writer, template = _writer(tmp_path), _NotingTemplate()
    items = ["a", "b", "c", "d", "e"]
    call = {"template_name": "index", "url": "l.html", "articles": items, "dates": items[::-1]}
    pages = pelican_contract.list_pages(writer, "list.html", template, {"localsiteurl": ""},
                                        **call)
    writer.write_file("list.html", template, {"localsiteurl": ""}, **call)
    assert pages == [(context["output_file"],
                      {key: list(context[f"{key}_page"].object_list)
                       for key in ("articles", "dates")})
                     for context in template.contexts], (
        "write_file no longer paginates as list_pages() says (Paginator, PAGINATED_TEMPLATES,"
        " DEFAULT_PAGINATION): the preview would keep a page it must render")
    assert len(pages) == 3
    assert pelican_contract.list_pages(writer, "one.html", template, {"localsiteurl": ""}) is None


# --- Listing the sources ---------------------------------------------------------------------

def test_generators_list_their_sources_through_get_files(project_site):
    settings, generators = project_site
    calls = {}
    def noting(name, walk):
        def noted(paths, exclude=None, extensions=None):
            calls.setdefault(name, []).append((paths, exclude))
            return walk(paths, exclude=exclude, extensions=extensions)
        return noted
    for generator in generators:
        pelican_contract.replace_file_listing(
            generator, noting(type(generator).__name__, generator.get_files))
    pelican_contract.generate_contexts(generators)
    for name, (paths, excludes) in pelican_contract.SOURCE_SETTINGS.items():
        assert (settings[paths], settings[excludes]) in calls.get(name, []), (
            f"{name} no longer lists its sources with get_files({paths}, "
            f"exclude={excludes}) (pelican_contract.SOURCE_SETTINGS): {calls.get(name)}")
    articles = _generator(generators, "ArticlesGenerator")
    assert len(articles.articles) == 2, (
        "ArticlesGenerator no longer reads what its get_files() lists")
    assert "StaticGenerator" in calls, (
        "StaticGenerator no longer lists its files through get_files()")


def test_which_files_a_listing_includes(project_site):
    _, generators = project_site
    articles = _generator(generators, "ArticlesGenerator")
    cases = {("news/a/index.lv.md", None): True, ("news/a/.index.lv.md", None): False,
             ("news/a/plans.pdf", None): False, ("news/a/plans.pdf", False): True}
    answers = {case: pelican_contract.listed(articles, *case) for case in cases}
    assert answers == cases, (
        "Generator._include_path(path, extensions) no longer says what get_files() lists "
        f"(IGNORE_FILES; the readers' extensions for None, any for False): {answers}")


def test_a_source_left_out_is_not_published_as_a_file(project_site):
    _, generators = project_site
    static = _generator(generators, "StaticGenerator")
    asked = {}
    is_source = static._is_potential_source_path

    def noted(path, static=False):
        asked[path] = is_source(path, static)
        return asked[path]
    static._is_potential_source_path = noted
    articles = _generator(generators, "ArticlesGenerator")
    left_out = "news/2024/otra/notes.md"
    assert not is_source(left_out)
    pelican_contract.leave_out_source(articles, left_out)
    assert is_source(left_out), (
        "Generator._add_failed_source_path() no longer makes Pelican count a path as a "
        "source (_is_potential_source_path)")
    pelican_contract.generate_contexts(generators)
    assert asked.get("news/2024/pirma/index.lv.md") is True, (
        "StaticGenerator no longer skips the sources (_is_potential_source_path): a file "
        f"bundle_reader leaves out would be published as it is: {asked}")


# --- The content cache ------------------------------------------------------------------------

def test_the_content_cache_holds_what_the_readers_read(project_site):
    settings, generators = project_site
    articles = _generator(generators, "ArticlesGenerator")
    cachers = list(pelican_contract.content_cachers(generators))
    assert {articles, articles.readers} <= set(cachers), (
        "The content cache is no longer kept by a caching generator and its Readers "
        f"(FileDataCacher): {cachers}")
    assert pelican_contract.caches_readings(articles.readers), (
        "Readers._cache_data_policy no longer says the readings are cached (CACHE_CONTENT)")
    pelican_contract.generate_contexts(generators)
    for article in articles.articles:
        path = article.source_path
        assert articles.readers.get_cached_data(path) == pelican_contract.reading_to_cache(
            articles.readers, path), (
            "Readers.read_file() no longer caches (content, metadata without discarded "
            "values) of the reader of the file's suffix: sitetool/parallel.py would put "
            "readings in the cache that a build reads differently")
    off = load_settings(ROOT / "pelicanconf.py", {**{k: settings[k] for k in (
        "PATH", "OUTPUT_PATH", "CACHE_PATH")}, "CACHE_CONTENT": False})
    _, uncached = pelican_contract.make_generators(Pelican(off))
    assert not pelican_contract.caches_readings(
        _generator(uncached, "ArticlesGenerator").readers), (
        "Readers._cache_data_policy is no longer off with CACHE_CONTENT = False")


def test_the_cache_stamps_and_saves_through_functions_it_holds(project_site):
    _, generators = project_site
    readers = _generator(generators, "ArticlesGenerator").readers
    stamped, opened = [], []

    def noting_stamps(stamp):
        return lambda path: stamped.append(path) or stamp(path)

    def noting_opens(opener):
        return lambda path, mode="rb": opened.append(mode) or opener(path, mode)
    pelican_contract.wrap_file_stamp(readers, noting_stamps)
    pelican_contract.wrap_cache_opener(readers, noting_opens)
    pelican_contract.generate_contexts(generators)
    assert any(path.endswith("index.lv.md") for path in stamped), (
        "The content cache no longer stamps a source through _filestamp_func: "
        "sitetool.pipeline would hash each source several times a read")
    assert "wb" in opened, (
        "The content cache no longer saves through _cache_open(path, 'wb'): "
        "sitetool.faults can no longer save it atomically")


# --- Content and logging ------------------------------------------------------------------------

def test_a_body_changed_is_the_body_shown(project_site):
    _, generators = project_site
    pelican_contract.generate_contexts(generators)
    article = _generator(generators, "ArticlesGenerator").articles[0]
    pelican_contract.replace_body_html(article, '<p><a href="{index}">changed</a></p>')
    assert pelican_contract.body_html(article) == '<p><a href="{index}">changed</a></p>', (
        "Content._content no longer holds the body as read")
    assert "changed" in article.content and "{index}" not in article.content, (
        "Content.content is no longer made from Content._content (its links replaced) "
        "when first read: a plugin's change to the body would not be shown")


def test_a_body_changed_after_it_was_shown_is_the_body_shown(project_site):
    """The preview changes one edited text in the site it read before (sitetool/serve.py)."""
    _, generators = project_site
    pelican_contract.generate_contexts(generators)
    article, other = _generator(generators, "ArticlesGenerator").articles[:2]
    shown = (article.content, article.summary, other.content)
    pelican_contract.replace_shown_body(article, "<p>Labots teksts.</p>")
    assert "Labots" in article.content and "Labots" in article.summary, (
        "Content.get_content/get_summary are no longer memoized by (content, site URL) in "
        "the dict `cache` of the method: the pages would show the body read before")
    assert other.content == shown[2]


def test_the_templates_look_into_content_through_their_environment(project_site):
    """sitetool/incremental.py notes what each page shows through the environments'
    getattr()/getitem(): a generator's templates must come from its `env`, and
    compiled templates must look attributes up through that environment."""
    _, generators = project_site
    pelican_contract.generate_contexts(generators)
    articles = _generator(generators, "ArticlesGenerator")
    environments = pelican_contract.template_environments(generators)
    assert articles.env in environments, "Generator.env is no longer each generator's"
    looked_into = []
    for environment in environments:
        for name in ("getattr", "getitem"):
            look_up = getattr(environment, name)
            setattr(environment, name, lambda obj, key, look_up=look_up: (
                looked_into.append((obj, key)), look_up(obj, key))[1])
    template = articles.get_template("article")
    assert template.environment is articles.env, (
        "Generator.get_template() no longer loads from the generator's env")
    article = articles.articles[0]
    template.environment.from_string("{{ a.title }}{{ a['slug'] }}").render(a=article)
    assert (article, "title") in looked_into and (article, "slug") in looked_into, (
        "Jinja's compiled templates no longer look attributes and items up through "
        "Environment.getattr()/getitem(): incremental builds would keep stale pages")


def test_a_repeated_warning_dropped_by_pelican_raises_filtered_message():
    logger = logging.getLogger("pelican_contract_test")
    record = logger.makeRecord(logger.name, logging.WARNING, __file__, 1,
                               "the same warning %d", (7,), None)
    logger.handle(record)
    with pytest.raises(FilteredMessage):
        logger.handle(record)
    pelican_contract.handle_as_logged(record)  # and this one does not raise


def test_a_warning_said_is_said_again_once_forgotten():
    """What `collecting_logs` relies on: after `forget_said_warnings()` Pelican's loggers
    say a warning they said before (once more), as each preview build must."""
    logger = logging.getLogger("pelican_contract_test_forget")
    record = logger.makeRecord(logger.name, logging.WARNING, __file__, 1,
                               "said in an earlier build %d", (8,), None)
    said = []
    handler = logging.Handler()
    handler.emit = said.append
    logger.addHandler(handler)
    try:
        pelican_contract.handle_as_logged(record)
        pelican_contract.handle_as_logged(record)  # dropped: said already
        assert said == [record]
        pelican_contract.forget_said_warnings()
        pelican_contract.handle_as_logged(record)
        pelican_contract.handle_as_logged(record)
        assert said == [record, record], "Pelican's LimitFilter keeps its memory elsewhere"
    finally:
        logger.removeHandler(handler)


# --- No private Pelican name outside the contract ----------------------------------------------

def _pelican_private_names() -> set[str]:
    """Every `_name` Pelican's own source defines: functions, methods, attributes."""
    names = set()
    for source in Path(pelican.__file__).parent.rglob("*.py"):
        if "tests" in source.parts:
            continue
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {n for n in names if n.startswith("_") and not n.startswith("__") and n != "_"}


def _private_uses(source: Path, private: set[str]):
    tree = ast.parse(source.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pelican"):
            for alias in node.names:
                if alias.name.startswith("_"):
                    yield node.lineno, alias.name
        elif isinstance(node, ast.Attribute) and node.attr in private:
            yield node.lineno, node.attr
        elif isinstance(node, ast.ClassDef):
            for item in node.body:  # overriding a private method
                if isinstance(item, ast.FunctionDef) and item.name in private:
                    yield item.lineno, item.name
        elif (isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr == "get_files" for t in node.targets)):
            yield node.lineno, "get_files (replaced)"


def test_no_private_pelican_name_outside_the_contract():
    private = _pelican_private_names()
    assert {"_get_writer", "_open_w", "_content"} <= private
    # benchmarks/ holds only scripts; its work/ (generated sites) is not walked
    ours = [p for folder, pattern in (("sitetool", "**/*.py"), ("plugins", "**/*.py"),
                                      ("tests", "**/*.py"), ("scripts", "**/*.py"),
                                      ("benchmarks", "*.py"))
            for p in (ROOT / folder).glob(pattern) if p not in (CONTRACT, Path(__file__))]
    uses = [f"{p.relative_to(ROOT)}:{line}: {name}" for p in ours
            for line, name in _private_uses(p, private)]
    assert uses == [], (
        "Pelican's non-public API used outside plugins/pelican_contract (put it there, "
        "as a named function with its test here):\n" + "\n".join(uses))
