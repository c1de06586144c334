"""The preview's writer: Pelican's, noting what each page shows and links to, so that a
quick rebuild renders only the pages an edit touched (sitetool/serve.py)."""

import os
import re

from pelican.contents import Content

import pelican_contract
from pelican_contract import SelectiveWriter


class PreviewWriter(SelectiveWriter):
    """Pelican's writer that records, for every output file, the content folders it shows
    (a list page: the stories of that page, and what they refer to) and the addresses it
    links to. After `only_for(folders, urls)` it renders only the files that show one of
    those folders or link to one of those addresses (a service's "recent changes"), the
    files that show other folders than last time, and files that do not exist yet; the
    others stay as they are on disk."""

    def __init__(self, output_path, settings, last: "PreviewWriter | None" = None,
                 folders_of: dict | None = None):
        super().__init__(output_path, settings=settings)
        self.last = last
        self.touched: set[str] | None = None  # None: render everything
        self.touched_urls: set[str] = set()
        self.shows: dict[str, frozenset] = {}  # output file -> content folders
        self.links: dict[str, frozenset] = {}  # output file -> site addresses it links to
        self.made_by: dict[str, str] = {}  # output file -> the plugin whose generator wrote it
        self.writing_for = ""
        self.rendered = 0
        self._kept: set[str] = set()
        self._site = settings["SITEURL"].rstrip("/") + "/"
        # id(content) -> the folders it shows: valid while the site read lives (the
        # preview keeps one for the site it keeps)
        self._folders_of: dict[int, frozenset] = {} if folders_of is None else folders_of

    def only_for(self, folders: set[str], urls: set[str]) -> None:
        self.touched, self.touched_urls = folders, urls

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if not name:
            return None
        lists = paginated if paginated is not None else {
            k: v for k, v in kwargs.items() if k in {"articles", "dates"}}  # as Pelican does
        keys = list(lists) if lists and template_name in self.settings[
            "PAGINATED_TEMPLATES"] else []
        # What every page of this call shows; a paginated list adds its page's stories.
        shown_by_all = self.folders(v for v in kwargs.values()
                                    if not (keys and any(v is lst for lst in lists.values())))
        if not keys:  # one file: decide here, before Pelican prepares its context
            shown_by_all |= self.folders(lists.values())
            if not self.wants(name, frozenset(shown_by_all)):
                return None
            self.rendered += 1
            return super().write_file(name, _NotingTemplate(self, template), context,
                                      relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        # A list none of whose pages is wanted is not handed to Pelican's writer, which
        # would prepare and open each page it keeps (thousands of list pages at 2,500
        # stories); each page is noted as kept all the same.
        pages = self.touched is not None and pelican_contract.list_pages(
            self, name, template, context, relative_urls, paginated, template_name,
            override_output, url, **kwargs)
        if pages and not any([  # every page noted, hence no generator
                self.wants(file, frozenset(shown_by_all | self.folders(on_page.values())))
                for file, on_page in pages]):
            return None
        selective = _SelectiveTemplate(self, template, frozenset(shown_by_all), keys)
        return super().write_file(name, selective, context, relative_urls, paginated,
                                  template_name, override_output, url, **kwargs)

    def folders(self, values) -> set[str]:
        """The content folders of the content objects among `values` (or in lists there),
        and of the content they refer to: a service page lists its recent-change stories, a
        story names its services and its translations."""
        folders = set()
        for item in _contents(values):
            if id(item) not in self._folders_of:
                self._folders_of[id(item)] = frozenset(
                    os.path.dirname(c.source_path)
                    for c in (item, *_contents(vars(item).values())))
            folders |= self._folders_of[id(item)]
        return folders

    def wants(self, output_file: str, folders: frozenset) -> bool:
        self.shows[output_file] = folders
        self.made_by[output_file] = self.writing_for
        if self.touched is None:
            return True
        linked = self.last.links.get(output_file, frozenset())
        wanted = bool(self.last.shows.get(output_file) != folders or folders & self.touched
                      or linked & self.touched_urls
                      or not os.path.exists(os.path.join(self.output_path, output_file)))
        if not wanted:
            self.links[output_file] = linked
            self._kept.add(os.path.join(self.output_path, output_file))
        return wanted

    def note_links(self, output_file: str, html: str) -> None:
        self.links[output_file] = frozenset(
            href.removeprefix(self._site) for href in LINK.findall(html))

    def kept(self, path: str) -> bool:
        return path in self._kept  # not rendered: the file on disk stays as it is


LINK = re.compile(r'href="([^"#?]*)')


class _NotingTemplate:
    """Stands in for a template: renders, and notes the links of what it rendered."""

    def __init__(self, writer: PreviewWriter, template):
        self.writer, self.template = writer, template

    def render(self, localcontext):
        html = self.template.render(localcontext)
        self.writer.note_links(localcontext["output_file"], html)
        return html


class _SelectiveTemplate:
    """Stands in for a template: renders one output file only if the writer wants it."""

    def __init__(self, writer: PreviewWriter, template, folders: frozenset, keys: list[str]):
        self.writer, self.template, self.folders, self.keys = writer, template, folders, keys

    def render(self, localcontext):
        output_file = localcontext["output_file"]
        folders = self.folders | self.writer.folders(localcontext[f"{key}_page"].object_list
                                                     for key in self.keys)
        if not self.writer.wants(output_file, folders):
            return ""
        self.writer.rendered += 1
        html = self.template.render(localcontext)
        self.writer.note_links(output_file, html)
        return html


def _contents(values):
    for value in values:
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, Content) and item.source_path:
                yield item
