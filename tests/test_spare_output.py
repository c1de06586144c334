"""The site a build replaces is kept as the next build's staging folder
(`sitetool/spare_output.py`): a build into it must make exactly the site a build into an
empty folder makes."""

import shutil

from site_helpers import PAGEFIND_UNSTABLE, build_site, stable_files, tree_digest

STORY_WITH_PHOTOS = "news/2025/socialie-darbinieki-macibu-vizite-igaunija"
STORY = "news/2024/sociala-virtuve-parcelas-uz-stacijas-ielu"


def _files(folder):
    """Every file's path; those whose names Pagefind draws anew each run, counted only."""
    paths = (p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return sorted(PAGEFIND_UNSTABLE.sub("pagefind/(a name drawn anew)", p) for p in paths)


def _built(content, output):
    result = build_site(content, output)
    assert result.returncode == 0, result.stderr
    return output


def test_a_build_into_the_spare_makes_what_a_build_into_an_empty_folder_makes(
        sample_content, tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(sample_content, content)
    _built(content, output)
    home_inode = (output / "index.html").stat().st_ino
    # the second build replaces the first site, which is kept as the spare …
    shutil.rmtree(content / STORY)
    _built(content, output)
    assert (tmp_path / ".output.spare" / "index.html").stat().st_ino == home_inode
    # … and the third writes into it: two stories gone since, one with a gallery
    shutil.rmtree(content / STORY_WITH_PHOTOS)
    _built(content, output)
    assert (output / "index.html").stat().st_ino == home_inode, "the spare was not used"

    fresh = _built(content, tmp_path / "fresh")
    assert _files(output) == _files(fresh)  # nothing stale left, Pagefind's included
    assert [name for name in stable_files(fresh)
            if (output / name).read_bytes() != (fresh / name).read_bytes()] == []
    gone = (STORY.split("/")[-1], STORY_WITH_PHOTOS.split("/")[-1])
    assert not any(slug in name for name in _files(output) for slug in gone)
    assert (tmp_path / ".output.spare").is_dir()  # the second site, for the next build


def test_a_failed_build_into_the_spare_leaves_the_site_and_its_time_stamps(sample_content,
                                                                           tmp_path):
    """The spare's files are stamped `UNWRITTEN` before the build: not one of the site
    being served, even where the two share a file (the gallery's links)."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(sample_content, content)
    _built(content, output)
    _built(content, output)
    before = tree_digest(output, with_times=True)
    story = content / STORY / "index.lv.md"
    story.write_text(story.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    failed = build_site(content, output)
    assert failed.returncode == 1
    assert tree_digest(output, with_times=True) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]
