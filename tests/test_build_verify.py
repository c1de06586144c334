"""`sitetool build --verify`: the build is compared file by file with a clean build of
the same content (`sitetool/verify.py`) and published only if they are the same."""

import gzip
import pickle
from pathlib import Path

from sitetool.verify import differences
from sitetool_helpers import ROOT, sitetool, story, tree_digest

SETTINGS = ROOT / "benchmarks" / "benchconf.py"  # the caches under BENCH_CACHE_PATH
SAME = "A clean build of the same content made the same files."


def _build(tmp_path: Path, content: Path, output: Path, *extra: str):
    return sitetool("build", "--settings", str(SETTINGS), "--content", str(content),
                    "--output", str(output), "--today", "2026-11-23", *extra,
                    env={"LANG": "C.UTF-8", "BENCH_CACHE_PATH": str(tmp_path / "cache")})


def test_a_build_equal_to_a_clean_build_is_published_and_says_so(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    story(content, "2024/laba-zina", "Laba ziņa")
    first = _build(tmp_path, content, output, "--verify")
    assert first.returncode == 0, first.stderr
    assert SAME in first.stdout.splitlines()
    # the warm build (caches, the spare site) after an edit, verified too
    source = story(content, "2024/laba-zina", "Laba ziņa, labota")
    second = _build(tmp_path, content, output, "--verify")
    assert second.returncode == 0, second.stderr
    assert SAME in second.stdout.splitlines()
    assert "Laba ziņa, labota" in (output / "jaunumi/2024/laba-zina/index.html").read_text()
    assert source.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".output.spare", "cache", "content", "output"], "the clean build's folder stays"


def test_a_build_that_missed_a_change_fails_and_leaves_the_site(tmp_path):
    """A stale reading in Pelican's content cache (planted: the cached body of a story
    whose file is unchanged) makes the warm build publish old text; --verify catches it."""
    content, output = tmp_path / "content", tmp_path / "output"
    source = story(content, "2024/laba-zina", "Laba ziņa")
    assert _build(tmp_path, content, output).returncode == 0
    before = tree_digest(output, with_times=True)
    readings = tmp_path / "cache" / "ArticlesGenerator-Readers"
    cached = pickle.loads(gzip.decompress(readings.read_bytes()))
    stamp, (body, metadata) = cached[str(source)]
    cached[str(source)] = (stamp, (body.replace("Teksts", "Novecojis teksts"), metadata))
    readings.write_bytes(gzip.compress(pickle.dumps(cached)))
    # the next day: the build record sees a change (a real build, not "nothing changed")
    # and every page is rendered again (an edit to the text would be read again, and
    # only the pages showing it rendered: sitetool/incremental.py)
    next_day = ("--today", "2026-11-24")

    failed = _build(tmp_path, content, output, "--verify", *next_day)
    assert failed.returncode == 1
    lines = failed.stderr.splitlines()
    assert lines[0] == f"Build failed; {output} was left as it was."
    page = output / "jaunumi/2024/laba-zina/index.html"
    assert f"{page}:1: differs from a clean build of the same content: its bytes differ — " \
        "nothing was published: run the same command again with --no-cache and send these " \
        "lines to whoever looks after the site" in lines
    assert tree_digest(output, with_times=True) == before
    assert not [p for p in tmp_path.iterdir() if ".verify-" in p.name]
    # without --verify the same build publishes the stale page: what the flag is for
    assert _build(tmp_path, content, output, *next_day).returncode == 0
    assert "Novecojis teksts" in page.read_text("utf-8")


def test_differences_name_each_file_and_how(tmp_path):
    built, clean = tmp_path / "built", tmp_path / "clean"
    for site in (built, clean):
        (site / "pagefind/filter").mkdir(parents=True)
        (site / "same.html").write_text("same")
        (site / "changed.html").write_text("one")
        # Pagefind's names and bytes differ from run to run: only their number counts
        (site / f"pagefind/filter/en_{site.name[0]}1a2b3c.pf_filter").write_text(site.name)
    (clean / "changed.html").write_text("two")
    (built / "stale.html").write_text("left over")
    (clean / "missing.html").write_text("new page")
    assert differences(built, clean) == [
        ("changed.html", "its bytes differ"),
        ("missing.html", "the clean build wrote it, this build did not"),
        ("stale.html", "this build wrote it, the clean build did not")]
    (clean / "pagefind/filter/en_9f9f9f9.pf_filter").write_text("one more")
    assert ("pagefind/filter/en_(hash).pf_filter #2",
            "the clean build wrote it, this build did not") in differences(built, clean)
