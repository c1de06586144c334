from .meeting_calendar import register

__all__ = ["register"]
