"""How many processes a build may start, how they start and how they end (a library, no
signals): for sitetool/parallel.py (reading, rendering), the gallery (photos), Pagefind
(search_index) and the preview's decap-server (sitetool/web_editor.py).

One rule for the start method: fork only when the workers need what the build's process
holds in memory, and run nothing but their work before `os._exit()`; otherwise spawn.

- sitetool/parallel.py forks: its workers read and render with the site the build has
  read (settings, plugins, content objects, compiled templates), which no other method
  hands over — pickling it would cost more than the work. A build may run inside a
  threaded process (the preview server), where a forked child inherits every lock held
  by another thread at that moment; these workers take none of them: they drop the
  inherited log handlers, send their records back through a pipe and leave with
  `os._exit()`, skipping the flush of stdout and stderr (whose locks may be held).
- the gallery spawns: a photo job is a few paths and numbers, and its worker runs Pillow's
  encoders for many seconds and leaves as any process does; a spawned worker imports
  only what it needs and inherits no lock, so it cannot hang on one.

One rule for their end: a process that writes into the build's staging folder (forked
writers, Pagefind), into content/ (decap-server) or into the gallery's cache (its spawned
workers) dies with the process that started it (`die_with_this_process`, `die_with_parent`
for a spawned pool's workers), however that one ends (killed, Ctrl+C, a crash). A pool
worker outlives a killed parent otherwise, waiting forever on a queue whose writing end
it holds itself.
"""

import ctypes
import os
import signal
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def usable_cores() -> int:
    """The CPU cores this process may run on: its affinity (a container or `taskset` may
    allow fewer than the machine has), or all of them where the system does not say
    (macOS has no `sched_getaffinity`)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def die_with_this_process(signal_number: int = signal.SIGKILL) -> Callable[[], None]:
    """What a child of this process runs first (`Popen(preexec_fn=…)`, a forked worker's
    first call): asks Linux to send it `signal_number` when this process ends, so that a
    killed build's writers or Pagefind do not write on into its staging folder after the
    next build removed it, nor a stopped preview's decap-server into content/. If this
    process ended before the request, the child leaves at once. `prctl` is looked up
    here, in the parent: the child only calls it (no library is loaded between fork and
    exec). Elsewhere than on Linux the child is not tied (the function does nothing)."""
    prctl = _prctl()
    if prctl is None:
        return lambda: None
    parent = os.getpid()
    return lambda: _tie(prctl, parent, signal_number)


def die_with_parent(parent: int, signal_number: int = signal.SIGKILL) -> None:
    """The same tie, made by a spawned child itself: a process pool's `initializer`
    (`initializer=die_with_parent, initargs=(os.getpid(),)`: spawn hands over a
    module-level function, not `die_with_this_process`'s closure, and a spawned child is
    a new interpreter, where loading ctypes is safe). Linux signals the child when the
    *thread* that started it ends: start the pool from the thread that waits for it."""
    prctl = _prctl()
    if prctl is not None:
        _tie(prctl, parent, signal_number)


def _prctl():
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _tie(prctl, parent: int, signal_number: int) -> None:
    prctl(PR_SET_PDEATHSIG, signal_number)
    if os.getppid() != parent:  # it ended before the request
        os._exit(1)
