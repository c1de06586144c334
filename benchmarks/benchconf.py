"""Settings for benchmark builds: the project's own `pelicanconf.py`, except that
the caches (Pelican's content cache, the gallery's renditions) live beside the generated
site (`BENCH_CACHE_PATH`) instead of in the project's `.cache/`, which the preview uses."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))
from pelicanconf import *  # noqa: E402, F403
from pelicanconf import PLUGIN_PATHS, RENDER_PROCESSES, THEME  # noqa: E402

# Pelican resolves these against this file's folder; point them back at the project.
THEME = str(ROOT / THEME)
PLUGIN_PATHS = [str(ROOT / path) for path in PLUGIN_PATHS]
CACHE_PATH = os.environ["BENCH_CACHE_PATH"]
# build_speed.py --processes 1: the build as Pelican alone would run it, for comparison
RENDER_PROCESSES = int(os.environ.get("BENCH_RENDER_PROCESSES", RENDER_PROCESSES))
GALLERY_CACHE_PATH = os.path.join(CACHE_PATH, "gallery")  # a cold build starts without it
