"""The gallery's spawned image workers do not run the build's main script
(plugins/gallery/processing.py, `_main_script_hidden`): multiprocessing's spawn imports it
again in each worker before its first photo — under `pelican` or a benchmark that is
all of Pelican, ~0.6 s of CPU a worker."""

import subprocess
import sys

from site_helpers import ROOT

# A build's main script: every process that runs its top level writes its id in the log.
MAIN_SCRIPT = """
import os
import sys

with open({log!r}, "a") as log:
    log.write(f"{{os.getpid()}}\\n")
sys.path.insert(0, {plugins!r})
from PIL import Image  # noqa: E402

from gallery.pixels import Job, Target  # noqa: E402
from gallery.processing import run_jobs  # noqa: E402

if __name__ == "__main__":
    source = {folder!r} + "/photo.jpg"
    Image.new("RGB", (600, 400), "red").save(source)
    jobs = [Job(source, 1, (300, 200),
                (Target(300, 200, "jpeg", {{}}, f"{folder}/{{n}}.jpg"),)) for n in range(4)]
    print(run_jobs(jobs, 2))
"""


def test_workers_do_not_run_the_main_script(tmp_path):
    log = tmp_path / "ran.log"
    script = tmp_path / "build_main.py"
    script.write_text(MAIN_SCRIPT.format(log=str(log), plugins=str(ROOT / "plugins"),
                                         folder=str(tmp_path)), "utf-8")
    finished = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip() == "{}"  # no photo failed
    assert sorted(p.name for p in tmp_path.glob("[0-9].jpg")) == [f"{n}.jpg" for n in range(4)]
    assert len(log.read_text("utf-8").split()) == 1, "a worker ran the main script"
