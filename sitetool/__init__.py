"""The editors' command-line tool: `sitetool new`, `check`, `serve`, `build`."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    # the content schema and the plugins' helpers, as Pelican's PLUGIN_PATHS finds them
    sys.path.insert(0, str(ROOT / "plugins"))
