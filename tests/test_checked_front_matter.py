"""Each source's checked front matter is kept between builds
(plugins/bundle_reader/checked.py): a build asks the memo, not the content schema, for a
file it checked before — a value planted in the memo is what the page shows —, and a
build with other settings, code or day checks every file again."""

import pickle
from pathlib import Path

from sitetool_helpers import ROOT, sitetool, story

SETTINGS = ROOT / "benchmarks" / "benchconf.py"  # the caches under BENCH_CACHE_PATH


def _build(content: Path, output: Path, cache: Path, *extra: str) -> None:
    result = sitetool("build", "--settings", str(SETTINGS), "--content", str(content),
                      "--output", str(output), "--today", "2026-11-23", *extra,
                      env={"LANG": "C.UTF-8", "BENCH_CACHE_PATH": str(cache)})
    assert result.returncode == 0, result.stderr


def _plant(cache: Path, title: str) -> None:
    """Every kept result of the memo gets `title` as its title."""
    memo = cache / "checked-front-matter.pickle"
    key, kept = pickle.loads(memo.read_bytes())
    assert kept, "the build kept no checked front matter"
    for name, result in kept.items():
        values, problems = pickle.loads(result)
        kept[name] = pickle.dumps(({**values, "title": title}, problems))
    memo.write_bytes(pickle.dumps((key, kept)))


def test_a_file_checked_before_is_not_checked_again_until_settings_or_day_change(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    source = story(content, "2024/pirma", "Pirmā ziņa", english=None)
    story(content, "2024/otra", "Otrā ziņa", english=None)
    page = output / "jaunumi" / "2024" / "pirma" / "index.html"
    _build(content, output, cache)
    assert "Pirmā ziņa" in page.read_text("utf-8")

    _plant(cache, "Iestādīts virsraksts")
    source.write_text(source.read_text("utf-8") + "\nLabots.\n", "utf-8")  # text only
    _build(content, output, cache)
    assert "Iestādīts virsraksts" in page.read_text("utf-8"), (
        "the front matter of an unchanged file was checked again, not taken from the memo")

    _plant(cache, "Iestādīts virsraksts")
    _build(content, output, cache, "--site-url", "https://example.lv")  # other settings
    assert "Pirmā ziņa" in page.read_text("utf-8")

    _plant(cache, "Iestādīts virsraksts")
    _build(content, output, cache, "--today", "2026-11-24")  # another day
    assert "Pirmā ziņa" in page.read_text("utf-8")
