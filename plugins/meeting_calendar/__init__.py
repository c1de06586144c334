from .meeting_calendar import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
PROVIDES = {"meeting.calendar_url"}
NEEDS = {"consultations": {"consultations_by_lang"}}

__all__ = ["NEEDS", "PROVIDES", "register"]
