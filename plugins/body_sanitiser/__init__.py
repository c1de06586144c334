"""The allow-list of HTML in rendered Markdown bodies (a library: no signals).
`bundle_reader` cleans each body while it reads it, `services` each easy-read text."""

from .sanitiser import BodySanitiser

__all__ = ["BodySanitiser"]
