"""`sitetool`: one command for the editors — new, check, serve, build.

Everything it says is in Latvian unless `--lang en` (or SITETOOL_LANG / the system
language, see i18n.py) asks for English.
"""

import argparse
import errno
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import ROOT
from .i18n import LANGUAGES, Messages, choose_lang

PRODUCTION_SETTINGS = ROOT / "publishconf.py"
PREVIEW_SETTINGS = ROOT / "pelicanconf.py"


class Command:
    """What every subcommand shares: the language and the settings overrides."""

    def __init__(self, args, messages: Messages):
        self.args, self.messages, self._ = args, messages, messages._

    @property
    def lang(self) -> str:
        return self.messages.lang

    def settings_file(self) -> Path:
        if getattr(self.args, "production", False):
            return PRODUCTION_SETTINGS
        return Path(self.args.settings) if self.args.settings else PREVIEW_SETTINGS

    def overrides(self) -> dict:
        overrides = {}
        if getattr(self.args, "content", None):
            overrides["PATH"] = str(Path(self.args.content).resolve())
        if getattr(self.args, "today", None):
            overrides["BUILD_DATE"] = self.args.today
        if getattr(self.args, "site_url", None):
            overrides["SITEURL"] = self.args.site_url
        if getattr(self.args, "no_cache", False):
            overrides.update(CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
        return overrides

    @property
    def debug(self) -> bool:
        return getattr(self.args, "debug", False)

    def problems(self, entries, stream, debug_entries=()) -> None:
        """One line per problem (a line said twice, once); with `--debug`, Pelican's own
        lines and tracebacks too. Without it, those go to a log file the last line names,
        so that whoever looks after the site gets them without the run being repeated."""
        shown = set()
        for entry in [*entries, *(debug_entries if self.debug else ())]:
            line = entry.render(self.lang, self.debug)
            if line not in shown:
                shown.add(line)
                print(line, file=stream)
        if not self.debug and (log := _details_log([*entries, *debug_entries])):
            print(self._("The full details, for whoever looks after the site: {path}",
                         path=log), file=stream)


def _details_log(entries) -> str | None:
    """A log file of the lines whose message sends the editor to whoever looks after the
    site (`Entry.for_maintainer`), with their details; None when there are none (or the
    system's temporary folder cannot be written)."""
    details = [entry.render("en", debug=True) for entry in entries
               if entry.detail and entry.for_maintainer]
    if not details:
        return None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="sitetool-",
                                         suffix=".log", delete=False) as log:
            log.write("\n\n".join(details) + "\n")
    except OSError:
        return None
    return log.name


def run_new(command: Command) -> int:
    from babel import Locale

    from content_schema import parse_date

    from .pipeline import load_settings
    from .scaffold import ScaffoldError, create, kinds

    _, args = command._, command.args
    settings = load_settings(command.settings_file(), command.overrides())
    known = kinds(settings)
    if args.kind not in known:
        print(_("'{kind}' is not something sitetool can create: use one of {kinds}.",
                kind=args.kind, kinds=", ".join(known)), file=sys.stderr)
        return 2
    if args.date:
        parsed = parse_date(args.date, settings["TIMEZONE"])
        if parsed is None:
            print(_("--date: '{value}' is not a date — write it as 2026-12-01 or 01.12.2026.",
                    value=args.date), file=sys.stderr)
            return 2
        day = parsed.date()
    else:
        day = datetime.now(ZoneInfo(settings["TIMEZONE"])).date()
    try:
        created = create(known[args.kind], args.title, day, settings, command.messages)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    project = Path(settings["PATH"]).parent
    print(_("Created {folder}/", folder=created.folder.relative_to(project)))
    default = settings["DEFAULT_LANG"]
    for file in created.files:
        lang = file.name.split(".")[1]
        what = (_("write it here") if lang == default
                else _("the {language} translation",
                       language=Locale.parse(command.lang).languages[lang]))
        print(f"  {file.name} — {what}")
    if created.photos:
        print("  " + _("{folder}/ — put the photos here and describe each one under "
                       "'photos:' in {file}", folder=created.photos.name,
                       file=f"index.{default}.md"))
    print(_("It is a draft: when it is ready, delete the line 'status: draft' and run "
            "sitetool check."))
    return 0


