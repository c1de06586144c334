"""Plugins say what they provide and need (plugins/plugin_order.py): PLUGINS in any order
builds the same site, and a needed plugin left out is one error naming both."""

import importlib
import runpy
import sys
import textwrap
from pathlib import Path

import pytest

from content_schema import SchemaError, parse_front_matter, schema, validate
from plugin_order import PluginOrderError, contract_of, load_order
from site_helpers import ROOT, build_site, stable_files

SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))
PLUGINS = SETTINGS["PLUGINS"]


def _provider_before_reader(order: list[str]) -> list[str]:
    """Each (reader, provider) of the declarations where the provider comes later."""
    wrong = []
    for reader in order:
        contract = contract_of(reader)
        for provider in [*contract.needs, *contract.uses]:
            if provider in order and order.index(provider) > order.index(reader):
                wrong.append(f"{reader} before {provider}")
    return wrong


def test_pelicanconf_lists_the_plugins_in_their_load_order():
    """A build by Pelican alone (which loads PLUGINS as written) connects the signals in
    the order sitetool does."""
    assert load_order(PLUGINS) == PLUGINS, f"write PLUGINS as {load_order(PLUGINS)}"


def test_any_order_of_the_plugins_loads_each_provider_before_its_readers():
    reversed_order = load_order(PLUGINS[::-1])
    assert sorted(reversed_order) == sorted(PLUGINS)
    assert _provider_before_reader(PLUGINS[::-1])  # the declarations do order something
    assert _provider_before_reader(reversed_order) == []


def test_every_name_read_of_another_plugin_is_one_it_provides():
    for reader in PLUGINS:
        contract = contract_of(reader)
        for provider, names in [*contract.needs.items(), *contract.uses.items()]:
            assert names <= contract_of(provider).provides, (reader, provider)


def _table_row(plugin: str) -> str:
    contract = contract_of(plugin)

    def by_provider(declared):
        return "; ".join(f"`{provider}`: " + ", ".join(sorted(names))
                         for provider, names in declared.items()) or "—"

    provides = ", ".join(f"`{name}`" for name in sorted(contract.provides)) or "—"
    return (f"| `{plugin}` | {provides} | {by_provider(contract.needs)} | "
            f"{by_provider(contract.uses)} |")


def test_the_plugins_readme_table_says_what_each_declares():
    readme = (ROOT / "plugins/README.md").read_text("utf-8").splitlines()
    for plugin in PLUGINS:
        assert _table_row(plugin) in readme, f"plugins/README.md: {_table_row(plugin)}"


def test_a_needed_plugin_left_out_names_both_at_the_plugins_line():
    without_offices = [p for p in PLUGINS if p != "offices"]
    settings_file = ROOT / "pelicanconf.py"
    with pytest.raises(PluginOrderError) as raised:
        load_order(without_offices, settings_file=settings_file)
    problem = raised.value.problem
    written = settings_file.read_text("utf-8").splitlines()
    assert written[problem.line - 1].startswith("PLUGINS = ")
    assert Path(problem.path).resolve() == settings_file
    assert problem.render().split(": ", 1)[1] == (
        "PLUGINS: the plugins services and service_notices need the plugin offices (for "
        "office_slugs, offices), which is not in PLUGINS — add \"offices\" to PLUGINS")


@pytest.fixture
def fake_plugins(tmp_path, monkeypatch):
    """Write plugin packages with the given declarations, importable by name."""
    monkeypatch.syspath_prepend(str(tmp_path))
    written = []

    def write(name: str, declarations: str) -> str:
        package = tmp_path / name
        package.mkdir()
        (package / "__init__.py").write_text(textwrap.dedent(declarations), "utf-8")
        written.append(name)
        return name

    yield write
    for name in written:
        sys.modules.pop(name, None)
    importlib.invalidate_caches()


def test_a_name_the_provider_does_not_provide_names_both(fake_plugins):
    maker = fake_plugins("fake_maker", 'PROVIDES = {"made"}\n')
    reader = fake_plugins("fake_reader", 'NEEDS = {"fake_maker": {"mde"}}\n')
    with pytest.raises(PluginOrderError,
                       match=r"^the plugin fake_reader reads mde from the plugin fake_maker, "
                             r"which does not provide it"):
        load_order([reader, maker])


def test_two_plugins_reading_each_other_name_both(fake_plugins):
    first = fake_plugins("fake_first", 'PROVIDES = {"a"}\nUSES = {"fake_second": {"b"}}\n')
    second = fake_plugins("fake_second", 'PROVIDES = {"b"}\nNEEDS = {"fake_first": {"a"}}\n')
    with pytest.raises(PluginOrderError,
                       match=r"^the plugins fake_first and fake_second each read what the "
                             r"other provides"):
        load_order([first, second])


