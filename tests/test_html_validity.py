"""The Nu Html Checker (vnu.jar from npm, run with Java) finds no error in any built page."""

import json
import os
import shutil
import subprocess

import pytest

from site_helpers import ROOT

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def _vnu_errors(files) -> list[str]:
    """One JVM for all files (starting Java costs seconds); one line per error."""
    java = shutil.which("java")
    assert java, "Java is missing: run `make test-tools`"
    assert VNU.is_file(), f"{VNU} is missing: run `make test-tools` (npm ci --ignore-scripts)"
    result = subprocess.run(
        # The client compiler only: a run of a few hundred pages is over before the
        # optimising one pays back (a third of the CPU time); its larger frames need a
        # larger stack than the default, or the schema's evaluation overflows it.
        [java, "-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", str(VNU), "--errors-only",
         "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
        # A UTF-8 locale, or Java cannot open paths with Latvian letters.
        env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.stderr.lstrip().startswith("{"), result.stderr  # vnu reports on stderr
    messages = json.loads(result.stderr)["messages"]
    return [f"{message['url'].removeprefix('file:')}:{message.get('lastLine', '?')}: "
            f"{message['message']}" for message in messages]


@pytest.fixture(scope="module")
def vnu_report(site) -> list[str]:
    return _vnu_errors([*site.html_files(), *site.forwarding_files()])


def test_every_built_page_is_valid_html(site, vnu_report):
    assert len(site.html_files()) > 40
    relative = [line.replace(f"{site.root}/", "") for line in vnu_report]
    assert not relative, "\n".join(relative)


def test_the_checker_reports_an_invalid_page(tmp_path):
    """The gate can fail: a page with a misplaced element is reported with its line."""
    page = tmp_path / "lapa.html"
    page.write_text('<!DOCTYPE html>\n<html lang="lv"><head><title>Lapa</title></head>\n'
                    "<body><ul><p>Teksts</p></ul></body></html>\n", "utf-8")
    errors = _vnu_errors([page])
    assert errors == [f"{page}:3: Element “p” not allowed as child of element “ul” in this "
                      "context. (Suppressing further errors from this subtree.)"]
