"""What the sitetool tests share: running the real command, writing small content trees."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

from site_helpers import ROOT, TODAY, tree_digest

STORY = """---
title: {title}
date: {date}
kind: visit
---
Teksts.
"""


def sitetool(*args: str, lang: str | None = "en", env: dict | None = None,
             ) -> subprocess.CompletedProcess:
    """`sitetool …` in its own process, as an editor runs it. `lang=None` leaves the
    language to the environment (`env` replaces SITETOOL_LANG, LANG …)."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("SITETOOL_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    environment.update(env if env is not None else {"LANG": "C.UTF-8"})
    command = [sys.executable, "-m", "sitetool", *(["--lang", lang] if lang else []), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env=environment, check=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def story(content: Path, folder: str, title: str, date: str = "2024-05-02",
          english: str | None = "") -> Path:
    """A visit story `news/<folder>/` (with an English twin unless `english` is None; its
    title by default the Latvian one and "(English)", so each has an address of its own)."""
    source = write(content / "news" / folder / "index.lv.md",
                   STORY.format(title=title, date=date))
    if english is not None:
        write(content / "news" / folder / "index.en.md",
              f"---\ntitle: {english or title + ' (English)'}\n---\nText.\n")
    return source


def check_and_build(content: Path, output: Path, *extra: str,
                    ) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """`sitetool check` in Latvian and `sitetool build` in English of the same content,
    on the tests' day (`extra`: more options for both, e.g. `--settings`)."""
    options = ["--content", str(content), "--today", TODAY, "--no-cache", *extra]
    return (sitetool("check", *options, lang="lv"),
            sitetool("build", *options, "--output", str(output), lang="en"))


def lines_naming(result: subprocess.CompletedProcess, shown: str) -> list[str]:
    """The lines a command printed (on either stream) that name the file `shown`."""
    return [line for line in (result.stdout + result.stderr).splitlines()
            if line.startswith(shown + ":")]


__all__ = ["ROOT", "TODAY", "check_and_build", "lines_naming", "sitetool", "story",
           "tree_digest", "write"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_preview(tmp_path: Path):
    """`sitetool serve` on a copy of the project's content, stopped afterwards; gives the
    content folder, the preview's address and the lines it has printed so far (growing)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "sitetool", "serve", "--content", str(content), "--output",
         str(tmp_path / "output"), "--host", "127.0.0.1", "--port", url.rsplit(":", 1)[1]],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "SITE_TODAY": TODAY})
    lines = []
    for line in server.stdout:
        lines.append(line)
        if url in line:  # the line announcing the preview, in either language
            break
    else:
        server.wait()
        raise AssertionError("sitetool serve stopped: " + "".join(lines))
    threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
    try:
        yield content, url, lines
    finally:
        server.terminate()
        server.wait(timeout=30)
