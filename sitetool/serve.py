"""Live preview: build, serve the output at http://localhost:8000, rebuild on save and
reload the open browser tab (python-livereload injects its small script)."""

from pathlib import Path

from .build import ROOT, build

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


def serve(settings_file: Path, output: Path, host: str, port: int) -> None:
    from livereload import Server

    def rebuild():
        result = build(settings_file, output)
        if result.ok:
            print(f"Built {result.pages} pages in {result.seconds:.1f} s — "
                  f"http://{host}:{port}/")
        else:
            print("The last change did not build; the preview shows the previous version:")
            for line in result.problems:
                print("  " + line)

    rebuild()
    server = Server()
    for watched in WATCHED:
        server.watch(str(ROOT / watched), rebuild, delay=0.3)
    server.serve(host=host, port=port, root=str(output), open_url_delay=None)
