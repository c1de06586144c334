"""The preview's HTTP side (`sitetool serve`): the built site served with one extra
`<script src="/_sitetool/reload.js">` in each HTML page, which listens to
`/_sitetool/events` (server-sent events: `reload` after a build, `problems` when a change
did not build); the problem panel's style (`/_sitetool/panel.css`); the web editor's
files and API when it is there; the site's own 404 page; and on every response the
security headers production sends (`security_headers`), under which the reload script,
a file of this origin, works. The rebuild loop that feeds it is `serve.py`.
"""

import http.server
import json
import threading
from pathlib import Path

from . import web_editor

RELOAD_SCRIPT = Path(__file__).with_name("preview_reload.js")
PANEL_STYLE = Path(__file__).with_name("preview_panel.css")
PREVIEW_PREFIX = "/_sitetool/"

NO_PROBLEMS = json.dumps({"lines": []})


class Broadcast:
    """Server-sent events to every open preview tab. A tab that connects (a page opened
    or reloaded, as every tab is after a build) gets the problems that stand first: the
    last build's, shown on every page until they are fixed, not only in the tabs open
    when the file was saved."""

    def __init__(self):
        self._condition = threading.Condition()
        self._events: list[tuple[str, str]] = []
        self._standing = NO_PROBLEMS  # the problem panel of the last build

    def send(self, event: str, data: str = "", standing: str = NO_PROBLEMS) -> None:
        with self._condition:
            self._events.append((event, data))
            self._standing = standing
            self._condition.notify_all()

    def follow(self, stop: threading.Event):
        with self._condition:
            seen, standing = len(self._events), self._standing
        yield "problems", standing  # none: the tab knows the preview is sound
        while not stop.is_set():
            with self._condition:
                self._condition.wait(timeout=15)
                new, seen = self._events[seen:], len(self._events)
            yield from new or [("ping", "")]


def request_handler(output: Path, broadcast: Broadcast, stop: threading.Event,
                    headers: list[tuple[str, str]]):
    """The preview server's request handler class: the site in `output` with the reload
    script in every page, the events, the web editor's files and API, `headers` on
    every response."""
    class PreviewHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(output), **kwargs)

        def log_message(self, *args):
            pass  # the terminal shows builds, not every request

        def do_GET(self):
            if self.path.startswith(web_editor.PREFIX) and self.server.editor:
                return self._editor_file()
            if self.path == PREVIEW_PREFIX + "reload.js":
                return self._send(200, "text/javascript; charset=utf-8",
                                  RELOAD_SCRIPT.read_bytes())
            if self.path == PREVIEW_PREFIX + "panel.css":
                return self._send(200, "text/css; charset=utf-8", PANEL_STYLE.read_bytes())
            if self.path == PREVIEW_PREFIX + "events":
                return self._events()
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().do_GET()  # the redirect to the folder's URL
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file():
                return self._send(200, "text/html; charset=utf-8", _with_reload(target))
            missing = output / "404.html"  # the site's own, as the web server serves it
            if not target.exists() and missing.is_file():
                return self._send(404, "text/html; charset=utf-8", _with_reload(missing))
            return super().do_GET()

        def do_POST(self):  # the web editor's requests to its local server
            if self.path != web_editor.API or not self.server.editor:
                return self.send_error(404)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, answer = self.server.editor.post(self.headers.get("Origin"),
                                                     self.server.origin, body)
            return self._send(status, "application/json; charset=utf-8", answer)

        def _editor_file(self):
            found = self.server.editor.file(self.path)
            if found is None:
                return self.send_error(404)
            return self._send(200, found[1], found[0].read_bytes())

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            editing = self.server.editor and self.path.startswith(web_editor.PREFIX)
            for name, value in self.server.editor.headers if editing else headers:
                self.send_header(name, value)
            super().end_headers()

        def _send(self, status, content_type, body):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _events(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            try:
                for event, data in broadcast.follow(stop):
                    self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass

    return PreviewHandler


def _with_reload(page: Path) -> bytes:
    html = page.read_bytes()
    tag = f'<script src="{PREVIEW_PREFIX}reload.js" defer></script>'.encode()
    head_end = html.find(b"</head>")
    return html[:head_end] + tag + html[head_end:] if head_end >= 0 else html + tag
