"""The example web server for real: Debian's nginx runs the HTTPS server block of
docs/nginx/socialais-dienests.conf — its own process, its own files in a temp folder,
plain HTTP on 127.0.0.1 — over a production build. Every response carries the security
headers of docs/nginx/socialais-dienests-headers.conf, and every page type loads in
Chromium with no refusal of the policy, no console error and no request to another host.
(The preview sends the same headers: tests/test_sitetool_serve.py.)"""

import contextlib
import socket
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from page_types import type_and_lang_params, urls_to_check
from site_helpers import NGINX_EXAMPLE, NGINX_HEADERS, BuiltSite, build_site, troubles_of
from sitetool import security_headers
from sitetool_helpers import free_port
from test_search import LV_SEARCH, PREILI_STORY_LV, _search

NGINX = Path("/usr/sbin/nginx")
HEADERS = security_headers.read(NGINX_HEADERS)
# The server block includes the headers by this path, relative to nginx's configuration
# folder (/etc/nginx in production, the test's temp folder here).
INCLUDED_AS = "snippets/socialais-dienests-headers.conf"

pytestmark = pytest.mark.skipif(not NGINX.exists(),
                                reason="nginx is not installed: scripts/install-test-tools.sh")


def _server_block(root: Path, port: int) -> str:
    """The example's HTTPS server, as it is, but for where it listens (plain HTTP on
    127.0.0.1:port, so no certificate) and the folder it serves."""
    blocks = NGINX_EXAMPLE.read_text("utf-8").split("\nserver {")
    https = [block for block in blocks if "listen 443 ssl" in block]
    assert len(https) == 1, f"one HTTPS server block in {NGINX_EXAMPLE}"
    ours = {"listen": f"    listen 127.0.0.1:{port};", "root": f"    root {root};"}
    lines, seen = [], set()
    for line in ("server {" + https[0]).splitlines():
        directive = line.split()[0] if line.strip() else ""
        if directive in ours:  # the first one replaced, the others (listen [::]) left out
            line = "" if directive in seen else ours[directive]
            seen.add(directive)
        elif directive.startswith("ssl_"):
            line = ""
        lines.append(line)
    assert seen == set(ours), f"listen and root in the HTTPS server of {NGINX_EXAMPLE}"
    return "\n".join(lines)


def _nginx_conf(folder: Path, root: Path, port: int) -> Path:
    """A whole nginx configuration in `folder`: one process in the foreground, its pid,
    logs and temporary files there, and the example's server block."""
    (folder / "snippets").mkdir()
    (folder / INCLUDED_AS).symlink_to(NGINX_HEADERS)
    # the web editor's location includes its own (docs/web-editor.md)
    admin = NGINX_HEADERS.with_name("socialais-dienests-admin-headers.conf")
    (folder / "snippets" / admin.name).symlink_to(admin)
    temp_paths = "\n".join(f"    {kind}_temp_path {folder}/{kind};"
                           for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = folder / "nginx.conf"
    conf.write_text(f"""daemon off;
master_process off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
{temp_paths}
{_server_block(root, port)}
}}
""", "utf-8")
    return conf


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    """Until nginx accepts connections; fail with its log if it stops instead."""
    while process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.05)
    pytest.fail(f"nginx stopped (status {process.returncode}): "
                f"{log.read_text() if log.exists() else ''}")


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory, sample_content):
    """A production build of the sample content, served by nginx with the example."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    output = tmp_path_factory.mktemp("production") / "output"
    result = build_site(sample_content, output, "--production", site_url=url)
    assert result.returncode == 0, result.stderr
    folder = tmp_path_factory.mktemp("nginx")
    conf = _nginx_conf(folder, output, port)
    checked = subprocess.run([NGINX, "-t", "-p", folder, "-c", conf, "-e", folder / "error.log"],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    nginx = subprocess.Popen([NGINX, "-p", folder, "-c", conf, "-e", folder / "error.log"])
    try:
        _wait_for(port, nginx, folder / "error.log")
        yield BuiltSite(output, url)
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


def _get(url: str):
    try:
        return urllib.request.urlopen(url)
    except urllib.error.HTTPError as error:
        return error


def test_every_kind_of_response_carries_the_security_headers(nginx_site):
    site = nginx_site
    stylesheet = next(site.root.glob("theme/*.css")).relative_to(site.root)
    photo = next(site.root.glob("photos/**/*.webp")).relative_to(site.root)
    responses = {path: _get(f"{site.url}/{path}") for path in (
        "", "en/", stylesheet, photo, "jaunumi/atom.xml", "pagefind/pagefind.js",
        "nav-tadas-lapas/")}
    assert responses["nav-tadas-lapas/"].status == 404
    for path, response in responses.items():
        assert response.status in (200, 404), path
        for name, value in HEADERS:
            assert response.headers[name] == value, (path, name)
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000", path
    assert {name for name, _ in HEADERS} >= {
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"}
    assert "frame-ancestors 'none'" in dict(HEADERS)["Content-Security-Policy"]


@pytest.fixture(scope="module")
def nginx_page(browser, nginx_site):
    """One page for the module (a context per test costs Chromium a renderer process)
    and the list of what goes wrong in it (`troubles_of`)."""
    context = browser.new_context()
    troubles = troubles_of(context, nginx_site.url)
    yield context.new_page(), troubles
    context.close()


@pytest.fixture
def strict_page(nginx_page):
    """The module's page; the test fails on any refusal of the policy, console error or
    request to another host while it runs."""
    page, troubles = nginx_page
    troubles.clear()
    yield page
    assert troubles == []


@pytest.mark.browser
@pytest.mark.parametrize(("page_type", "lang"), type_and_lang_params())
def test_every_page_type_loads_under_the_headers_without_a_refusal(
        strict_page, nginx_site, page_type, lang):
    for url in urls_to_check(nginx_site, page_type, lang):
        response = strict_page.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        assert response.headers["content-security-policy"] == dict(HEADERS)[
            "Content-Security-Policy"]


@pytest.mark.browser
def test_search_works_as_nginx_serves_it(strict_page, nginx_site):
    """Pagefind's worker and WebAssembly, with nginx's types and the policy."""
    assert PREILI_STORY_LV in _search(strict_page, nginx_site, LV_SEARCH, "preilos")
