"""Faults around a build (issue 16, item 7), each made for real: a build killed with
SIGKILL at several moments, a disk that fills up (a small tmpfs), a read-only cache (a
read-only bind mount: root ignores file permissions), and a plugin that raises. Each time
the published site stays byte for byte, the build says what happened in one line naming
the file, and the next build works and removes what the killed one left."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.generate_site import BUILD_DAY, generate
from site_helpers import ROOT, tree_digest
from sitetool_helpers import story, write
from test_gallery_build import (
    LV_PAGE,
    save_turned,
    settings_file,
    sidecar,
    upright_marker,
    write_story,
)


def _build_command(content: Path, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "sitetool", "--lang", "en", "build", "--content",
            str(content), "--output", str(output), "--today", BUILD_DAY, *extra]


def _build(content: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(_build_command(content, output, *extra), cwd=ROOT,
                          capture_output=True, text=True, check=False)


def _leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.glob(f".{output.name}.*")
                  if ".spare" not in p.name)


# --- kill -9 ------------------------------------------------------------------------------

def _reading(staging: Path, cache: Path) -> bool:
    return staging.is_dir()  # made (or the spare claimed) before anything is read


def _rendering(staging: Path, cache: Path) -> bool:
    return any(staging.glob("jaunumi/*/*/index.html"))


def _processing_photos(staging: Path, cache: Path) -> bool:
    return cache.is_dir() and any(p.is_file() for p in cache.rglob("*"))


def _indexing(staging: Path, cache: Path) -> bool:
    return (staging / "pagefind").is_dir()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A site of 40 stories per language and a gallery of 4 camera photos, and a cache of
    their renditions from a build of it (most of a build's time: each case copies it).
    4 photos of 4000x3000 keep a build busy with them long after the first rendition is
    written (the moment a build is killed while processing photos)."""
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 40, seed=3, photos=4)
    warm = _build(folder / "content", folder / "output", "--settings",
                  str(settings_file(folder)))
    assert warm.returncode == 0, warm.stderr
    return folder / "content", folder / "cache"


def _cache_copy(cache: Path, folder: Path) -> Path:
    """`folder` with a copy of the warm cache, and settings pointing at it."""
    shutil.copytree(cache, folder / "cache")
    return settings_file(folder)


@pytest.mark.parametrize("moment", [_reading, _rendering, _processing_photos, _indexing],
                         ids=lambda moment: moment.__name__.strip("_"))
def test_a_killed_build_leaves_the_site_and_the_next_build_cleans_up(generated, tmp_path,
                                                                     moment):
    generated, warm_cache = generated
    content = tmp_path / "content"
    shutil.copytree(generated, content)
    output = tmp_path / "site" / "output"
    first = _build(content, output, "--settings", str(_cache_copy(warm_cache, tmp_path)))
    assert first.returncode == 0, first.stderr
    published = tree_digest(output, with_times=True)
    edited = next(content.glob("news/*/*/index.lv.md"))
    edited.write_text(edited.read_text("utf-8").replace("title: ", "title: Labots ", 1))
    # a cache of its own: killed while processing photos, this build has every photo to
    # process (and the next one what it left); killed at another moment, none
    (tmp_path / "other-cache").mkdir()
    killed_settings = (settings_file(tmp_path / "other-cache") if moment is _processing_photos
                       else _cache_copy(warm_cache, tmp_path / "other-cache"))
    build = subprocess.Popen(_build_command(content, output, "--no-cache", "--settings",
                                            str(killed_settings)), cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = output.with_name(f".output.staging-{build.pid}")
    # looked at every 2 ms, not in a busy loop that takes a core from the build (each
    # moment lasts far longer: the assertion below says when one was missed)
    while build.poll() is None and not moment(staging, tmp_path / "other-cache" / "cache"):
        time.sleep(0.002)
    build.send_signal(signal.SIGKILL)
    assert build.wait() == -signal.SIGKILL, "the build ended before the moment came"
    assert tree_digest(output, with_times=True) == published
    assert staging.name in _leftovers(output)

    again = _build(content, output, "--settings", str(killed_settings))
    assert again.returncode == 0, again.stderr
    assert _leftovers(output) == []
    page = output / "jaunumi" / edited.parent.parent.name / edited.parent.name / "index.html"
    assert "Labots" in page.read_text("utf-8")


def test_only_the_staging_folders_of_ended_builds_are_removed(tmp_path):
    """A running process's folder is another build's, at work: it stays."""
    content = tmp_path / "content"
    story(content, "2024/zina", "Ziņa")
    output = tmp_path / "output"
    running = subprocess.Popen(["sleep", "600"])
    ended = subprocess.Popen(["true"])
    ended.wait()
    try:
        for pid in (running.pid, ended.pid):
            write(output.with_name(f".output.staging-{pid}") / "index.html", "half")
        write(output.with_name(f".output.previous-{ended.pid}") / "index.html", "old")
        result = _build(content, output, "--no-cache")
        assert result.returncode == 0, result.stderr
        assert _leftovers(output) == [f".output.staging-{running.pid}"]
    finally:
        running.kill()
        running.wait()


# --- a full disk, a read-only cache ------------------------------------------------------

def _mount(*arguments: str) -> None:
    done = subprocess.run(["mount", *arguments], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount here ({done.stderr.strip()}): "
                    "the test needs root, as in CI")


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str):
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