def test_an_optional_provider_may_be_left_out_and_orders_when_present(fake_plugins):
    reader = fake_plugins("fake_optional_reader", 'USES = {"fake_optional": {"x"}}\n')
    provider = fake_plugins("fake_optional", 'PROVIDES = {"x"}\n')
    assert load_order([reader]) == [reader]
    assert load_order([reader, provider]) == [provider, reader]


# --- Fields declared by plugins (content_schema.schema) ----------------------------------

def test_a_plugins_fields_are_checked_while_it_is_loaded(fake_plugins):
    """A feature's content is one folder: its plugin declares the fields."""
    plugin = fake_plugins("fake_recipes", """\
        from content_schema import Field
        FIELDS = {"recipes": {"title": Field("text", required=True, example="Zupa"),
                              "serves": Field("number", example="4")}}
        """)
    front_matter = parse_front_matter("---\ntitle: Zupa\nserves: many\n---\n", "r.md")
    settings = {**SETTINGS, "PLUGINS": [*PLUGINS, plugin]}
    values, problems = validate("recipes", front_matter, "r.md", settings)
    assert values == {"title": "Zupa"}
    assert [str(p) for p in problems] == [
        "r.md:3: serves: 'many' is not a number — write digits only, e.g. serves: 4"]
    with pytest.raises(SchemaError, match="no plugin in PLUGINS declares the fields of "
                                          "content/recipes/"):
        validate("recipes", front_matter, "r.md", SETTINGS)


def test_a_section_declared_by_two_plugins_names_both(fake_plugins):
    plugin = fake_plugins("fake_offices", 'FIELDS = {"offices": {}}\n')
    with pytest.raises(SchemaError, match=r"^the plugins offices and fake_offices both "
                                          r"declare the fields of the section 'offices'"):
        schema({"PLUGINS": [*PLUGINS, plugin]})


@pytest.mark.parametrize(("declared", "owner"), [
    ('MORE_FIELDS = {"news": {"photos": {}}}\n', "gallery"),  # added by another plugin
    ('MORE_FIELDS = {"news": {"title": {}}}\n', "content_schema"),  # the section's own
])
def test_a_field_added_to_a_section_twice_names_both_plugins(fake_plugins, declared, owner):
    plugin = fake_plugins("fake_photos", declared)
    with pytest.raises(SchemaError, match=rf"^the plugins {owner} and fake_photos both "
                                          r"declare the field '\w+' of the section 'news'"):
        schema({"PLUGINS": [*PLUGINS, plugin]})
    assert "photos" in schema({"PLUGINS": PLUGINS}).fields("news")  # the gallery's


# --- The built site ----------------------------------------------------------------------

def _settings_file(tmp_path, plugins_expression: str):
    """pelicanconf.py with PLUGINS changed (its folders absolute: Pelican reads a settings
    file's relative paths from the file's folder)."""
    settings = tmp_path / "settings.py"
    settings.write_text(textwrap.dedent(f"""\
        import runpy
        from pathlib import Path

        ROOT = Path({str(ROOT)!r})
        globals().update({{k: v for k, v in runpy.run_path(str(ROOT / "pelicanconf.py")).items()
                          if k.isupper()}})
        THEME = str(ROOT / THEME)
        PLUGIN_PATHS = [str(ROOT / path) for path in PLUGIN_PATHS]
        PLUGINS = {plugins_expression}
        """), "utf-8")
    return settings


def test_the_plugins_reversed_build_the_same_site(site, sample_content, tmp_path):
    output = tmp_path / "output"
    result = build_site(sample_content, output, "--settings",
                        str(_settings_file(tmp_path, "PLUGINS[::-1]")), site_url=site.url)
    assert result.returncode == 0, result.stderr
    files = stable_files(site.root)
    assert stable_files(output) == files
    differing = [f for f in files if (output / f).read_bytes() != (site.root / f).read_bytes()]
    assert differing == []


def test_a_provider_left_out_is_one_error_line_naming_both(sample_content, tmp_path):
    output = tmp_path / "output"
    result = build_site(sample_content, output, "--settings", str(_settings_file(
        tmp_path, '[p for p in PLUGINS if p != "consultations"]')))
    assert result.returncode == 1
    named = [line for line in result.stderr.splitlines() if "consultations" in line]
    assert len(named) == 1, result.stderr
    assert named[0].endswith(
        ": PLUGINS: the plugin meeting_calendar needs the plugin consultations (for "
        "consultations_by_lang), which is not in PLUGINS — add \"consultations\" to PLUGINS")
    assert "Traceback" not in result.stderr
    assert not output.exists()
