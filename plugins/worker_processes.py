"""How many processes a build may start, and how they start (a library, no signals):
for sitetool/parallel.py (reading, rendering) and the gallery (photos).

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
"""

import os


def usable_cores() -> int:
    """The CPU cores this process may run on: its affinity (a container or `taskset` may
    allow fewer than the machine has), or all of them where the system does not say
    (macOS has no `sched_getaffinity`)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
