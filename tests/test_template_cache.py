"""plugins/template_cache: Pelican's generators share compiled templates, later builds
load them from CACHE_PATH, and an edited template is compiled again."""

from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from template_cache import template_cache


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiles, in order."""
    names = []
    compile_source = Environment.compile

    def noting(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return compile_source(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", noting)
    return names


def generator(tmp_path, **options):
    """What a Pelican generator gives `generator_init`: its settings and a fresh env."""
    env = Environment(loader=FileSystemLoader(tmp_path / "templates"), **options)
    found = SimpleNamespace(settings={"CACHE_PATH": str(tmp_path / "cache")}, env=env)
    template_cache.use_shared_cache(found)
    return found


def render(generator, name="page.html"):
    return generator.env.get_template(name).render(title="Sveiki")


def test_generators_and_later_builds_share_compiled_templates(tmp_path, compiled):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")

    assert render(generator(tmp_path)) == "<h1>Sveiki</h1>"
    assert render(generator(tmp_path)) == "<h1>Sveiki</h1>"  # another generator's env
    assert compiled == ["page.html"]
    assert list((tmp_path / "cache/jinja").iterdir())

    template_cache.shared_cache.cache_clear()  # a later build: a new process
    assert render(generator(tmp_path)) == "<h1>Sveiki</h1>"
    assert compiled == ["page.html"]


def test_an_edited_template_is_compiled_again(tmp_path, compiled):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates/page.html"
    page.write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    this_build = generator(tmp_path)
    assert render(this_build) == "<h1>Sveiki</h1>"

    page.write_text("<h2>{{ title }}</h2>", encoding="utf-8")
    assert render(this_build) == "<h1>Sveiki</h1>"  # a build's environment loads it once
    assert render(generator(tmp_path)) == "<h2>Sveiki</h2>"  # the preview: same process
    template_cache.shared_cache.cache_clear()
    assert render(generator(tmp_path)) == "<h2>Sveiki</h2>"  # a later build
    assert compiled == ["page.html", "page.html"]


def test_other_environment_options_do_not_reuse_compiled_code(tmp_path, compiled):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/page.html").write_text(
        "{% if title %}\n<h1>{{ title }}</h1>\n{% endif %}\n", encoding="utf-8")

    assert render(generator(tmp_path)) == "\n<h1>Sveiki</h1>\n"
    assert render(generator(tmp_path, trim_blocks=True)) == "<h1>Sveiki</h1>\n"
    assert compiled == ["page.html", "page.html"]
