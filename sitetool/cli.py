"""`sitetool`: one entry point for building and previewing the site."""

import argparse
import sys
from pathlib import Path

from .build import ROOT, build
from .serve import serve


def _build(args) -> int:
    overrides = {"BUILD_DATE": args.today} if args.today else {}
    if args.site_url:
        overrides["SITEURL"] = args.site_url
    if args.content:
        overrides["PATH"] = str(Path(args.content).resolve())
    if args.no_cache:
        overrides.update(CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    result = build(Path(args.settings), Path(args.output), strict=args.strict,
                   overrides=overrides)
    if not result.ok:
        print(f"Build failed; {result.output} was left as it was.", file=sys.stderr)
        for line in result.problems:
            print(line, file=sys.stderr)
        return 1
    print(f"Built {result.pages} pages into {result.output} in {result.seconds:.1f} s.")
    return 0


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="sitetool", description="Build and preview the site.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the whole site into a folder")
    build_parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    build_parser.add_argument("--output", default=str(ROOT / "output"))
    build_parser.add_argument("--content", help="content folder (default: the settings')")
    build_parser.add_argument("--today", help="publish as on this day (YYYY-MM-DD)")
    build_parser.add_argument("--site-url", help="absolute address the site is served at")
    build_parser.add_argument("--strict", action="store_true",
                              help="treat warnings as errors (production)")
    build_parser.add_argument("--no-cache", action="store_true",
                              help="read every file again and keep no cache")
    build_parser.set_defaults(run=_build)
    serve_parser = commands.add_parser(
        "serve", help="preview the site at http://localhost:8000; it rebuilds when you save")
    serve_parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    serve_parser.add_argument("--output", default=str(ROOT / "output"))
    serve_parser.add_argument("--host", default="localhost")
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.set_defaults(run=lambda a: serve(Path(a.settings), Path(a.output), a.host,
                                                  a.port) or 0)
    args = parser.parse_args(argv)
    sys.exit(args.run(args))
