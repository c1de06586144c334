"""The gallery's spawned image workers end with the build: when it ends as it should, and
when it is killed (plugins/worker_processes.die_with_parent) — a killed build's pool
workers used to wait forever, holding the end of their queue themselves.

Every process a build starts inherits its environment: a mark of the test's own in it
finds whatever the build left running, wherever it was reparented."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from site_helpers import ROOT, build_site
from test_gallery_build import settings_file, sidecar, upright_marker, write_story

MARK = "SITETOOL_TEST_PROCESS_MARK"

# Makes slow renditions of many photos on a pool of two, as the gallery does in a build.
PHOTO_WORK = """
import sys
sys.path.insert(0, {plugins!r})
from PIL import Image
from gallery.pixels import Job, Target
from gallery.processing import run_jobs
source = {folder!r} + "/large.jpg"
Image.new("RGB", (3000, 2000), "red").save(source)
targets = lambda n: tuple(Target(w, w * 2 // 3, "avif", {{}}, f"{folder}/cache/{{n}}-{{w}}.avif")
                          for w in (3000, 2000))
run_jobs([Job(source, 1, (3000, 2000), targets(n)) for n in range(50)], 2)
"""


def marked_processes(mark: str) -> list[int]:
    """The running processes whose environment holds the mark."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environment = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # ended meanwhile, or not ours to read
            continue
        if f"{MARK}={mark}".encode() in environment.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def left_running(mark: str, waited: float = 20) -> list[int]:
    """The marked processes still running after a while (not a speed check: a pool's
    resource tracker leaves once the last process holding its pipe has ended), killed."""
    deadline = time.monotonic() + waited
    while (found := marked_processes(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in found:
        os.kill(pid, signal.SIGKILL)
    return found


@pytest.fixture
def mark(monkeypatch) -> str:
    value = uuid.uuid4().hex
    monkeypatch.setenv(MARK, value)
    return value


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_build_with_photos_leaves_no_process_behind(tmp_path, mark):
    story = write_story(tmp_path / "content")
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        upright_marker(640, 480).save(story / "photos" / name, "JPEG")
    sidecar(story, *((name, "Ā", "A") for name in ("a.jpg", "b.jpg", "c.jpg")))
    settings = settings_file(tmp_path, GALLERY_WORKERS=2)  # a pool, whatever the machine
    result = build_site(tmp_path / "content", tmp_path / "output", "--settings",
                        str(settings))
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "cache").rglob("*.avif"))) >= 3  # the pool made them
    assert left_running(mark) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_killed_build_leaves_no_image_worker_behind(tmp_path, mark):
    build = subprocess.Popen([sys.executable, "-c", PHOTO_WORK.format(
        plugins=str(ROOT / "plugins"), folder=str(tmp_path))])
    deadline = time.monotonic() + 120  # until its two workers run (not a speed check)
    while len(marked_processes(mark)) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)  # the build, the resource tracker, two workers
    assert len(marked_processes(mark)) >= 4, "the pool never started"
    build.kill()
    build.wait()
    assert left_running(mark) == []
