"""Production settings: pelicanconf.py plus the public address. Built with
`sitetool build --settings publishconf.py --strict` (warnings are errors)."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: F403

SITEURL = "https://socialais-dienests.example.lv"
LOAD_CONTENT_CACHE = False
