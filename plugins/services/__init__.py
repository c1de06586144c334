from .services import register

__all__ = ["register"]
