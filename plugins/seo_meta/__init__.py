from .seo_meta import register

__all__ = ["register"]
