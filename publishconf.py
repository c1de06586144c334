"""Production settings: pelicanconf.py plus the public address. Built with
`sitetool build --production` (these settings, and warnings are errors)."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: F403

SITEURL = "https://socialais-dienests.example.lv"
# Incremental like every other build (docs/incremental-build.md): the nightly build's
# --verify proves it equal to a clean one. A cache of its own, because the preview's
# settings (SITEURL) make another content-cache key and would replace it on every switch.
CACHE_PATH = ".cache/production"