def run_check(command: Command) -> int:
    from .check import check

    _ = command._
    result = check(command.settings_file(), command.overrides())
    review = [e for e in result.entries if e.problem and e.problem.field == "review_by"
              and e.severity == "notice"]
    groups = (("error", _("Errors (the site cannot be published until they are fixed):")),
              ("warning", _("Warnings (the published site's build refuses these too):")),
              ("notice", _("Notices (nothing has to change):")))
    for severity, heading in groups:
        entries = [e for e in result.entries if e.severity == severity and e not in review]
        if entries:
            print(heading)
            command.problems(entries, sys.stdout)
            print()
    if review:
        print(_("Due for review (review_by):"))
        command.problems(review, sys.stdout)
        print()
    if command.debug and result.debug:
        command.problems([], sys.stdout, result.debug)
        print()
    counts = ", ".join((
        command.messages.ngettext("{count} error", "{count} errors", result.count("error")),
        command.messages.ngettext("{count} warning", "{count} warnings",
                                  result.count("warning")),
        command.messages.ngettext("{count} notice", "{count} notices", result.count("notice")),
    ))
    print(command.messages.ngettext("Checked {count} file in {seconds:.1f} s: {counts}.",
                                    "Checked {count} files in {seconds:.1f} s: {counts}.",
                                    result.files, seconds=result.seconds, counts=counts))
    print(_("Everything can be published.") if result.ok
          else _("Fix the errors and warnings above, then run sitetool check again."))
    return 0 if result.ok else 1


def run_build(command: Command) -> int:
    from .build import build
    from .progress import Progress

    _, ngettext, args = command._, command.messages.ngettext, command.args
    strict = args.strict or args.production

    def describe(read, written):
        return _("Building… {read} files read, {written} pages written",
                 read=read, written=written)

    result = build(command.settings_file(), Path(args.output), strict=strict,
                   overrides=command.overrides(), progress=Progress(describe),
                   skip_if_unchanged=True, verify=args.verify)
    if not result.ok:
        if result.search_followed is None:
            print(_("Build failed; {output} was left as it was.", output=result.output),
                  file=sys.stderr)
        else:
            print(_("The pages were published into {output}, but their search index could "
                    "not be made: search finds them as they were before this build.",
                    output=result.output), file=sys.stderr)
        command.problems(result.problems, sys.stderr, result.debug)
        return 1
    if result.up_to_date:
        print(_("Nothing has changed since the last build: {output} is up to date.",
                output=result.output))
        return 0
    command.problems(result.problems, sys.stderr, result.debug)  # a preview's warnings
    counts, changes = result.counts, result.changes
    what = ", ".join((
        ngettext("{count} page", "{count} pages", counts.pages),
        ngettext("{count} photo file", "{count} photo files", counts.photos),
        ngettext("{count} feed", "{count} feeds", counts.feeds),
        ngettext("{count} calendar", "{count} calendars", counts.calendars),
    ))
    print(_("Built {what} into {output} in {seconds:.1f} s.", what=what,
            output=result.output, seconds=result.seconds))
    print(_("Compared with the previous site: {added} new, {changed} changed, {removed} "
            "removed files.", added=changes.added, changed=changes.changed,
            removed=changes.removed))
    if result.rendered is not None:
        print(_("Only the pages that show the edited text were made again ({rendered} of "
                "{pages}); the others are the last build's.", rendered=result.rendered,
                pages=counts.pages))
    elif result.full_because:
        reason, params = result.full_because
        print(_("Every page was made again: {reason}.", reason=_(reason, **params)))
    if result.search_followed is not None:
        print(_("The search index followed {seconds:.1f} s after the pages were published "
                "(no page was added or removed, so the last index served meanwhile).",
                seconds=result.search_followed))
    if args.verify:
        print(_("A clean build of the same content made the same files."))
    return 0


def run_serve(command: Command) -> int:
    from .serve import serve

    _, args = command._, command.args

    def report(outcome):
        if outcome.ok:
            print(_("Rebuilt {pages} pages in {seconds:.1f} s.", pages=outcome.pages,
                    seconds=outcome.seconds), flush=True)
            command.problems(outcome.problems, sys.stdout)
        else:
            print(_("This change did not build; the preview shows the previous version:"),
                  flush=True)
            command.problems(outcome.problems, sys.stdout)

    def announce(url, editor_url):
        print(_("Preview: {url} — it is rebuilt whenever you save. Stop with Ctrl+C.",
                url=url), flush=True)
        if editor_url:
            print(_("Web editor: {url} — write and change stories in the browser.",
                    url=editor_url), flush=True)

    try:
        serve(command.settings_file(), Path(args.output), args.host, args.port,
              command.overrides(), command.lang, report, announce)
    except KeyboardInterrupt:  # Ctrl+C is how an editor stops it
        return 0
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        print(_("Port {port} is already in use (is another preview running?). Stop it, or "
                "choose another port, e.g. --port {other}.", port=args.port,
                other=args.port + 1), file=sys.stderr)
        return 1
    return 0


