from .bundle_reader import register

__all__ = ["register"]
