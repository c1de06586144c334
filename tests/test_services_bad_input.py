"""Mistakes in services, offices, notices and the stories that name services: the build
stops with one line per mistake (file, line, field, what is accepted) and the site that
was there stays as it was."""

import shutil
from pathlib import Path

import pytest

from site_helpers import build_site, tree_digest

FIXTURE = Path(__file__).parent / "fixtures" / "services_site"
GROUPS = "seniors, families, disability, low-income, unemployed, crisis, youth"
HOURS = "write it as Mon 9:00–12:00, Mon–Fri 8:30–16:00 or Mon, Wed 13:00–16:00"


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """The fixture content, built once: each case starts from a copy of both."""
    root = tmp_path_factory.mktemp("services-good")
    shutil.copytree(FIXTURE, root / "content")
    result = build_site(root / "content", root / "output", "--lang", "en")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def small_site(built_once, tmp_path):
    shutil.copytree(built_once / "content", tmp_path / "content")
    shutil.copytree(built_once / "output", tmp_path / "output")
    return tmp_path / "content", tmp_path / "output"


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} in {file}"
    file.write_text(text.replace(old, new), "utf-8")


CASES = {
    "unknown-target-group": (
        "services/aprupe-majas/index.lv.md", "for: [seniors, disability]",
        "for: [seniors, pensioners]",
        "content/services/aprupe-majas/index.lv.md:4: for: 'pensioners' is not allowed — "
        f"use one of: {GROUPS}"),
    "unknown-type": (
        "services/zupas-virtuve/index.lv.md", "type: service", "type: allowance",
        "content/services/zupas-virtuve/index.lv.md:3: type: 'allowance' is not allowed — "
        "use one of: benefit, service"),
    "office-misspelt": (
        "services/aprupe-majas/index.lv.md", "offices: [birojs, pagasts]",
        "offices: [birojs, pagastss]",
        "content/services/aprupe-majas/index.lv.md:10: offices: 'pagastss' is not an office — "
        "did you mean pagasts?"),
    "office-missing": (
        "services/aprupe-majas/index.lv.md", "offices: [birojs, pagasts]",
        "offices: [birojs, muiza]",
        "content/services/aprupe-majas/index.lv.md:10: offices: 'muiza' is not an office — "
        "use the name of a file in content/offices/ (without .yml): birojs, pagasts"),
    "story-names-a-missing-service": (
        "news/2026/zupas-virtuve-pagarina-darba-laiku/index.lv.md",
        "services: [zupas-virtuve]", "services: [zupas-virtuvee]",
        "content/news/2026/zupas-virtuve-pagarina-darba-laiku/index.lv.md:5: services: "
        "'zupas-virtuvee' is not a service — did you mean zupas-virtuve?"),
    "notice-ends-before-it-starts": (
        "notices/vetra.yml", "end: 2026-11-25", "end: 2026-11-20",
        "content/notices/vetra.yml:3: end: 2026-11-20 is before the start, 2026-11-22 — "
        "write the last day the notice applies, on or after start"),
    "notice-announced-after-it-starts": (
        "notices/zupas-virtuve-svetkos.yml", "announce_from: 2026-12-10",
        "announce_from: 2026-12-27",
        "content/notices/zupas-virtuve-svetkos.yml:4: announce_from: 2026-12-27 is after the "
        "start, 2026-12-24 — write a day before or on start, or leave announce_from out"),
    "notice-names-a-missing-service": (
        "notices/vetra.yml", "services: [aprupe-majas]", "services: [aprupe]",
        "content/notices/vetra.yml:4: services: 'aprupe' is not a service — "
        "did you mean aprupe-majas?"),
    "notice-names-a-missing-office": (
        "notices/biroja-remonts.yml", "offices: [birojs]", "offices: [kase]",
        "content/notices/biroja-remonts.yml:4: offices: 'kase' is not an office — "
        "use the name of a file in content/offices/ (without .yml): birojs, pagasts"),
    "notice-unknown-severity": (
        "notices/vetra.yml", "severity: urgent", "severity: critical",
        "content/notices/vetra.yml:1: severity: 'critical' is not allowed — "
        "use one of: changed, limited, urgent"),
    "reception-hours-do-not-parse": (
        "offices/pagasts.yml", "hours: [Mon, Wed 12:30–16:00]", "hours: [Mon, Wed 12.30-16]",
        "content/offices/pagasts.yml:9: reception[0].hours: 'Mon, Wed 12.30-16' is not a day "
        f"and time — {HOURS}"),
    "reception-hours-end-before-they-start": (
        "offices/birojs.yml", "hours: [Tue 8:00–12:00, Thu 13:00–17:00]",
        "hours: [Tue 8:00–12:00, Thu 17:00–13:00]",
        "content/offices/birojs.yml:11: reception[0].hours: 'Thu 17:00–13:00' ends before it "
        f"starts — {HOURS}"),
    "opening-days-backwards": (
        "offices/birojs.yml", "hours: [Mon–Fri 8:00–16:00]", "hours: [Fri–Mon 8:00–16:00]",
        "content/offices/birojs.yml:7: hours: 'Fri–Mon 8:00–16:00' the first day must come "
        f"before the last — {HOURS}"),
    "unknown-area": (
        "offices/pagasts.yml", "areas: [eglupe]", "areas: [egļupe]",
        "content/offices/pagasts.yml:5: areas: 'egļupe' is not allowed — use one of: pilseta, "
        "avotkalne, eglupe, kalnaji, lejasmuiza, rudzupe"),
    "unknown-staff-role": (
        "offices/pagasts.yml", "role: assistance-organiser", "role: organiser",
        "content/offices/pagasts.yml:7: reception[0].role: 'organiser' is not allowed — use "
        "one of: social-worker, assistance-organiser, psychologist, centre-manager"),
    "office-name-without-english": (
        "offices/pagasts.yml", "  en: Egļupe parish administration\n", "",
        "content/offices/pagasts.yml:1: name.en: is missing — add a line such as  "
        "en: Egļupe parish administration"),
}


