from .collation import latvian_sort_key
from .ui_language import register

__all__ = ["latvian_sort_key", "register"]
