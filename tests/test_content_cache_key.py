"""The content cache is read only by the code that wrote it (plugins/content_cache_key):
a cache written by other code (an older sanitiser) is not used."""

import json
import subprocess
import sys

from pelican import Pelican

import pelican_contract
from content_cache_key.content_cache_key import KEY_FILE, cache_key, code_hash
from sitetool.pipeline import load_settings
from sitetool_helpers import ROOT, story, write

POISON = "<p>UNSANITISED<script>alert(1)</script></p>"


def _settings(tmp_path, **overrides):
    return load_settings(ROOT / "pelicanconf.py", {
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache"), "BUILD_DATE": "2026-11-23", **overrides})


def _read(tmp_path):
    """Read the site as a build does: (the story, its generator's readers)."""
    _, generators = pelican_contract.make_generators(Pelican(_settings(tmp_path)))
    pelican_contract.generate_contexts(generators)
    articles = next(g for g in generators if type(g).__name__ == "ArticlesGenerator")
    story = next(a for a in articles.articles if a.lang == "lv")
    return story, articles.readers


def _poison_the_cache(tmp_path):
    """The cache as older code could have left it: the story's body unsanitised."""
    story, readers = _read(tmp_path)
    _, metadata = readers.get_cached_data(story.source_path)
    readers.cache_data(story.source_path, (POISON, metadata))
    readers.save_cache()
    return story.source_path


def test_a_cache_written_by_other_code_is_not_used(tmp_path):
    story(tmp_path / "content", "2024/zina", "Ziņa")
    _read(tmp_path)
    key_file = tmp_path / "cache" / KEY_FILE
    key = key_file.read_text().strip()
    assert key == cache_key(_settings(tmp_path))

    _poison_the_cache(tmp_path)
    assert "UNSANITISED" in _read(tmp_path)[0].content  # same code: the cache is used

    _poison_the_cache(tmp_path)
    older = cache_key(_settings(tmp_path, CONTENT_CACHE_KEY_CODE=[str(tmp_path / "old")]))
    assert older != key
    key_file.write_text(older + "\n")  # the key the older code wrote with the cache
    read = _read(tmp_path)[0]
    assert "UNSANITISED" not in read.content and "Teksts" in read.content
    assert key_file.read_text().strip() == key  # the cache is this code's now
    assert "UNSANITISED" not in _read(tmp_path)[0].content


def test_a_cache_with_no_key_is_not_used(tmp_path):
    story(tmp_path / "content", "2024/zina", "Ziņa")
    _poison_the_cache(tmp_path)
    (tmp_path / "cache" / KEY_FILE).unlink()  # a cache made before keys were written
    assert "UNSANITISED" not in _read(tmp_path)[0].content


def test_the_key_changes_with_the_code_and_the_settings_and_nothing_else(tmp_path):
    story(tmp_path / "content", "2024/zina", "Ziņa")
    code = tmp_path / "plugins"
    write(code / "reader" / "__init__.py", "ALLOWED = ['p']\n")
    settings = _settings(tmp_path, CONTENT_CACHE_KEY_CODE=[str(code)])
    key = cache_key(settings)
    assert cache_key({**settings, "OUTPUT_PATH": "elsewhere", "BUILD_DATE": "2027-01-01"}) == key
    assert cache_key({**settings, "BODY_ID_PREFIX": "other-"}) != key
    changed = tmp_path / "newer"
    write(changed / "reader" / "__init__.py", "ALLOWED = ['p', 'iframe']\n")
    assert code_hash((str(changed),)) != code_hash((str(code),))
    # the same in another process: no setting prints an address or a time
    overrides = {name: settings[name] for name in ("PATH", "OUTPUT_PATH", "CACHE_PATH",
                                                   "BUILD_DATE", "CONTENT_CACHE_KEY_CODE")}
    other = subprocess.run(
        [sys.executable, "-c", "import json, sys; from sitetool.pipeline import load_settings; "
         "from content_cache_key.content_cache_key import cache_key; "
         "print(cache_key(load_settings(sys.argv[1], json.loads(sys.argv[2]))))",
         str(ROOT / "pelicanconf.py"), json.dumps(overrides)],
        capture_output=True, text=True, cwd=ROOT, check=True,
        env={"PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"})
    assert other.stdout.strip() == key


def test_a_settings_file_importing_its_markdown_keeps_the_key_from_build_to_build(tmp_path):
    """publishconf.py takes MARKDOWN from the pelicanconf module; Pelican's Markdown
    reader adds its extensions to that dict. The next build in the same process (the
    preview's next rebuild) must have the same settings, hence the same cache key — with
    another key it read every source again."""
    from pelican.readers import MarkdownReader

    (tmp_path / "content").mkdir()

    def loaded():
        return load_settings(ROOT / "publishconf.py", {
            "PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")})

    first = loaded()
    key = cache_key(first)
    MarkdownReader(first)  # what reading the first build's sources does to its settings
    assert "extensions" in first["MARKDOWN"]
    assert cache_key(loaded()) == key
