from .published_files import register

__all__ = ["register"]
