"""A process the build or the preview starts dies with it (worker_processes.die_with_this_process:
forked writers, Pagefind, decap-server), however the parent ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitetool_helpers import ROOT

# A parent that starts a long sleep with the given preexec_fn, says the child's id, waits.
PARENT = """
import signal, subprocess, sys, time
sys.path.insert(0, {plugins!r})
from worker_processes import die_with_this_process
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"],
                         preexec_fn={preexec})
print(child.pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Running (a child whose parent died is reaped by init, or left a zombie by a
    subreaper that does not reap: neither runs)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _child_after_parent_killed(preexec: str, waited: float = 10) -> bool:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT.format(plugins=str(ROOT / "plugins"), preexec=preexec)],
        stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + waited  # not a speed check: the kernel signals it at once
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_child_dies_with_the_process_that_started_it(signal_name):
    assert not _child_after_parent_killed(f"die_with_this_process(signal.{signal_name})")


def test_without_it_the_child_outlives_its_parent():
    """The test above can fail: a plain child lives on after its parent is killed."""
    assert _child_after_parent_killed("None", waited=1)