@contextlib.contextmanager
def _read_only(folder: Path):
    """`folder` read-only for everyone, root included: a read-only bind mount of it."""
    _mount("--bind", str(folder), str(folder))
    try:
        _mount("-o", "remount,bind,ro", str(folder))
        assert not os.access(folder, os.W_OK)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _fill(disk: Path, leave: int = 0) -> None:
    """Fill the disk, leaving `leave` bytes free."""
    free = shutil.disk_usage(disk).free - leave
    with open(disk / "filling", "wb") as filling, contextlib.suppress(OSError):
        while free > 0:
            free -= filling.write(b"\0" * min(free, 1 << 20))


def _used_by(folder: Path) -> int:
    """Bytes `folder` takes on a tmpfs (each file a whole number of 4 KiB pages)."""
    return sum(-(-p.stat().st_size // 4096) * 4096 for p in folder.rglob("*") if p.is_file())


def test_a_full_disk_is_said_as_that_naming_the_file(tmp_path):
    content = tmp_path / "content"
    source = story(content, "2024/zina", "Ziņa")
    with _tmpfs(tmp_path / "disk", "48m") as disk:
        output = disk / "output"
        assert _build(content, output, "--no-cache").returncode == 0
        published = tree_digest(output, with_times=True)
        write(source, source.read_text("utf-8").replace("Ziņa", "Jauna ziņa"))
        _fill(disk)
        for lang, reason in (("en", "cannot write this file: the disk is full — make room"),
                             ("lv", "šo failu nevar ierakstīt: disks ir pilns — atbrīvojiet")):
            command = _build_command(content, output, "--no-cache")
            command[command.index("--lang") + 1] = lang
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            assert result.returncode == 1
            # a line for each file that could not be written (a page, a copied file)
            stopped = result.stderr.splitlines()[1:]
            assert stopped, result.stderr
            for line in stopped:
                assert line.startswith(str(disk / ".output.staging-")), line
                assert f":1: {reason}" in line
        assert tree_digest(output, with_times=True) == published
        assert _leftovers(output) == []


def test_a_folder_the_build_may_not_write_in_is_said_as_that(tmp_path):
    """The output's folder read-only (a read-only bind mount: root ignores permissions)."""
    content = tmp_path / "content"
    story(content, "2024/zina", "Ziņa")
    site = tmp_path / "site"
    output = site / "output"
    assert _build(content, output, "--no-cache").returncode == 0
    published = tree_digest(output, with_times=True)
    with _read_only(site):
        result = _build(content, output, "--no-cache")
    assert result.returncode == 1
    stopped = result.stderr.splitlines()[1:]
    assert len(stopped) == 1, result.stderr
    assert stopped[0].startswith(f"{site}/.output.staging-")
    assert stopped[0].endswith(":1: cannot write this file: the disk is read-only — make "
                               "room or give the build the right to write there, then build "
                               "again")
    assert tree_digest(output, with_times=True) == published


def test_a_disk_that_fills_while_the_search_index_is_written(tmp_path):
    """Pagefind says nothing and exits 0 when it cannot write: its empty files are taken
    for what they are (this was a JSONDecodeError). The feeds are written meanwhile: the
    file named is Pagefind's or theirs, whichever found the disk full."""
    content = tmp_path / "content"
    for number in range(12):
        story(content, f"2024/zina-{number}", f"Ziņa {number}")
    with _tmpfs(tmp_path / "disk", "48m") as disk:
        measured = disk / "measured"
        assert _build(content, measured, "--no-cache").returncode == 0
        whole, index = _used_by(measured), _used_by(measured / "pagefind")
        shutil.rmtree(measured)
        _fill(disk, leave=whole - 3 * index // 4)  # room for the pages, not for the index
        result = _build(content, disk / "output", "--no-cache")
    assert result.returncode == 1
    stopped = result.stderr.splitlines()[1:]
    assert stopped, result.stderr
    for line in stopped:
        assert line.startswith(f"{disk}/.output.staging-"), line
        assert line.endswith(":1: cannot write this file: the disk is full — make room or "
                             "give the build the right to write there, then build again")


def test_a_read_only_cache_with_nothing_to_write_does_not_fail_a_build(tmp_path):
    """Photos, compiled templates, the content cache and the build record: a strict build
    after an edit, every cache read-only."""
    content = tmp_path / "content"
    folder = write_story(content)
    save_turned(upright_marker(600, 400), folder / "photos" / "a.jpg")
    sidecar(folder, ("a.jpg", "Zāle", "The hall"))
    source = folder / "index.lv.md"
    caches = tmp_path / "caches"
    caches.mkdir()
    settings = settings_file(caches, CACHE_PATH=str(caches / "pelican"))
    output = tmp_path / "output"
    first = _build(content, output, "--strict", "--settings", str(settings))
    assert first.returncode == 0, first.stderr
    assert any((caches / "cache").rglob("*.webp")) and any((caches / "pelican").iterdir())
    write(source, source.read_text("utf-8").replace("Teksts.", "Jauns teksts."))
    with _read_only(caches):
        again = _build(content, output, "--strict", "--settings", str(settings))
    assert again.returncode == 0, again.stderr
    assert "Jauns teksts." in (output / LV_PAGE / "index.html").read_text("utf-8")


# --- an exception nobody expected ------------------------------------------------------

EXPLODING_PLUGIN = '''
from pelican import signals


def explode(generator, content):
    if content.slug == "sprags" and content.lang == "lv":
        raise RuntimeError("boom")


def register():
    signals.article_generator_write_article.connect(explode)
'''


def test_an_unexpected_exception_names_the_file_and_publishes_nothing(tmp_path):
    content = tmp_path / "content"
    story(content, "2024/labi", "Labi")
    story(content, "2024/sprags", "Sprāgst")
    plugins = tmp_path / "plugins"
    write(plugins / "exploding" / "__init__.py", EXPLODING_PLUGIN)
    output = tmp_path / "output"
    assert _build(content, output, "--no-cache").returncode == 0
    published = tree_digest(output, with_times=True)
    settings = write(tmp_path / "conf.py", (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(plugins)!r}]\n"
        "PLUGINS = [*PLUGINS, 'exploding']\n"))
    result = _build(content, output, "--no-cache", "--settings", str(settings))
    assert result.returncode == 1
    raised_at = EXPLODING_PLUGIN.splitlines().index('        raise RuntimeError("boom")') + 1
    *lines, log_line = result.stderr.splitlines()[1:]
    assert lines == [
        "content/news/2024/sprags/index.lv.md:1: the build stopped while processing this "
        f"file: RuntimeError: boom (exploding/__init__.py:{raised_at}) — run the same "
        "command again with --debug and send what it prints to whoever looks after the site"]
    log_prefix = "The full details, for whoever looks after the site: "
    assert log_line.startswith(log_prefix)
    log = Path(log_line.removeprefix(log_prefix))
    assert (f'File "{plugins / "exploding" / "__init__.py"}", line {raised_at}, in explode'
            in log.read_text("utf-8"))
    log.unlink()
    assert tree_digest(output, with_times=True) == published
    assert _leftovers(output) == []

    debug = _build(content, output, "--no-cache", "--settings", str(settings), "--debug")
    assert debug.returncode == 1
    assert "Traceback (most recent call last):" in debug.stderr
    assert (f'File "{plugins / "exploding" / "__init__.py"}", line {raised_at}, in explode'
            in debug.stderr)
