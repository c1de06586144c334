"""`sitetool new`: a folder ready to fill in, which passes `check` and builds."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from content_schema import read_front_matter
from site_helpers import BuiltSite, build_site
from sitetool.scaffold import EXAMPLE_PHOTO
from sitetool_helpers import ROOT, sitetool

DAY = "2026-11-20"  # before the build's "today" (site_helpers.TODAY), so it is published
# kind -> (title, folder in content/, URL in Latvian, URL in English: the new English file
# has the Latvian title to translate, and so, until published translated, the same slug)
NEW = {
    "visit": ("Kurzemes sociālie darbinieki Preiļos",
              "news/2026/kurzemes-socialie-darbinieki-preilos",
              "jaunumi/2026/kurzemes-socialie-darbinieki-preilos/",
              "en/news/2026/kurzemes-socialie-darbinieki-preilos/"),
    "service-change": ("Zupas virtuve no 1. decembra strādās arī sestdienās",
                       "news/2026/zupas-virtuve-no-1-decembra-stradas-ari-sestdienas",
                       "jaunumi/2026/zupas-virtuve-no-1-decembra-stradas-ari-sestdienas/",
                       "en/news/2026/zupas-virtuve-no-1-decembra-stradas-ari-sestdienas/"),
    "consultation": ("Aicinām apspriest: atelpas brīža pakalpojums",
                     "news/2026/aicinam-apspriest-atelpas-briza-pakalpojums",
                     "jaunumi/2026/aicinam-apspriest-atelpas-briza-pakalpojums/",
                     "en/news/2026/aicinam-apspriest-atelpas-briza-pakalpojums/"),
    "service": ("Atelpas brīža pakalpojums", "services/atelpas-briza-pakalpojums",
                "pakalpojumi/atelpas-briza-pakalpojums/",
                "en/services/atelpas-briza-pakalpojums/"),
    "page": ("Brīvprātīgo darbs", "pages/brivpratigo-darbs", "brivpratigo-darbs/",
             "en/brivpratigo-darbs/"),
}


@pytest.fixture(scope="module")
def created(tmp_path_factory):
    """The project's content plus one new folder of each kind, as `new` made them (a test
    that edits the files edits a copy)."""
    content = tmp_path_factory.mktemp("new") / "content"
    shutil.copytree(ROOT / "content", content)
    results = {kind: sitetool("new", kind, title, "--date", DAY, "--content", str(content))
               for kind, (title, *_) in NEW.items()}
    return content, results


def test_new_makes_the_folder_and_says_what_to_do(created):
    content, results = created
    result = results["visit"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Created content/news/2026/kurzemes-socialie-darbinieki-preilos/")
    assert "  index.en.md — the English translation" in result.stdout.splitlines()
    folder = content / NEW["visit"][1]
    assert sorted(p.name for p in folder.iterdir()) == ["index.en.md", "index.lv.md", "photos"]
    assert not list((folder / "photos").iterdir())  # described in index.lv.md's photos:
    assert ("  photos/ — put the photos here and describe each one under 'photos:' in "
            "index.lv.md") in result.stdout.splitlines()


def test_the_latvian_file_is_filled_in_from_the_schema_and_settings(created):
    content, _ = created
    front = read_front_matter(content / NEW["visit"][1] / "index.lv.md")
    assert front.data["title"] == "Kurzemes sociālie darbinieki Preiļos"
    assert str(front.data["date"]) == DAY
    assert front.data["kind"] == "visit"
    assert front.data["status"] == "draft"
    text = (content / NEW["visit"][1] / "index.lv.md").read_text("utf-8")
    assert "\n# summary: " in text and "\n# tags: [" in text  # optional fields as examples
    # NEW_CONTENT_AUTHOR is empty in pelicanconf.py: the author is the editor's to fill in
    assert "author" not in front.data and "\n# author: Vārds Uzvārds\n" in text
    assert "# Rindas, kas sākas ar '#', ir piemēri" in text  # in the file's language


def test_the_translation_has_only_what_is_written_per_language(created):
    content, _ = created
    front = read_front_matter(content / NEW["visit"][1] / "index.en.md")
    assert front.data == {"title": "Kurzemes sociālie darbinieki Preiļos", "status": "draft"}
    text = (content / NEW["visit"][1] / "index.en.md").read_text("utf-8")
    assert "# Translation of index.lv.md." in text
    assert "title: Kurzemes sociālie darbinieki Preiļos  # translate" in text
    # the examples of what is written per language are in the file's language
    assert "\n# summary: A sentence or two about the story.\n" in text
    assert "\n# author_role: Deputy Head of the Social Service\n" in text


def test_kind_specific_fields_come_as_examples(created):
    content, _ = created
    text = (content / NEW["consultation"][1] / "index.lv.md").read_text("utf-8")
    front = read_front_matter(content / NEW["consultation"][1] / "index.lv.md")
    assert front.data["title"] == "Aicinām apspriest: atelpas brīža pakalpojums"  # quoted
    assert {"subject", "opens", "closes"} <= set(front.data)  # required: example values
    assert "opens: 2026-11-16  # piemērs: aizstājiet to" in text
    assert "# meetings:\n#   - start: " in text  # a list of records, commented


def test_new_refuses_to_overwrite(created):
    content, _ = created
    source = content / NEW["visit"][1] / "index.lv.md"
    before = source.read_bytes()
    again = sitetool("new", "visit", NEW["visit"][0], "--date", DAY, "--content", str(content))
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "content/news/2026/kurzemes-socialie-darbinieki-preilos already exists: nothing was "
        "changed. Choose another title, or edit the files in that folder.")
    assert source.read_bytes() == before


def test_an_unknown_kind_is_refused(tmp_path):
    result = sitetool("new", "excursion", "Ekskursija", "--content", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "'excursion' is not something sitetool can create: use one of visit, service-change, "
        "consultation, service, page.")
    assert list(tmp_path.iterdir()) == []


def test_new_output_passes_check_and_builds_once_published(created, tmp_path):
    made, results = created
    assert all(r.returncode == 0 for r in results.values()), results
    content = shutil.copytree(made, tmp_path / "content")
    check = sitetool("check", "--content", str(content), "--no-cache")
    assert check.returncode == 0, check.stdout
    assert "Errors" not in check.stdout and "Warnings" not in check.stdout
    assert _lines_naming_new_folders(check) == []
    for _, folder, *_ in NEW.values():
        for source in (content / folder).glob("index.*.md"):
            text = source.read_text("utf-8")
            source.write_text("\n".join(line for line in text.splitlines()
                                        if not line.startswith("status: draft")) + "\n")
    published = sitetool("check", "--content", str(content), "--no-cache")
    # not even a notice (such as "not published: nothing refers to it" for photos.yml)
    assert _lines_naming_new_folders(published) == []
    output = tmp_path / "output"
    built = build_site(content, output)
    assert built.returncode == 0, built.stderr
    site = BuiltSite(output, "")
    for kind, (title, _, latvian, english) in NEW.items():
        heading = site.tree(latvian).findtext(".//h1").strip()
        assert heading == title.strip(), kind
        assert site.translation_of("/" + latvian) == "/" + english, kind


def _lines_naming_new_folders(check) -> list[str]:
    return [line for line in check.stdout.splitlines()
            if any(f"content/{folder}/" in line for _, folder, *_ in NEW.values())]


def test_the_author_comes_from_the_settings_when_they_name_one(tmp_path):
    from sitetool.i18n import Messages
    from sitetool.pipeline import load_settings
    from sitetool.scaffold import create, kinds

    (tmp_path / "content").mkdir()
    settings = load_settings(ROOT / "pelicanconf.py", {
        "PATH": str(tmp_path / "content"),
        "NEW_CONTENT_AUTHOR": {"name": "Jānis Bērziņš",
                               "role": {"lv": "Sociālais darbinieks", "en": "Social worker"}},
    })
    created = create(kinds(settings)["visit"], "Ziņa", date(2026, 11, 20), settings,
                     Messages("lv"))
    latvian = read_front_matter(created.folder / "index.lv.md").data
    english = read_front_matter(created.folder / "index.en.md").data
    assert (latvian["author"], latvian["author_role"]) == ("Jānis Bērziņš",
                                                          "Sociālais darbinieks")
    assert english["author_role"] == "Social worker" and "author" not in english


def _uncomment_examples(front_matter_file: Path) -> list[str]:
    """What an editor does with every example: delete the '# ' before it (the comments
    that explain the file come before the first field), and the draft line. Returns the
    lines among the fields still commented out."""
    lines, fields_begun, fences = [], False, 0
    for line in front_matter_file.read_text("utf-8").splitlines():
        fences += line == "---"
        fields_begun = fields_begun or (fences == 1 and line not in ("---", "")
                                        and not line.startswith("#"))
        if fences == 1 and fields_begun and line.startswith("# "):
            line = line[2:]
        if not line.startswith("status: draft"):
            lines.append(line)
    front_matter_file.write_text("\n".join(lines) + "\n", "utf-8")
    fields = "\n".join(lines).split("\n---\n")[0].split("\ntitle:")[1]
    return [line.strip() for line in fields.splitlines() if line.strip().startswith("#")]


def test_every_example_in_new_files_passes_check(created, tmp_path):
    """Each kind's files with all their examples taken up (and the files the examples
    name put in place: the photo of the `photos:` example, the consultation's document)."""
    made, results = created
    assert all(r.returncode == 0 for r in results.values()), results
    content = shutil.copytree(made, tmp_path / "content")
    photo = next((ROOT / "content/news").rglob("photos/*.jpg"))
    for kind, (_, folder, *_) in NEW.items():
        story = content / folder
        for source in sorted(story.glob("index.*.md")):
            still_commented = _uncomment_examples(source)
            # a document's link is the alternative to its file: it stays commented
            assert all(line.startswith("# link: ") for line in still_commented), kind
        if (story / "photos").is_dir():
            shutil.copy(photo, story / "photos" / EXAMPLE_PHOTO)
        latvian = (story / "index.lv.md").read_text("utf-8")
        for name in re.findall(r"^\s+file: (\S+)$", latvian, re.MULTILINE):  # documents
            (story / name).write_bytes(b"%PDF-1.4\n%%EOF\n")
    check = sitetool("check", "--content", str(content), "--no-cache")
    assert check.returncode == 0, check.stdout
    assert "Errors" not in check.stdout and "Warnings" not in check.stdout
    visit = (content / NEW["visit"][1] / "index.lv.md").read_text("utf-8")
    assert "\nservices: [sociala-virtuve]\n" in visit and "\nphotos:\n  - file: photos/" in visit
