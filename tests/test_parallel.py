"""Sources read and pages rendered by several processes: the same site, byte for byte,
as one process builds; what another process logs or fails on reaches the build."""

import logging
import os
import re
import time

import jinja2
import pytest
from pelican.settings import read_settings
from pelican.writers import Writer

from site_helpers import stable_files
from sitetool.parallel import DeferringWriter, processes_for, read_on_every_core
from sitetool_helpers import ROOT, sitetool, story, write

SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
RENDER_PROCESSES = {processes}
CACHE_PATH = {cache!r}  # empty, but on: the processes read into it
"""


def test_several_processes_build_the_site_one_process_builds(sample_content, tmp_path):
    outputs = {}
    for processes in (1, 3):
        settings = write(tmp_path / f"conf{processes}.py", SETTINGS.format(
            root=str(ROOT), processes=processes, cache=str(tmp_path / f"cache-{processes}")))
        outputs[processes] = tmp_path / f"output-{processes}"
        result = sitetool("build", "--settings", str(settings), "--content",
                          str(sample_content), "--output", str(outputs[processes]),
                          "--today", "2026-11-23")
        assert result.returncode == 0, result.stderr
    one, three = outputs[1], outputs[3]
    assert stable_files(one) == stable_files(three)
    assert len(stable_files(one)) > 100
    assert [name for name in stable_files(one)
            if (one / name).read_bytes() != (three / name).read_bytes()] == []


def _pid():
    time.sleep(0.02)  # a page takes a while: every process gets some
    return os.getpid()


def _warn(number):
    logging.getLogger("theme").warning("page %d: a warning from %d", number, os.getpid())
    return ""


def _fail():
    raise ValueError("no such office")


TEMPLATES = jinja2.Environment(loader=jinja2.DictLoader({
    "page.html": "{{ number }} by {{ pid() }}{{ warn(number) }}",
    "list.html": "{% for n in articles_page.object_list %}{{ n }} {% endfor %}",
    "broken.html": "{{ fail() }}",
}), autoescape=True)
TEMPLATES.globals.update(pid=_pid, warn=_warn, fail=_fail)


def _deferring_writer(output, processes):
    settings = read_settings(override={"OUTPUT_PATH": str(output), "DEFAULT_PAGINATION": 10,
                                       "PATH": str(output)})
    return DeferringWriter(Writer(str(output), settings=settings), processes)


def test_each_page_is_written_once_and_logs_reach_the_build(tmp_path, caplog):
    writer = _deferring_writer(tmp_path, 3)
    for number in range(12):
        writer.write_file(f"page{number}.html", TEMPLATES.get_template("page.html"),
                          {"localsiteurl": ""}, number=number)
    writer.write_file("news.html", TEMPLATES.get_template("list.html"), {"localsiteurl": ""},
                      paginated={"articles": list(range(35))}, template_name="index",
                      url="news.html")
    assert list(tmp_path.iterdir()) == []  # noted, not written yet
    with caplog.at_level(logging.WARNING):
        writer.start()
        writer.write_file("subscribe.html", TEMPLATES.get_template("list.html"),
                          {"localsiteurl": ""}, articles_page=_Page([1, 2]))
        assert (tmp_path / "subscribe.html").read_text() == "1 2 "  # written at once
        writer.finish()
    written = {path.name: path.read_text() for path in tmp_path.iterdir()}
    assert sorted(written) == sorted([*(f"page{n}.html" for n in range(12)), "news.html",
                                      "news2.html", "news3.html", "news4.html",
                                      "subscribe.html"])
    assert written["news4.html"] == "30 31 32 33 34 "
    writers = {text.split(" by ")[1] for name, text in written.items() if " by " in text}
    assert writers - {str(os.getpid())}  # forked processes wrote pages
    warnings = [r.getMessage() for r in caplog.records if r.name == "theme"]
    assert sorted(warnings) == sorted(
        f"page {number}: a warning from {written[f'page{number}.html'].split(' by ')[1]}"
        for number in range(12))


@pytest.mark.parametrize("broken", [0, 5, 11])
def test_a_page_that_fails_in_any_process_fails_the_build(tmp_path, broken):
    writer = _deferring_writer(tmp_path, 2)
    for number in range(12):
        name = "broken.html" if number == broken else "page.html"
        writer.write_file(f"page{number}.html", TEMPLATES.get_template(name),
                          {"localsiteurl": ""}, number=number)
    writer.start()
    with pytest.raises(ValueError, match="no such office"):
        writer.finish()


class _Page:
    def __init__(self, object_list):
        self.object_list = object_list


def test_zero_processes_means_one_per_core():
    assert processes_for({"RENDER_PROCESSES": 0}) == len(os.sched_getaffinity(0))
    assert processes_for({"RENDER_PROCESSES": 3}) == 3


def test_problems_in_sources_read_by_other_processes_are_reported_as_by_one(tmp_path):
    content = tmp_path / "content"
    for number in range(40):
        story(content, f"2024/zina-{number:02d}", f"Ziņa {number}")
    broken = content / "news" / "2024" / "zina-27" / "index.lv.md"
    broken.write_text("---\ntitle: [Ziņa\ndate: 2024-05-02\n---\nTeksts.\n", "utf-8")
    wrong_kind = content / "news" / "2024" / "zina-33" / "index.lv.md"
    wrong_kind.write_text("---\ntitle: Ziņa\ndate: 2.5.2024\nkind: svētki\n---\n", "utf-8")
    reports = {}
    for processes in (1, 3):
        settings = write(tmp_path / f"conf{processes}.py", SETTINGS.format(
            root=str(ROOT), processes=processes, cache=str(tmp_path / f"cache-{processes}")))
        result = sitetool("check", "--settings", str(settings), "--content", str(content))
        assert result.returncode == 1
        reports[processes] = re.sub(r"[\d.]+ s\b", "… s", result.stdout + result.stderr)
    assert reports[1] == reports[3]
    assert "news/2024/zina-27/index.lv.md:2: the front matter is not valid YAML" in reports[3]
    assert "news/2024/zina-33/index.lv.md:4: kind: " in reports[3]


def test_every_unread_source_is_read_into_the_content_cache(tmp_path):
    from pelican import Pelican

    from pelican_contract import make_generators
    from sitetool.pipeline import load_settings

    content = tmp_path / "content"
    for number in range(30):
        story(content, f"2024/zina-{number:02d}", f"Ziņa {number}")
    settings = load_settings(ROOT / "pelicanconf.py", {
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache")})
    _, generators = make_generators(Pelican(settings))
    articles = next(g for g in generators if type(g).__name__ == "ArticlesGenerator")
    sources = sorted(content.rglob("index.*.md"))
    assert len(sources) == 60
    assert all(articles.readers.get_cached_data(str(s)) is None for s in sources)
    read_on_every_core(generators, 3)
    for source in sources:
        html, metadata = articles.readers.get_cached_data(str(source))
        assert html == articles.readers.readers["md"].read(str(source))[0]
        assert metadata["source_file"].endswith(source.relative_to(tmp_path).as_posix())