def _formatter(messages: Messages):
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            if prefix is None:  # argparse's own "usage: "
                prefix = messages._("usage: ")
            return super().add_usage(usage, actions, groups, prefix)

    return Formatter


def _parser(messages: Messages) -> argparse.ArgumentParser:
    _ = messages._
    formatter = _formatter(messages)

    def new_parser(parser):
        parser.formatter_class = formatter
        parser._optionals.title = _("options")
        parser._positionals.title = _("what to give")
        parser.add_argument("-h", "--help", action="help", help=_("show this help and stop"))
        parser.add_argument("--lang", choices=LANGUAGES,
                            help=_("language of the messages: lv (default) or en"))
        parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                            help=_("for whoever looks after the site: show Pelican's own "
                                   "messages and the full traceback of an error"))
        return parser

    def settings_option(parser):
        parser.add_argument("--settings", help=_("settings file (default: pelicanconf.py)"))
        parser.add_argument("--content", help=_("content folder (default: content/)"))

    parser = new_parser(argparse.ArgumentParser(
        prog="sitetool", add_help=False, formatter_class=formatter,
        description=_("The website's tool for editors. Write with 'new', look with 'serve', "
                      "find mistakes with 'check'; 'build' makes the site to publish."),
        epilog=_("Help on one command: sitetool <command> --help")))
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("command"),
                                     title=_("commands"))

    new = new_parser(commands.add_parser(
        "new", add_help=False, help=_("start a new story, service or page"),
        description=_("Creates the folder of a new story, service or page with its files "
                      "filled in, as a draft. Nothing is overwritten."),
        epilog=_('Example: sitetool new visit "Kurzemes sociālie darbinieki Preiļos"')))
    new.add_argument("kind", metavar=_("kind"),
                     help=_("visit, service-change, consultation, service or page"))
    new.add_argument("title", metavar=_("title"), help=_("the title in Latvian, in quotes"))
    new.add_argument("--date", help=_("publication date, e.g. 2026-12-01 (default: today)"))
    settings_option(new)
    new.set_defaults(run=run_new)

    check_parser = new_parser(commands.add_parser(
        "check", add_help=False, help=_("look for mistakes in all content"),
        description=_("Checks every story, service and page with the same rules as the "
                      "build, without building the site. Each problem is one line: file, "
                      "line, what is wrong and how to fix it.")))
    settings_option(check_parser)
    check_parser.add_argument("--today", help=_("check as on this day, e.g. 2026-12-01"))
    check_parser.add_argument("--no-cache", action="store_true",
                              help=_("read every file again"))
    check_parser.set_defaults(run=run_check)

    serve_parser = new_parser(commands.add_parser(
        "serve", add_help=False, help=_("preview the site while you edit"),
        description=_("Builds the site, shows it at http://localhost:8000 and rebuilds it "
                      "whenever you save a file; the open page reloads by itself.")))
    settings_option(serve_parser)
    serve_parser.add_argument("--output", default=str(ROOT / "output"),
                              help=_("folder for the preview (default: output/)"))
    serve_parser.add_argument("--host", default="localhost", help=_("address to listen on"))
    serve_parser.add_argument("--port", type=int, default=8000, help=_("port (default: 8000)"))
    serve_parser.set_defaults(run=run_serve)

    build_parser = new_parser(commands.add_parser(
        "build", add_help=False, help=_("build the whole site into a folder"),
        description=_("Builds the whole site into a new folder and puts it in place of the "
                      "old one only if nothing went wrong.")))
    settings_option(build_parser)
    build_parser.add_argument("--output", default=str(ROOT / "output"),
                              help=_("where the site goes (default: output/)"))
    build_parser.add_argument("--production", action="store_true",
                              help=_("the site to publish: publishconf.py, and warnings "
                                     "count as errors"))
    build_parser.add_argument("--strict", action="store_true",
                              help=_("warnings count as errors"))
    build_parser.add_argument("--today", help=_("publish as on this day, e.g. 2026-12-01"))
    build_parser.add_argument("--site-url", help=_("the address the site is served at"))
    build_parser.add_argument("--no-cache", action="store_true",
                              help=_("read every file again, keep no cache and build even if "
                                     "nothing has changed"))
    build_parser.add_argument("--verify", action="store_true",
                              help=_("also build the site again from nothing into a "
                                     "temporary folder, and publish only if both are the "
                                     "same file by file"))
    build_parser.set_defaults(run=run_build)
    return parser


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    language = argparse.ArgumentParser(add_help=False)
    language.add_argument("--lang", choices=LANGUAGES)
    known, _rest = language.parse_known_args(argv)
    messages = Messages(choose_lang(known.lang))
    args = _parser(messages).parse_args(argv)
    sys.exit(args.run(Command(args, messages)))
