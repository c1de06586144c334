from .offices import register

__all__ = ["register"]
