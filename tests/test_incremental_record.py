"""The pages record's note of each story (sitetool/incremental.py `_sources`): a story
whose size, times and inode are as recorded keeps its recorded hashes — it is not read
again —, and any save gives it new ones."""

import os
import time

from sitetool import build_record
from sitetool.incremental import _sources
from sitetool_helpers import write

STORY = "news/2024/pirma/index.lv.md"


def _noted(content, recorded):
    settings = {"PATH": str(content), "ARTICLE_PATHS": ["news"], "IGNORE_FILES": [".*"]}
    return _sources(settings, list(build_record.content_files(settings)), recorded)


def test_a_story_as_recorded_is_not_read_and_a_saved_one_is(tmp_path):
    content = tmp_path / "content"
    write(content / STORY, "---\ntitle: Pirmā\n---\nTeksts.\n")
    write(content / "pages" / "par-mums" / "index.lv.md", "---\ntitle: Par\n---\nX.\n")
    first = _noted(content, {})
    front, whole, stamp = first[STORY]
    # a record whose hashes this file never had: kept, so the file was not read
    recorded = {STORY: ["front matter then", "whole then", stamp]}
    assert _noted(content, recorded)[STORY] == recorded[STORY]

    with open(content / STORY, "a", encoding="utf-8") as source:  # the editor saves
        source.write("Labots.\n")
    now = _noted(content, recorded)[STORY]
    assert now[0] == front and now[1] not in (whole, "whole then") and now[2] != stamp


def test_a_story_written_again_with_the_same_size_and_time_is_read_again(tmp_path):
    content = tmp_path / "content"
    path = content / STORY
    write(path, "---\ntitle: Pirmā\n---\nTeksts A.\n")
    before = _noted(content, {})
    times = os.stat(path)
    time.sleep(0.05)  # past the file system clock's tick (a few ms): another change time
    path.write_text("---\ntitle: Pirmā\n---\nTeksts B.\n", encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))  # a copy keeping times
    after = _noted(content, before)
    assert after[STORY][1] != before[STORY][1], (
        "a file changed under the same size and modification time kept its old hash: "
        "its change time must be part of the stamp")
