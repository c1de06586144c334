"""`sitetool` works from any folder: the settings' paths to the project's own files are
made from pelicanconf.py's folder, not the current one; a path naming no folder fails the
build instead of publishing pages with English words."""

import os
import subprocess
import sys
from pathlib import Path

from sitetool_helpers import ROOT, TODAY, story, write

SKIP_LINK = {"lv": "Pāriet uz galveno saturu", "en": "Skip to main content"}


def _sitetool_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "sitetool", "--lang", "en", *args],
                          cwd=folder, env=environment, capture_output=True, text=True,
                          check=False)


def _build_in(folder: Path, *settings: str) -> tuple[subprocess.CompletedProcess, Path]:
    content = folder / "content"
    story(content, "2024/majas", "Mājas aprūpe", english="Home care")
    output = folder / "output"
    return _sitetool_in(folder, "build", "--content", "content", "--output", "output",
                        "--today", TODAY, "--no-cache", *settings), output


def test_a_build_from_another_folder_has_the_theme_in_each_language(tmp_path):
    assert not (tmp_path / "theme").exists()  # nothing here to find by chance
    result, output = _build_in(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert SKIP_LINK["lv"] in (output / "index.html").read_text("utf-8")
    assert SKIP_LINK["en"] in (output / "en" / "index.html").read_text("utf-8")


def test_translations_of_the_theme_not_found_fail_the_build(tmp_path):
    """As UI_TRANSLATIONS_DIR was ("theme/translations", from the current folder)."""
    settings = write(tmp_path / "settings.py",
                     f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                     "from pelicanconf import *\n"
                     f"THEME = {str(ROOT / 'theme')!r}\n"
                     f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                     'UI_TRANSLATIONS_DIR = "theme/translations"\n')
    result, output = _build_in(tmp_path, "--settings", str(settings), "--debug")
    assert result.returncode != 0
    assert "UI_TRANSLATIONS_DIR names no folder: 'theme/translations'" in result.stderr
    assert not output.exists()
