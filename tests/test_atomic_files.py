"""A file a build keeps is written whole or not at all (plugins/atomic_files.py): the old
content survives a crash mid-write, the temporary file is beside the target, and an
error leaves no temporary file behind."""

import gzip
import subprocess
import sys

import pytest

import atomic_files
from sitetool_helpers import ROOT

# Writes half of a new content through the helper, then dies as a killed build does.
CRASHING_WRITER = """
import os, sys
sys.path.insert(0, {plugins!r})
import atomic_files
with atomic_files.replacing({path!r}, "w", encoding="utf-8") as file:
    file.write("new content, first half")
    file.flush()
    os._exit(9)
"""


def test_a_process_dying_mid_write_leaves_the_old_file_whole(tmp_path):
    record = tmp_path / "record.json"
    record.write_text("old content, whole", "utf-8")
    died = subprocess.run([sys.executable, "-c", CRASHING_WRITER.format(
        plugins=str(ROOT / "plugins"), path=str(record))], check=False)
    assert died.returncode == 9
    assert record.read_text("utf-8") == "old content, whole"
    # What it had written is in its temporary file beside the record, never in the record.
    [half_written] = [path for path in tmp_path.iterdir() if path != record]
    assert half_written.read_text("utf-8") == "new content, first half"


def test_an_error_while_writing_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    record = tmp_path / "record.json"
    record.write_text("old", "utf-8")
    with pytest.raises(ValueError), atomic_files.replacing(record, "w") as file:
        file.write("half")
        raise ValueError("the writer failed")
    assert record.read_text("utf-8") == "old"
    assert list(tmp_path.iterdir()) == [record]


def test_a_writer_taking_a_name_gets_one_beside_the_target(tmp_path):
    target = tmp_path / "cache" / "ab" / "photo-320.jpeg"
    target.parent.mkdir(parents=True)
    with atomic_files.replaced(target) as temporary:
        assert temporary.parent == target.parent
        assert temporary.name.startswith(".") and temporary.name.endswith(".tmp")
        temporary.write_bytes(b"pixels")
        assert not target.exists()  # nothing under the real name until the block ends
    assert target.read_bytes() == b"pixels"
    assert list(target.parent.iterdir()) == [target]


def test_a_writer_that_wrote_nothing_fails_without_touching_the_target(tmp_path):
    target = tmp_path / "photo.webp"
    target.write_bytes(b"old")
    with pytest.raises(FileNotFoundError), atomic_files.replaced(target):
        pass  # e.g. Pillow raising nothing but saving nowhere
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_two_writers_of_one_process_never_share_a_temporary_name(tmp_path):
    target = tmp_path / "manifest.json"
    with atomic_files.replaced(target) as first, atomic_files.replaced(target) as second:
        assert first != second
        first.write_text("first")
        second.write_text("second")
    assert target.read_text() == "first"  # the outer block ended last
    assert list(tmp_path.iterdir()) == [target]


def test_text_and_an_opener_of_ones_own(tmp_path):
    atomic_files.write_atomically(tmp_path / "addresses.yml", "Ādaži: ādaži\n")
    assert (tmp_path / "addresses.yml").read_text("utf-8") == "Ādaži: ādaži\n"
    with atomic_files.replacing(tmp_path / "cache.gz", "wb", opener=gzip.open) as file:
        file.write(b"pickled")
    assert gzip.decompress((tmp_path / "cache.gz").read_bytes()) == b"pickled"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["addresses.yml", "cache.gz"]


def test_a_folder_that_cannot_be_written_raises_and_leaves_nothing(tmp_path):
    missing = tmp_path / "no such folder" / "record.json"
    with pytest.raises(FileNotFoundError):
        atomic_files.write_atomically(missing, "x")
    assert list(tmp_path.iterdir()) == []


def test_the_module_imports_nothing_of_pelican():
    # The gallery's image workers import it; Pelican would cost each ~0.4 s (pixels.py).
    imported = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'plugins'); "
         "import atomic_files; print(sorted(m for m in sys.modules if 'pelican' in m))"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "[]"
