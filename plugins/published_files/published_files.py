"""Publish only the files the site's content names, and read no symbolic link.

Pelican's static generator would copy every file under `STATIC_PATHS` as it is: backups
(`index.lv.md~`), notes (`piezimes.txt`), camera photos with their GPS positions. Here
its list is cut to what published content names:

- a link in the text to a file (`[plāns](plans.pdf)`, `{static}plans.pdf`,
  `{attach}plans.pdf`); a plain relative link is rewritten to `{static}…`, so it points
  where the file is published;
- a front-matter field listed in `PUBLISHED_FILE_FIELDS` (consultation `documents: file:`).

Photos are never published as they are: galleries, covers and images in the text are
published as renditions without their metadata (plugins/gallery, which reads them); a
link or a field naming an image that did not go that way is an error. Every other file
is left out, also the files of drafts and future stories until they are published;
those nothing names are `unreferenced_files` in the context, which `sitetool check`
lists ("not published: nothing refers to it").

Signals:
- `generator_init`: each generator lists its files without following links (Pelican's
  own walk follows them) and without the links themselves, noting those it meets.
- `static_generator_finalized` (reading; the articles and pages are read by then): the
  static files are cut to those named.
- `all_generators_finalized` (reading): a symbolic link under any folder the settings of
  `NO_LINKS_IN` name (the content, the theme, the plugins) is an error naming it — a
  link to the system's password list, or to a folder, would publish its target. The
  folders the generators walked are not walked again (at 2,500 stories a language, a
  walk of the content takes 0.1 s).
"""

import fnmatch
import logging
import os
from functools import partial
from pathlib import Path

from pelican import signals
from PIL import Image, UnidentifiedImageError

import pelican_contract
from content_schema import Problem, log_problems
from content_schema.addresses import ADDRESS_TAG, PREFIXES, address_in, line_naming, local_file

logger = logging.getLogger(__name__)

PUBLISHED = ("published", "hidden")
# Image formats Pillow cannot open, yet browsers show (SVG may also carry scripts).
OTHER_IMAGE_SUFFIXES = {".svg", ".svgz", ".heic", ".heif", ".hif", ".avif"}


# --- Symbolic links -------------------------------------------------------------------

def _files_without_links(generator, paths, exclude=None, extensions=None) -> set[str]:
    """Pelican's `Generator.get_files`, without following links or listing them; the
    links met are noted in `generator.symbolic_links`, the folders walked in
    `generator.walked_folders`."""
    root_path = generator.path
    excluded = {os.path.normpath(os.path.join(root_path, e)) for e in exclude or []}
    ignores = generator.settings["IGNORE_FILES"]
    files = set()

    def walk(folder, relative_folder):
        generator.walked_folders.add(folder)
        for entry in os.scandir(folder):
            relative = os.path.join(relative_folder, entry.name)
            if entry.is_symlink():
                generator.symbolic_links.add(entry.path)
            elif entry.is_dir():
                if entry.path not in excluded and not any(
                        fnmatch.fnmatch(entry.name, ignore) for ignore in ignores):
                    walk(entry.path, relative)
            elif pelican_contract.listed(generator, relative, extensions):
                files.add(relative)

    for path in [paths] if isinstance(paths, str) else paths:
        top = os.path.join(root_path, path) if path else root_path
        if os.path.islink(top):
            generator.symbolic_links.add(top)
        elif os.path.isdir(top):
            walk(top, os.path.relpath(top, root_path))
        elif os.path.isfile(top) and pelican_contract.listed(generator, path, extensions):
            files.add(path)
    return files


def read_without_links(generator):
    generator.symbolic_links, generator.walked_folders = set(), set()
    pelican_contract.replace_file_listing(generator, partial(_files_without_links, generator))


def _links_under(folder: str, walked: set[str]):
    """Every symbolic link under `folder` (files and folders), never followed; folders
    the generators walked were looked at then."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_symlink():
            yield entry.path
        elif entry.is_dir() and entry.path not in walked:
            yield from _links_under(entry.path, walked)


def _roots(settings):
    for name in settings["NO_LINKS_IN"]:
        value = settings.get(name)
        yield from ([value] if isinstance(value, str) else value or [])


def refuse_symbolic_links(generators):
    """Once every generator has listed its files: the links they met, and those in the
    rest of the folders of `NO_LINKS_IN` (a data folder, the theme, the plugins)."""
    settings = generators[0].settings
    walked = set().union(*(getattr(g, "walked_folders", ()) for g in generators))
    links = set().union(*(getattr(g, "symbolic_links", ()) for g in generators))
    for root in dict.fromkeys(_roots(settings)):
        links.update(_links_under(root, walked) if root not in walked else ())
    project = os.path.dirname(settings["PATH"])
    log_problems(logger, sorted(
        Problem(link if os.path.relpath(link, project).startswith("..")
                else os.path.relpath(link, project), 1, "",
                "this is a symbolic link (to {target}): links are not read or published",
                "put the file itself here instead of a link, or remove the link",
                params={"target": os.readlink(link)})
        for link in links))


# --- What is published ----------------------------------------------------------------

def _named_in_body(content, folder: str, content_root: str):
    """(file, address) of each file the content's rendered body links to or shows."""
    for match in ADDRESS_TAG.finditer(pelican_contract.body_html(content) or ""):
        address = address_in(match)
        path = local_file(address, folder, content_root)
        if path is not None:
            yield path, address


