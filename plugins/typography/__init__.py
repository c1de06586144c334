"""The language's quotation marks (a library: no signals). `bundle_reader` sets each
body's and text value's quotes as it reads them: Latvian „…”, English “…”."""

from .quotes import quote_html, quote_text

__all__ = ["quote_html", "quote_text"]
