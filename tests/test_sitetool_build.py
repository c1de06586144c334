"""`sitetool build`: strict and atomic in production, deterministic, publishes future
stories on their day, and says what it built."""

import io
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from site_helpers import PAGEFIND_UNSTABLE, TODAY, BuiltSite, build_site, stable_files
from sitetool.build import count_output
from sitetool.progress import Progress
from sitetool_helpers import ROOT, sitetool, story, tree_digest

LINK_TO_NOWHERE = "\nSīkāk: [programma]({filename}../nav-tadas/index.lv.md)\n"


def _production(content, output, today="2026-11-23"):
    return sitetool("build", "--production", "--content", str(content), "--output",
                    str(output), "--today", today, "--no-cache")


@pytest.fixture(scope="module")
def one_story_built(tmp_path_factory):
    """A one-story site built for production: the folders, what the build said, and
    what it left, counted before any test changes it (the failed build's test does)."""
    folder = tmp_path_factory.mktemp("one-story")
    content, output = folder / "content", folder / "output"
    source = story(content, "2024/laba-zina", "Laba ziņa")
    result = _production(content, output)
    assert result.returncode == 0, result.stderr
    files = [p for p in output.rglob("*") if p.is_file()]
    return SimpleNamespace(
        content=content, source=source, output=output, stdout=result.stdout,
        counts=count_output(output), files=len(files),
        pages=sum(1 for p in files if p.suffix == ".html"),
        feeds=sum(1 for p in files if p.name in ("atom.xml", "rss.xml")))


def test_the_summary_counts_what_was_built(one_story_built):
    built = one_story_built
    counts = built.counts
    assert counts.pages == built.pages > 5
    assert counts.feeds == built.feeds > 0
    assert (f"Built {counts.pages} pages, 0 photo files, {counts.feeds} feeds, "
            f"{counts.calendars} calendars into {built.output} in ") in built.stdout
    assert (f"Compared with the previous site: {built.files} new, 0 changed, 0 removed "
            "files.") in built.stdout


def test_a_failed_production_build_leaves_the_site_byte_for_byte(one_story_built):
    content, source, output = (one_story_built.content, one_story_built.source,
                               one_story_built.output)
    before = tree_digest(output, with_times=True)
    # A dead {filename} link is a warning (as check says it): the production build is strict.
    source.write_text(source.read_text("utf-8") + LINK_TO_NOWHERE, "utf-8")
    failed = _production(content, output)
    assert failed.returncode == 1
    assert f"Build failed; {output} was left as it was." in failed.stderr.splitlines()
    assert ("content/news/2024/laba-zina/index.lv.md:8: the link {filename}../nav-tadas/"
            "index.lv.md points to no file — check the folder and file name; a link to "
            "another story looks like {filename}/news/2024/<folder>/index.lv.md") in \
        failed.stderr.splitlines()
    assert tree_digest(output, with_times=True) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["content", "output"]  # no staging
    preview = sitetool("build", "--content", str(content), "--output", str(output),
                       "--no-cache")  # the preview build only warns
    assert preview.returncode == 0, preview.stderr
    assert "index.lv.md:8: the link {filename}../nav-tadas/index.lv.md points to no file" \
        in preview.stderr
    assert "Unable to find" not in preview.stderr  # Pelican's own line: --debug only


def test_two_builds_of_the_same_content_are_identical(site, sample_content, tmp_path):
    """The session's site (built with the run's hash seed) and a build of a copy of its
    content in another folder, with another hash seed: the same bytes. A rebuild into
    the same folder keeps the time stamp of every unchanged file, so rsync uploads only
    what changed."""
    content, first, second = tmp_path / "copy" / "content", site.root, tmp_path / "output"
    shutil.copytree(sample_content, content)
    built = _build(content, second, site.url, "54321")
    assert built.returncode == 0, built.stderr
    assert stable_files(first) == stable_files(second)
    assert [n for n in stable_files(first)
            if (first / n).read_bytes() != (second / n).read_bytes()] == []
    stamps = {n: (second / n).stat().st_mtime_ns for n in stable_files(second)}
    again = _build(content, second, site.url, "999")
    assert again.returncode == 0, again.stderr
    assert {n: (second / n).stat().st_mtime_ns for n in stable_files(second)} == stamps
    summary = re.search(r"Compared with the previous site: (\d+) new, (\d+) changed, "
                        r"(\d+) removed files\.", again.stdout)
    new, changed, removed = (int(n) for n in summary.groups())
    unstable = sum(1 for p in second.rglob("*") if PAGEFIND_UNSTABLE.search(p.as_posix()))
    assert new == removed and new + changed <= unstable  # only Pagefind's renamed indexes


def _build(content, output, site_url, hash_seed):
    """The build `build_site` makes (the session's site), with a hash seed of its own."""
    command = [sys.executable, "-m", "sitetool", "build", "--content", str(content),
               "--output", str(output), "--today", TODAY, "--no-cache",
               "--site-url", site_url]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONHASHSEED": hash_seed})