def _named_in_fields(content, folder: str):
    """(file, (field, line, name)) of each file a field of `PUBLISHED_FILE_FIELDS` names;
    line None when the field is inherited from the Latvian twin (which says it)."""
    for spec in content.settings["PUBLISHED_FILE_FIELDS"]:
        field, _, key = spec.partition(".")
        values = getattr(content, field, None) or []
        for index, value in enumerate(values if isinstance(values, list) else [values]):
            name = value.get(key) if key and isinstance(value, dict) else value
            if isinstance(name, str) and name:
                line = content.front_matter_lines.get(
                    f"{field}[{index}].{key}" if key else field,
                    1 if field in content.front_matter_lines else None)
                yield Path(os.path.normpath(os.path.join(folder, name))), (field, line, name)


def _is_image(path: Path) -> bool:
    if path.suffix.lower() in OTHER_IMAGE_SUFFIXES:
        return True
    try:
        with Image.open(path):
            return True
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return False


def _contents(context):
    """Every story and page read, published or not (with their translations)."""
    seen = {}
    for key in ("articles_by_lang", "pages_by_lang"):
        for items in context.get(key, {}).values():
            for item in items:
                seen[id(item)] = item
    for generator_key in ("articles", "hidden_articles", "drafts", "pages", "hidden_pages",
                          "draft_pages"):
        for item in context.get(generator_key, []):
            for each in [item, *getattr(item, "translations", [])]:
                seen[id(each)] = each
    return [c for c in seen.values() if getattr(c, "bundle_dir", None)]


def publish_only_named_files(generator):
    """Cut the static generator's files to those published content names; note the
    files nothing names for `sitetool check`."""
    settings, context = generator.settings, generator.context
    content_root = Path(generator.path).resolve()
    project = content_root.parent
    statics = {content_root / s.relative_source_path: s for s in generator.staticfiles}
    read_by_the_build = _read_by_the_build(context, settings)
    published, named_by_any, problems = set(), set(), []
    base = os.path.normpath(generator.path)
    for content in _contents(context):
        is_published = content.status in PUBLISHED
        # under the resolved root, as the gallery's paths are (with no file system call)
        folder = str(content_root) + os.path.dirname(content.source_path).removeprefix(base)
        for path, address in _named_in_body(content, folder, str(content_root)):
            if path not in statics:
                continue
            named_by_any.add(path)
            if not is_published or path in read_by_the_build:
                continue  # published as renditions, or refused and reported by the gallery
            if _is_image(path):
                line = line_naming(content.source_path, address)
                problems.append(_image_problem(content, address, line))
                continue
            published.add(path)
            if not address.startswith(PREFIXES):  # relative to the page's address
                pelican_contract.replace_body_html(content, pelican_contract.body_html(
                    content).replace(f'="{address}"', f'="{{static}}{address}"'))
        for path, (field, line, name) in _named_in_fields(content, folder):
            named_by_any.add(path)
            if is_published and path in statics:
                if not _is_image(path):
                    published.add(path)
                elif line is not None:
                    problems.append(_image_problem(content, name, line, field))
    for path, static in statics.items():
        if path not in published:
            context["static_content"].pop(static.relative_source_path, None)
    generator.staticfiles[:] = [s for path, s in statics.items() if path in published]
    context["unreferenced_files"] = sorted(
        os.path.relpath(path, project) for path in statics
        if path not in named_by_any and path not in read_by_the_build)
    log_problems(logger, sorted(problems))


def _image_problem(content, name, line, field="") -> Problem:
    return Problem(
        content.source_file, line, field, "{name} is an image: it would be published "
        "with its hidden data (such as where the photo was taken)",
        "show it in the text as ![description]({name}), or in the story's photos/ folder: "
        "the build publishes copies without that data", params={"name": name})


def _read_by_the_build(context, settings) -> set[Path]:
    """Files the gallery reads, so never unused: its photos and sidecars, and the images
    texts show or link to (published as renditions, or refused with an error)."""
    planner = context.get("gallery_plan")
    if planner is None:
        return set()
    sidecar = settings["GALLERY_SIDECAR"]
    return {Path(p).resolve() for p in [*planner.photos, *planner.text_images,
                                        *(folder / sidecar for folder in planner.sidecars)]}


def register():
    signals.generator_init.connect(read_without_links)
    signals.all_generators_finalized.connect(refuse_symbolic_links)
    signals.static_generator_finalized.connect(publish_only_named_files)
