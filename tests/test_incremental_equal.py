"""A warm build is a clean build: after any sequence of editors' edits, the site that
`sitetool build` makes from what the last build left — its build record, Pelican's
content cache, the compiled templates, the gallery's renditions and the previous site as
its staging folder — is byte for byte the site a build from nothing makes of the same
content on the same day (Pagefind's few files of random order compared by number:
`sitetool/verify.py`).

Property-based (Hypothesis): random sequences of the edits of `site_edits.py` on a
generated site of a few dozen stories, a build after each step. A build costs seconds,
so one sequence runs here, another each run (a failure prints the steps);
`benchmarks/incremental_equal.py` runs more, on a larger site.
"""

import importlib.util
import random
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from site_edits import EDITS, Site, build, warm_against_clean
from sitetool_helpers import ROOT

STORIES = 24  # per language, besides the project's pages, services and offices
BUILD_DAY = date(2026, 11, 23)

# a step: one to three edits, each with the seed of what it picks
STEPS = st.lists(st.lists(st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 2**16)),
                          min_size=1, max_size=3), min_size=1, max_size=3)


def generate_site(out: Path, stories: int) -> Path:
    """`benchmarks/generate_site.py`'s site of `stories` per language; its content folder."""
    spec = importlib.util.spec_from_file_location("generate_site",
                                                  ROOT / "benchmarks" / "generate_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(out, stories)
    return out / "content"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The generated site built twice in `work` — the first build, and one that replaces
    its site, kept as the next build's staging folder: from the first edit on, every
    build is warm in all it reuses (and checked, --verify) — and a copy of `work` as
    the builds left it."""
    folder = tmp_path_factory.mktemp("generated")
    work = folder / "work"
    site = Site(work / "content", BUILD_DAY)
    shutil.copytree(generate_site(folder / "generated", STORIES), site.content)
    build(site, work / "output", work / "cache")
    build(site, work / "output", work / "cache", "--verify")
    shutil.copytree(work, folder / "as-built", symlinks=True)
    return work, folder / "as-built"


def fresh_site(built: tuple[Path, Path]) -> tuple[Site, Path]:
    """The site as the two builds left it, back in the folder they were made in (the
    records and caches name it; copies keep each file's size and modification time,
    which is all they compare), and that folder."""
    work, as_built = built
    shutil.rmtree(work)
    shutil.copytree(as_built, work, symlinks=True)
    site = Site(work / "content", BUILD_DAY)
    # "Nothing has changed" (a fraction of a second), unless a file of the program did
    # since `built` (edited while the tests run): then a build like its second
    build(site, work / "output", work / "cache")
    return site, work


@settings(max_examples=1, deadline=None, database=None, print_blob=True,
          phases=[Phase.explicit, Phase.generate],  # shrinking would rebuild for minutes
          suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
def test_a_warm_build_after_random_edits_is_the_clean_build(built, steps):
    site, work = fresh_site(built)
    for number, edits in enumerate(steps, 1):
        for name, seed in edits:
            EDITS[name](site, random.Random(seed))
        found, _, _ = warm_against_clean(site, work)
        assert not found, f"after step {number} of {steps}: {found[:10]}"


def test_every_edit_changes_the_site_and_the_warm_build_is_the_clean_one(built):
    """Each edit once, in one step: each changes the content (or the day) and leaves it
    buildable, and the warm build after them all is the clean one — every kind of edit
    runs in every `make test`."""
    site, work = fresh_site(built)

    def files():
        return sorted((p.relative_to(site.content), p.read_bytes())
                      for p in site.content.rglob("*") if p.is_file())

    rng = random.Random(20)
    for name in EDITS:  # untranslate before translate, add_photo before remove_photo
        before, today = files(), site.today
        EDITS[name](site, rng)
        assert files() != before or site.today != today, f"{name} changed nothing"
    found, _, _ = warm_against_clean(site, work)
    assert not found, f"after every edit: {found[:10]}"