def _batches(cases: dict) -> list[list[str]]:
    """The mistakes in as few builds as can hold them: each in the first batch with no
    other mistake in its file (a file's mistakes could hide each other's line)."""
    batches: list[list[str]] = []
    for name, (file, *_) in cases.items():
        batch = next((b for b in batches if file not in (cases[n][0] for n in b)), None)
        if batch is None:
            batch = []
            batches.append(batch)
        batch.append(name)
    return batches


BATCHES = _batches(CASES)


@pytest.fixture(scope="module")
def batch_builds(built_once, tmp_path_factory):
    """A batch's mistakes made in a copy of the fixture site, built (once, when a test of
    the batch first asks): (the build, the output's digest before, after)."""
    builds = {}

    def build(batch: int):
        if batch not in builds:
            root = tmp_path_factory.mktemp(f"services-batch-{batch}")
            content, output = root / "content", root / "output"
            shutil.copytree(built_once / "content", content)
            shutil.copytree(built_once / "output", output)
            before = tree_digest(output)
            for name in BATCHES[batch]:
                file, old, new, _ = CASES[name]
                _replace(content / file, old, new)
            result = build_site(content, output, "--lang", "en")
            builds[batch] = result, before, tree_digest(output)
        return builds[batch]
    return build


@pytest.mark.parametrize("mistake", CASES)
def test_a_mistake_stops_the_build_with_one_clear_line(batch_builds, mistake):
    """Each mistake is built with others of its batch, in other files: the build says
    each once, and nothing but them."""
    batch = next(number for number, names in enumerate(BATCHES) if mistake in names)
    result, before, after = batch_builds(batch)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert lines.count(CASES[mistake][3]) == 1, result.stderr
    assert sorted(lines) == sorted(CASES[name][3] for name in BATCHES[batch]), result.stderr
    assert after == before, "nothing half-written"


def test_an_office_file_name_must_be_a_web_address_part(small_site):
    content, output = small_site
    (content / "offices" / "pagasts.yml").rename(content / "offices" / "Egļupe.yml")
    result = build_site(content, output, "--lang", "en")
    assert result.returncode == 1
    assert ("content/offices/Egļupe.yml:1: the file name is not a web address part — use "
            "lower-case letters without accents, digits and hyphens, e.g. eglupe.yml"
            ) in result.stderr.splitlines()


def test_the_editor_can_read_the_line_in_latvian(small_site):
    content, output = small_site
    _replace(content / "services/aprupe-majas/index.lv.md", "offices: [birojs, pagasts]",
             "offices: [birojs, muiza]")
    result = build_site(content, output, "--lang", "lv")
    assert result.returncode == 1
    assert ("content/services/aprupe-majas/index.lv.md:10: offices: iestādes 'muiza' nav — "
            "ierakstiet kāda content/offices/ faila nosaukumu (bez .yml): birojs, pagasts"
            ) in result.stderr.splitlines()


def test_days_split_by_a_one_line_yaml_list_are_read_as_one_entry(built_once):
    """`hours: [Mon, Wed 12:30–16:00]` is two YAML items; it means Monday and Wednesday."""
    tree = (built_once / "output" / "kur-sanemt-palidzibu" / "pagasts" / "index.html")
    html = tree.read_text("utf-8")
    assert "Pirmdiena, trešdiena 12:30–16:00" in html
