"""What `make` installs is what was locked: every package in requirements.lock is pinned
with the sha256 of its files, pip installs it with --require-hashes, and the pins of
pyproject.toml are the lock's."""

import re
import tomllib

from site_helpers import ROOT

LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of every requirement in the lock."""
    locked = {}
    text = LOCK.read_text("utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        found = PIN.match(line)
        if found:
            locked[_normal(found[1])] = (found[2], re.findall(r"--hash=sha256:([0-9a-f]{64})",
                                                              line))
    return locked


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_locked_package_has_its_hashes():
    locked = _locked()
    assert len(locked) > 30
    unhashed = [name for name, (_, hashes) in locked.items() if not hashes]
    assert unhashed == [], "run scripts/lock-hashes.sh"


def test_pyproject_pins_are_the_locks():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    pins = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"][
        "test"], *project["build-system"]["requires"]]
    locked = _locked()
    for pin in pins:
        name, version = re.match(r"([A-Za-z0-9._-]+)(?:\[[^]]*\])?==(\S+)", pin).groups()
        assert locked[_normal(name)][0] == version, pin


def test_make_installs_the_lock_with_its_hashes_only():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r " \
        "requirements.lock" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile  # no unchecked build backend