@pytest.mark.parametrize(("today", "published"), [("2026-12-23", False), ("2026-12-24", True)])
def test_a_future_story_appears_when_the_builds_today_reaches_its_date(tmp_path, today,
                                                                       published):
    content, output = tmp_path / "content", tmp_path / "output"
    story(content, "2026/ziemassvetku-paciena", "Ziemassvētku paciņas", date="2026-12-24",
          english="Christmas parcels")
    story(content, "2026/rudens-vizite", "Rudens vizīte", date="2026-10-01")
    result = build_site(content, output, today=today)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(output, "")
    assert (site.file_for("jaunumi/2026/ziemassvetku-paciena/") is not None) is published
    english = [page.parent for page in (output / "en/news/2026").glob("*/index.html")
               if site.tree(page).xpath("normalize-space(//h1)") == "Christmas parcels"]
    assert bool(english) is published  # at an address of its own, made from its title
    if published:
        assert site.translation_of("/jaunumi/2026/ziemassvetku-paciena/") == (
            f"/{english[0].relative_to(output).as_posix()}/")
    listed = [a.text_content().strip() for a in site.tree("jaunumi/").iter("a")]
    assert ("Ziemassvētku paciņas" in listed) is published
    assert "Rudens vizīte" in listed


def test_progress_counts_what_pelican_reads_and_writes():
    from pelican import signals

    shown = io.StringIO()  # not a terminal: whole lines, as a scheduled job's log gets them
    progress = Progress(lambda read, written: f"{read} read, {written} written", stream=shown,
                        after=3600.0)
    with progress.running():
        signals.content_object_init.send(object())
        for name in ("a.html", "b.html"):
            signals.content_written.send(name, context={})
        # a page written by a forked process, as the build's other processes write them
        forked = multiprocessing.get_context("fork").Process(
            target=signals.content_written.send, args=("c.html",), kwargs={"context": {}})
        forked.start()
        forked.join()
        progress.show()
    signals.content_written.send("d.html", context={})  # after the build: not counted
    assert (progress.read, progress.written) == (1, 3)
    assert shown.getvalue() == "1 read, 3 written\n"


def test_a_build_failing_while_pagefind_indexes_leaves_nothing_behind(tmp_path):
    """Pagefind starts once the pages are written and works while the feeds are written
    (`sitetool.pages_written`). When a feed fails, the build waits for Pagefind before it
    removes its staging folder: Pagefind must not write into it after."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(ROOT / "content", content)  # enough pages to keep Pagefind busy
    settings = tmp_path / "failing_feed_conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(ROOT / 'tests/fixtures/plugins')!r}]\n"
        "PLUGINS = PLUGINS + ['failing_feed']\n"
        "WHOLE_SITE_OUTPUT_PLUGINS = WHOLE_SITE_OUTPUT_PLUGINS + ['failing_feed']\n", "utf-8")
    result = sitetool("build", "--settings", str(settings), "--content", str(content),
                      "--output", str(output), "--today", "2026-11-23", "--no-cache")
    assert result.returncode == 1
    # not the editor's mistake: our line, and Pelican's error with --debug only
    assert "The site's program reported a problem that is not in your text." in result.stderr
    assert "RuntimeError" not in result.stderr
    assert _processes_naming(tmp_path) == [], "Pagefind still running"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".cache", "content", "failing_feed_conf.py"]  # no staging folder


def _processes_naming(folder) -> list[str]:
    """The command lines of running processes that name `folder` (Linux's /proc)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = (Path("/proc") / pid / "cmdline").read_bytes()
        except OSError:  # it ended meanwhile
            continue
        if str(folder).encode() in command:
            found.append(command.replace(b"\0", b" ").decode())
    return found


def test_a_rebuild_after_an_edit_renews_only_the_files_that_changed(tmp_path):
    """The summary counts the changed files, and only they get new time stamps: rsync and
    the web server's Last-Modified see the edit, not a whole new site."""
    content, output = tmp_path / "content", tmp_path / "output"
    edited = story(content, "2024/laba-zina", "Laba ziņa")
    story(content, "2024/cita-zina", "Cita ziņa")
    assert build_site(content, output).returncode == 0
    edited_page = output / "jaunumi/2024/laba-zina/index.html"
    other_page = output / "jaunumi/2024/cita-zina/index.html"
    stamps = {page: page.stat().st_mtime_ns for page in (edited_page, other_page)}
    edited.write_text(edited.read_text("utf-8").replace("Laba ziņa", "Laba ziņa — labota"),
                      "utf-8")
    again = build_site(content, output)
    assert again.returncode == 0, again.stderr
    new, changed, removed = (int(n) for n in re.search(
        r"Compared with the previous site: (\d+) new, (\d+) changed, (\d+) removed files\.",
        again.stdout).groups())
    assert new == removed  # only Pagefind's files named by their content
    assert changed >= 2  # the story's page, the lists and feeds that show its title
    assert "Laba ziņa — labota" in edited_page.read_text("utf-8")
    assert edited_page.stat().st_mtime_ns != stamps[edited_page]
    assert other_page.stat().st_mtime_ns == stamps[other_page]
