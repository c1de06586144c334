"""How long an edited story takes to show in `sitetool serve`'s preview.

    .venv/bin/python benchmarks/preview_edit.py --stories 500

Generates N stories per language (generate_site.py), starts the real `sitetool serve` on
a free port, listens to its reload events as an open browser tab does, then edits one
story's Latvian text several times (a different story each time) and prints, per edit,
the seconds from saving the file to the reload event and to the edited text being served
(what an editor waits for: the watcher, the rebuild, the reload, the page), and the CPU
time the preview process spent on it (from /proc: what the rebuild costs whatever else
the machine is doing). The edits change a story's text only, so the preview puts the new
text into the site it read before (sitetool/preview_text.py); build_speed.py's preview
row times that same rebuild alone, in-process. The targets: 2 s at 500 stories per
language (issue 8), 1 s at 2,500 (issue 20). Not a test: the machine is shared, so read
the wall times with its load.
"""

import argparse
import contextlib
import os
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_site import ROOT, generate

TARGET_SECONDS = {500: 2.0, 2500: 1.0}  # stories per language -> seconds (issues 8, 20)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def follow_events(url: str, events: queue.Queue) -> None:
    """Put (event name, arrival time) on `events` for every server-sent event."""
    with urllib.request.urlopen(url) as stream:
        for raw in stream:
            line = raw.decode().strip()
            if line.startswith("event:"):
                events.put((line.split(":", 1)[1].strip(), time.perf_counter()))


def wait_for(predicate, timeout: float, step: float = 0.02):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return time.perf_counter()
        time.sleep(step)
    raise TimeoutError


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


@contextlib.contextmanager
def preview(content: Path, output: Path, port: int):
    env = {**os.environ, "SITETOOL_LANG": "en"}
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitetool", "serve", "--content", str(content), "--output",
         str(output), "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in server.stdout:
            print("  serve:", line.rstrip())
            if line.startswith("Preview:"):
                break
        else:
            raise RuntimeError("sitetool serve stopped before serving")
        # keep reading its output so that it never blocks on a full pipe
        threading.Thread(target=lambda: [print("  serve:", x.rstrip()) for x in server.stdout],
                         daemon=True).start()
        yield time.perf_counter() - started, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure(stories: int, edits: int, seed: int) -> None:
    work = ROOT / "benchmarks" / "work" / f"preview-n{stories}"
    print(f"Generating {stories} stories per language in {work} …")
    made = generate(work, stories, seed)
    content, output, port = work / "content", work / "output", free_port()
    base = f"http://127.0.0.1:{port}"
    with preview(content, output, port) as (startup, pid):
        print(f"First build and start: {startup:.1f} s")
        events: queue.Queue = queue.Queue()
        threading.Thread(target=follow_events, args=(f"{base}/_sitetool/events", events),
                         daemon=True).start()
        time.sleep(0.5)  # the event stream is open, as in a browser tab
        step = max(1, len(made) // edits)
        results = []
        for number in range(edits):
            story = made[number * step]
            source = content / story.folder / "index.lv.md"
            url = f"{base}/jaunumi/{story.day.year}/{story.slug}/"
            marker = f"Labojums-{number}-{time.time_ns()}"
            text = source.read_text("utf-8")
            body_start = text.index("\n---\n", 4) + 5
            cpu_before, saved = cpu_seconds(pid), time.perf_counter()
            source.write_text(text[:body_start] + f"{marker}\n\n" + text[body_start:], "utf-8")
            name, reloaded = events.get(timeout=60)
            while name != "reload":
                name, reloaded = events.get(timeout=60)
            shown = wait_for(lambda u=url, m=marker: m in fetch(u), timeout=60)
            cpu = cpu_seconds(pid) - cpu_before
            results.append((shown - saved, cpu))
            print(f"edit {number + 1}: reload after {reloaded - saved:.2f} s, "
                  f"visible after {shown - saved:.2f} s, {cpu:.2f} s CPU ({story.folder})")
            time.sleep(1.0)
    visible, cpu = [shown for shown, _ in results], [used for _, used in results]
    load = os.getloadavg()[0]
    goal = TARGET_SECONDS.get(stories)
    target = f"≤ {goal:g} s" if goal else "—"
    print()
    print("| stories per language | edits | visible: median | visible: max | CPU per edit: "
          "median | load average | target |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {stories} | {edits} | {statistics.median(visible):.2f} s | "
          f"{max(visible):.2f} s | {statistics.median(cpu):.2f} s | {load:.1f} on "
          f"{os.cpu_count()} cores | {target} |")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=500, help="stories per language")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    measure(args.stories, args.edits, args.seed)


if __name__ == "__main__":
    main()
