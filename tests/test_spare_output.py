"""The site a build replaces is kept as the next build's staging folder
(`sitetool/spare_output.py`): a build into it must make exactly the site a build into an
empty folder makes."""

import shutil
from types import SimpleNamespace

import pytest

from site_helpers import PAGEFIND_UNSTABLE, build_site, stable_files, tree_digest

STORY_WITH_PHOTOS = "news/2025/socialie-darbinieki-macibu-vizite-igaunija"
STORY = "news/2024/sociala-virtuve-parcelas-uz-stacijas-ielu"
STORY_BROKEN = "news/2025/aprupe-majas-pieejama-ari-eglupes-pagasta"  # one still there


def _files(folder):
    """Every file's path; those whose names Pagefind draws anew each run, counted only."""
    paths = (p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return sorted(PAGEFIND_UNSTABLE.sub("pagefind/(a name drawn anew)", p) for p in paths)


def _built(content, output):
    result = build_site(content, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def spare_builds(site, sample_content, tmp_path_factory):
    """Three sites in one output folder — the session's site copied in (the same
    content built for another address: every page differs from the later builds'), a
    build that replaces it, and a third written into the spare the second left — two
    stories gone since the first, one with a gallery; what a build into an empty folder
    makes of the same content. What the tests compare is taken before any of them runs:
    the folder goes on to the failed build's test."""
    folder = tmp_path_factory.mktemp("spare")
    content, output = folder / "content", folder / "output"
    shutil.copytree(sample_content, content)
    shutil.copytree(site.root, output)
    home_inode = (output / "index.html").stat().st_ino
    # the second build replaces the first site, which is kept as the spare …
    shutil.rmtree(content / STORY)
    _built(content, output)
    spare_inode = (folder / ".output.spare" / "index.html").stat().st_ino
    # … and the third writes into it
    shutil.rmtree(content / STORY_WITH_PHOTOS)
    _built(content, output)
    fresh = _built(content, tmp_path_factory.mktemp("fresh") / "output")
    return SimpleNamespace(
        folder=folder, home_inode=home_inode, spare_inode=spare_inode,
        third_inode=(output / "index.html").stat().st_ino,
        files=_files(output), fresh_files=_files(fresh),
        differing=[name for name in stable_files(fresh)
                   if (output / name).read_bytes() != (fresh / name).read_bytes()],
        spare_kept=(folder / ".output.spare").is_dir())


def test_a_build_into_the_spare_makes_what_a_build_into_an_empty_folder_makes(spare_builds):
    assert spare_builds.spare_inode == spare_builds.home_inode
    assert spare_builds.third_inode == spare_builds.home_inode, "the spare was not used"
    assert spare_builds.files == spare_builds.fresh_files  # nothing stale, Pagefind's too
    assert spare_builds.differing == []
    gone = (STORY.split("/")[-1], STORY_WITH_PHOTOS.split("/")[-1])
    assert not any(slug in name for name in spare_builds.files for slug in gone)
    assert spare_builds.spare_kept  # the second site, for the next build


def test_a_failed_build_into_the_spare_leaves_the_site_and_its_time_stamps(spare_builds):
    """The spare's files are stamped `UNWRITTEN` before the build: not one of the site
    being served, even where the two share a file (the gallery's links)."""
    folder = spare_builds.folder
    content, output = folder / "content", folder / "output"
    assert (folder / ".output.spare").is_dir()
    before = tree_digest(output, with_times=True)
    story = content / STORY_BROKEN / "index.lv.md"
    story.write_text(story.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    failed = build_site(content, output)
    assert failed.returncode == 1
    assert tree_digest(output, with_times=True) == before
    assert sorted(p.name for p in folder.iterdir()) == ["content", "output"]
