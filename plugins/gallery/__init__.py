from .gallery import register

__all__ = ["register"]
