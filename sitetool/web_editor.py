"""The web editor at /admin/ (Decap CMS; docs/web-editor.md).

- Its files: Decap's own bundle from node_modules (installed from package-lock.json, so
  served from this host, never a CDN), our page and script (sitetool/admin/), and one
  configuration per interface language, made from the content schema (cms_config).
- In the preview, Decap's local server (`decap-server`, a small Node program) writes what
  the editor saves into content/: `sitetool serve` starts it on a free port of 127.0.0.1
  and passes it the editor's requests at /admin/api/v1, only from pages of the preview's
  own origin, so the editor and the server are one origin and a page of another site
  cannot write into content/ through the preview.
- A published site gets /admin/ only when `WEB_EDITOR_BACKEND` names a Git backend.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from worker_processes import die_with_this_process

from . import ROOT, security_headers
from .cms_config import cms_config
from .i18n import Messages

SOURCES = Path(__file__).with_name("admin")
DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
PREFIX = "/admin/"
API = PREFIX + "api/v1"
LOCAL_BACKEND = {"name": "proxy", "proxy_url": API}
OUR_FILES = ("index.html", "editor.js", "editor.css", "locale-lv.json")
TYPES = {".yml": "text/yaml; charset=utf-8", ".json": "application/json; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".wasm": "application/wasm"}


class WebEditorMissing(RuntimeError):
    """The npm `package` the editor needs is not installed, or (`installed`) its local
    server did not start; `says()` tells the editor in the CLI's language."""

    def __init__(self, package: str, installed: bool = False):
        super().__init__(f"{package} " + ("did not start" if installed else "is not installed"))
        self.package, self.installed = package, installed

    def says(self, messages: Messages) -> str:
        _ = messages._
        if self.installed:
            return _("The web editor's local server ({package}) did not start; the preview "
                     "works without the editor. Stop the preview and start it again.",
                     package=self.package)
        return _("The web editor is not installed ({package} is missing), so /admin/ is "
                 "not served; the preview works without it. To install it, run: make "
                 "test-tools (npm ci installs it from package-lock.json).",
                 package=self.package)


def _decap_file(name: str) -> bool:
    """Decap's bundle, its lazily loaded parts and WebAssembly; not the second copy of
    the bundle (cms.js) nor the source maps."""
    return (name == "decap-cms.js" or name.endswith(".decap-cms.js")
            or name.endswith(".wasm"))


def assemble(settings, target: Path, backend: dict) -> Path:
    """Write the editor's files into `target` (the preview's or a site's admin/)."""
    if not DECAP_DIST.is_dir():
        raise WebEditorMissing("decap-cms")
    decap = target / "decap"
    decap.mkdir(parents=True, exist_ok=True)
    for source in DECAP_DIST.iterdir():
        if _decap_file(source.name):
            shutil.copy2(source, decap / source.name)
    for name in OUR_FILES:
        shutil.copy2(SOURCES / name, target / name)
    languages = settings["WEB_EDITOR_LANGUAGES"]
    for lang in languages:
        name = "config.yml" if lang == languages[0] else f"config.{lang}.yml"
        text = yaml.safe_dump(cms_config(settings, lang, backend), allow_unicode=True,
                              sort_keys=False, width=100)
        (target / name).write_text(text, "utf-8")
    return target


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalBackend:
    """decap-server writing into `content`, until `stop()`."""

    def __init__(self, content: Path, timeout: float = 30):
        if not DECAP_SERVER.is_file():
            raise WebEditorMissing("decap-server")
        self.port = _free_port()
        self.process = subprocess.Popen(
            ["node", str(DECAP_SERVER)], cwd=content, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # no server left writing into content/ however the preview ends
            preexec_fn=die_with_this_process(signal.SIGTERM),
            env={**os.environ, "PORT": str(self.port), "BIND_HOST": "127.0.0.1",
                 "MODE": "fs", "GIT_REPO_DIRECTORY": str(content), "LOG_LEVEL": "error"})
        deadline = time.monotonic() + timeout
        while not self._listening():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise WebEditorMissing("decap-server", installed=True)
            time.sleep(0.1)

    def _listening(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def forward(self, body: bytes) -> tuple[int, bytes]:
        """decap-server's answer (status, JSON) to one of the editor's requests."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/v1", data=body, method="POST",
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class PreviewEditor:
    """/admin/ of the preview: the files and the local backend."""

    def __init__(self, settings, files: Path):
        self.files = assemble(settings, files, LOCAL_BACKEND)
        self.headers = security_headers.read(settings["WEB_EDITOR_HEADERS_FILE"])
        self.backend = LocalBackend(Path(settings["PATH"]).resolve())

    def file(self, path: str) -> tuple[Path, str] | None:
        """The file for a GET of `path` (under /admin/) and its type, if there is one."""
        relative = path.split("?")[0].split("#")[0].removeprefix(PREFIX) or "index.html"
        target = (self.files / relative).resolve()
        if not (target.is_file() and self.files.resolve() in target.parents):
            return None
        return target, TYPES.get(target.suffix, "application/octet-stream")

    def post(self, origin: str | None, own_origin: str, body: bytes) -> tuple[int, bytes]:
        if origin != own_origin:  # another site's page: it may not write into content/
            return 403, b'{"error": "not from this preview"}'
        return self.backend.forward(body)

    def stop(self) -> None:
        self.backend.stop()
