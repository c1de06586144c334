"""ruff sorts every module of ours (each plugin package and library in plugins/) as
first-party, apart from the installed packages, as `make lint` expects (pyproject.toml:
[tool.ruff] src)."""

import subprocess
import sys
from pathlib import Path

from sitetool_helpers import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def _our_modules() -> list[str]:
    plugins = ROOT / "plugins"
    return sorted([p.name for p in plugins.iterdir() if (p / "__init__.py").is_file()]
                  + [p.stem for p in plugins.glob("*.py")])


def _sorted_as_first_party(module: str) -> subprocess.CompletedProcess:
    """ruff on a file that imports `pelican` (installed) and then, in a block of its own,
    `module`: clean only when `module` is first-party."""
    source = f"import pelican\n\nimport {module}\n\nprint(pelican, {module})\n"
    return subprocess.run([str(RUFF), "check", "--select", "I", "--stdin-filename",
                           "sitetool/first_party_probe.py", "-"], input=source, cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_every_module_in_plugins_is_first_party():
    modules = _our_modules()
    assert {"typography", "plugin_order", "pelican_contract", "worker_processes"} <= set(modules)
    third_party = [m for m in modules if _sorted_as_first_party(m).returncode != 0]
    assert not third_party, f"ruff takes these for installed packages: {third_party}"


def test_an_installed_package_is_not():
    """The probe can fail: an installed package in its own block is unsorted."""
    assert _sorted_as_first_party("jinja2").returncode != 0
