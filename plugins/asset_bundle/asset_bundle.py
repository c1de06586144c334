"""The theme's CSS as one file and its scripts, each under a content-hashed name.

Each UI component keeps its own stylesheet in `theme/assets/css/` (numbered for order);
residents on slow connections get one small CSS request, and a web server can cache the
hashed files forever (see docs/deploy.md).

Signals:
- `initialized`: hash the sources and put `ASSET_URLS` ({"site.css": "theme/site.<hash>.css",
  "gallery.js": "theme/gallery.<hash>.js", …}) in the settings, so every template sees them;
- `finalized`: write those files into the output.
"""

import hashlib
from pathlib import Path

from pelican import signals


def _bundles(settings) -> dict[str, bytes]:
    assets = Path(settings["THEME"]) / "assets"
    css = b"".join(path.read_bytes() + b"\n" for path in sorted(assets.glob("css/*.css")))
    bundles = {"site.css": css}
    for script in sorted(assets.glob("js/*.js")):
        bundles[script.name] = script.read_bytes()
    return bundles


def _hashed_name(name: str, data: bytes) -> str:
    stem, suffix = name.rsplit(".", 1)
    return f"theme/{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{suffix}"


def compute_urls(pelican):
    bundles = _bundles(pelican.settings)
    pelican.settings["ASSET_URLS"] = {name: _hashed_name(name, data)
                                      for name, data in bundles.items()}


def write_bundles(pelican):
    for name, data in _bundles(pelican.settings).items():
        target = Path(pelican.settings["OUTPUT_PATH"]) / pelican.settings["ASSET_URLS"][name]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def register():
    signals.initialized.connect(compute_urls)
    signals.finalized.connect(write_bundles)
