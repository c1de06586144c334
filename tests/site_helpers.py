"""Helpers the tests share: build a site with `sitetool build`, read its pages."""

import contextlib
import functools
import hashlib
import http.server
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

# Pagefind's files whose bytes and names change from run to run (sitetool/verify.py)
from sitetool.verify import PAGEFIND_UNSTABLE

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"


def project_settings() -> dict:
    """pelicanconf.py's settings as the build reads them (a fresh copy on each call)."""
    namespace = {"__file__": str(ROOT / "pelicanconf.py")}
    exec((ROOT / "pelicanconf.py").read_text("utf-8"), namespace)
    return namespace


def build_site(content: Path, output: Path, *extra: str, site_url: str | None = None,
               today: str = TODAY) -> subprocess.CompletedProcess:
    """Run the real build command, in its own process as an editor would."""
    command = [sys.executable, "-m", "sitetool", "build", "--content", str(content),
               "--output", str(output), "--today", today, "--no-cache", *extra]
    if site_url:
        command += ["--site-url", site_url]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


class BuiltSite:
    def __init__(self, root: Path, url: str):
        self.root, self.url = root, url
        self._trees: dict[Path, lxml.html.HtmlElement] = {}

    def file_for(self, url: str) -> Path | None:
        """The output file a site URL (absolute or root-relative) is served from."""
        path = urlsplit(url).path if url.startswith(("http://", "https://")) else url
        path = path.lstrip("/")
        target = self.root / path
        if path == "" or path.endswith("/"):
            target = target / "index.html"
        return target if target.is_file() else None

    def html_files(self) -> list[Path]:
        """The site's pages: every HTML file but the forwarding pages at moved pages'
        former addresses (`forwarding_files()`; plugins/translated_addresses)."""
        return [file for file in self._all_html() if not self.forwards(file)]

    def forwarding_files(self) -> list[Path]:
        return [file for file in self._all_html() if self.forwards(file)]

    def _all_html(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    @staticmethod
    def forwards(file: Path) -> bool:
        """Whether an HTML file is a forwarding page, not a page."""
        with file.open("rb") as html:
            return b'http-equiv="refresh"' in html.read(1024)

    def translation_of(self, url: str, lang: str = "en") -> str:
        """The root-relative address of a page's translation, as its hreflang link names
        it (English addresses have slugs of their own: plugins/translated_addresses)."""
        href, = self.tree(url).xpath(f'//link[@rel="alternate"][@hreflang="{lang}"]/@href')
        return urlsplit(href).path

    def url_of(self, file: Path) -> str:
        relative = file.relative_to(self.root).as_posix()
        return f"{self.url}/{relative.removesuffix('index.html')}"

    def tree(self, url_or_file) -> lxml.html.HtmlElement:
        """The parsed page (parsed once per run)."""
        file = url_or_file if isinstance(url_or_file, Path) else self.file_for(url_or_file)
        assert file is not None, f"no page at {url_or_file}"
        if file not in self._trees:
            self._trees[file] = lxml.html.fromstring(file.read_bytes())
        return self._trees[file]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, port: int):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def tree_digest(folder: Path, with_times: bool = False) -> str:
    """One hash of every file's path and bytes (and modification time)."""
    digest = hashlib.sha256()
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            digest.update(str(file.relative_to(folder)).encode())
            digest.update(file.read_bytes())
            if with_times:
                digest.update(str(file.stat().st_mtime_ns).encode())
    return digest.hexdigest()




def stable_files(folder: Path) -> list[str]:
    """The built files that the same content must give byte for byte."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and not PAGEFIND_UNSTABLE.search(p.as_posix()))


NGINX_EXAMPLE = ROOT / "docs/nginx/socialais-dienests.conf"
# The security headers the example includes, and the preview sends (`security_headers`).
NGINX_HEADERS = ROOT / "docs/nginx/socialais-dienests-headers.conf"


def nginx_header(name: str) -> str:
    """A header the example web-server configuration sends with every page."""
    from sitetool import security_headers

    found = [value for header, value in security_headers.read(NGINX_HEADERS) if header == name]
    assert len(found) == 1, f"one {name} header in {NGINX_HEADERS}"
    return found[0]


def troubles_of(context, site_url: str) -> list[str]:
    """The list where what goes wrong in the pages of a browser context is collected, as
    the site's own headers are sent: refusals of the policy (`securitypolicyviolation`),
    console errors, uncaught exceptions, and requests to any other host (refused)."""
    troubles: list[str] = []

    def other_host(route):
        troubles.append(f"request to another host: {route.request.url}")
        route.abort()

    context.route(lambda url: not url.startswith(site_url + "/"), other_host)
    context.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                            "console.error('refused by the policy: ' + e.violatedDirective "
                            "+ ' ' + e.blockedURI))")
    context.on("console", lambda message: troubles.append(message.text)
               if message.type == "error" else None)
    context.on("weberror", lambda error: troubles.append(str(error.error)))
    return troubles


def apply_policy(page, site_url: str, policy: str) -> list[str]:
    """Serve every response of the site with `policy` as its Content-Security-Policy,
    as the web server does; returns the list the browser's refusals are collected in."""
    def with_policy(route):
        if not route.request.url.startswith(site_url):
            route.fallback()  # to the page fixture's guard against third-party requests
            return
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers,
                                                  "content-security-policy": policy})

    page.route("**/*", with_policy)
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('Content Security Policy: ' + e.violatedDirective "
                         "+ ' ' + e.blockedURI))")
    return refused
