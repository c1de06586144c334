"""Settings for benchmark builds: the project's own `pelicanconf.py`, except that
Pelican's content cache lives beside the generated site (`BENCH_CACHE_PATH`) instead of
in the project's `.cache/`, which the preview server uses. Run `sitetool build` with the
project as the working directory (settings such as UI_TRANSLATIONS_DIR are relative)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))
from pelicanconf import *  # noqa: E402, F403
from pelicanconf import PLUGIN_PATHS, THEME  # noqa: E402

# Pelican resolves these against this file's folder; point them back at the project.
THEME = str(ROOT / THEME)
PLUGIN_PATHS = [str(ROOT / path) for path in PLUGIN_PATHS]
CACHE_PATH = os.environ["BENCH_CACHE_PATH"]
