"""`sitetool build` with nothing changed since the last build says so and does nothing;
any change to what the site is built from, or to the built site, makes a real build."""

import os
from pathlib import Path

import pytest

from site_helpers import BuiltSite
from sitetool.build_record import BuildRecord, inputs_digest
from sitetool_helpers import sitetool, story, tree_digest, write

UP_TO_DATE = "Nothing has changed since the last build: {output} is up to date."


def _build(content: Path, output: Path, *extra: str):
    result = sitetool("build", "--content", str(content), "--output", str(output),
                      "--today", "2026-11-23", *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _did_nothing(stdout: str, output: Path) -> bool:
    return stdout.strip() == UP_TO_DATE.format(output=output)


def test_an_unchanged_site_is_not_built_again_and_any_change_is(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    source = story(content, "2024/laba-zina", "Laba ziņa")
    assert not _did_nothing(_build(content, output), output)
    before = tree_digest(output, with_times=True)

    assert _did_nothing(_build(content, output), output)
    assert tree_digest(output, with_times=True) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]

    source.write_text(source.read_text("utf-8").replace("Teksts.", "Jauns teksts."), "utf-8")
    assert not _did_nothing(_build(content, output), output)
    page = output / "jaunumi" / "2024" / "laba-zina" / "index.html"
    assert "Jauns teksts." in page.read_text("utf-8")
    assert _did_nothing(_build(content, output), output)

    assert not _did_nothing(_build(content, output, "--today", "2026-11-24"), output)

    page.unlink()  # someone tidied the output by hand: the next build puts the page back
    assert not _did_nothing(_build(content, output, "--today", "2026-11-24"), output)
    assert page.is_file()

    assert not _did_nothing(_build(content, output, "--today", "2026-11-24", "--no-cache"),
                            output)


def test_a_lenient_build_does_not_stand_in_for_a_strict_one(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    source = story(content, "2024/laba-zina", "Laba ziņa")
    source.write_text(source.read_text("utf-8") + "\n[x]({filename}../nav/index.lv.md)\n",
                      "utf-8")
    _build(content, output)  # the dead link is a warning
    strict = sitetool("build", "--content", str(content), "--output", str(output),
                      "--today", "2026-11-23", "--strict")
    assert strict.returncode == 1
    assert "the link {filename}../nav/index.lv.md points to no file" in strict.stderr


@pytest.fixture
def project(tmp_path):
    """Settings naming small content, theme and plugin folders of their own."""
    folders = {name: tmp_path / name for name in ("content", "theme", "plugins")}
    write(folders["content"] / "news" / "a" / "index.lv.md", "---\ntitle: A\n---\n")
    write(folders["theme"] / "templates" / "base.html", "<html></html>")
    write(folders["plugins"] / "notes" / "__init__.py", "")
    settings_file = write(tmp_path / "conf.py", "SITENAME = 'x'\n")
    settings = {"PATH": str(folders["content"]), "THEME": str(folders["theme"]),
                "PLUGIN_PATHS": [str(folders["plugins"])], "IGNORE_FILES": [".*"],
                "BUILD_DATE": "2026-11-23", "TIMEZONE": "Europe/Riga",
                "SITEURL": "https://example.lv", "OUTPUT_PATH": str(tmp_path / "staging-1"),
                "CACHE_PATH": str(tmp_path / "cache")}
    return settings, settings_file, folders


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


CHANGES = {
    "a story edited": lambda s, f, d: _touch_later(d["content"] / "news/a/index.lv.md"),
    "a story added": lambda s, f, d: write(d["content"] / "news/b/index.lv.md", "---\n"),
    "a story deleted": lambda s, f, d: (d["content"] / "news/a/index.lv.md").unlink(),
    "a template edited": lambda s, f, d: write(d["theme"] / "templates/base.html", "<html>"),
    "a plugin edited": lambda s, f, d: write(d["plugins"] / "notes/__init__.py", "x = 1"),
    "the settings file edited": lambda s, f, d: write(f, "SITENAME = 'y'\n"),
    "a setting overridden": lambda s, f, d: s.update(SITEURL="https://example.com"),
    "another publication day": lambda s, f, d: s.update(BUILD_DATE="2026-11-24"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_every_input_counts(project, change):
    settings, settings_file, folders = project
    before = inputs_digest(settings, settings_file, strict=False)
    assert inputs_digest(settings, settings_file, strict=False) == before
    CHANGES[change](settings, settings_file, folders)
    assert inputs_digest(settings, settings_file, strict=False) != before


@pytest.mark.parametrize("name", [".feed-id", ".index.lv.md.swp", "__pycache__/x.pyc"])
def test_files_pelican_ignores_do_not_count(project, name):
    settings, settings_file, folders = project
    before = inputs_digest(settings, settings_file, strict=False)
    write(folders["content"] / "news" / "a" / name, "x")
    write(folders["plugins"] / "notes" / name, "x")
    assert inputs_digest(settings, settings_file, strict=False) == before
    settings["OUTPUT_PATH"] = "another staging folder"  # each build stages elsewhere
    assert inputs_digest(settings, settings_file, strict=False) == before
    assert inputs_digest(settings, settings_file, strict=True) != before


def test_the_record_is_of_one_output_folder_as_it_was_left(project, tmp_path):
    settings, settings_file, _ = project
    output, other = tmp_path / "output", tmp_path / "other"
    write(output / "index.html", "<p>")
    record = BuildRecord(settings, output, settings_file, strict=False)
    assert not record.matches()
    record.save()
    assert record.matches()
    assert not BuildRecord(settings, other, settings_file, strict=False).matches()
    assert not BuildRecord(settings, output, settings_file, strict=True).matches()
    write(output / "index.html", "<p>changed")
    assert not record.matches()


def test_a_translation_inherits_the_edited_latvian_fields_in_a_cached_rebuild(tmp_path):
    """The English file takes `date` from the Latvian one, read from Pelican's content
    cache when it holds it (bundle_reader): an edit must not leave a stale date."""
    content, output = tmp_path / "content", tmp_path / "output"
    source = story(content, "2024/laba-zina", "Laba ziņa", date="2024-05-02")
    _build(content, output)
    site = BuiltSite(output, "")
    english = site.file_for(site.translation_of("jaunumi/2024/laba-zina/"))
    assert 'datetime="2024-05-02' in english.read_text("utf-8")
    source.write_text(source.read_text("utf-8").replace("2024-05-02", "2024-06-07"), "utf-8")
    _build(content, output)
    assert 'datetime="2024-06-07' in english.read_text("utf-8")
