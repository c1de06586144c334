"""Service notices: a service or an office changed, limited or closed for a while
("Sociālā virtuve is closed 24–26 December").

One YAML file per notice, `content/notices/<slug>.yml`, checked against
the fields of `fields.py`: severity (NOTICE_SEVERITIES), `start` and `end` (the last day it
applies), an optional `announce_from`, the services and offices it concerns, and its
title and text in both languages.

Signals:
- `get_generators`: `NoticesGenerator.generate_context` (reading) checks every notice (one
  `Problem` line for a notice ending before it starts…) and keeps those current on the
  build day (`build_today`: from `announce_from` or `start` to `end`). Context:
  `service_notices` (current, banner ones first), `banner_notices`, `notices_by_service`
  and `notices_by_office` ({slug: [notices]}). Expired notices are left out.
- `all_generators_finalized`: a current or coming notice naming a missing service or
  office is a problem.

It reads what the `services` and `offices` plugins know (listed before it in PLUGINS).
It writes nothing itself: the templates show the notices (`partials/urgent_notices.html`
in BANNER_SECTIONS, `partials/service_notices.html` in HOME_SECTIONS, the service and
office pages), and `notice-expiry.js` hides them in the browser after their end date, for
readers who open a page built before that.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from pelican import signals
from pelican.generators import Generator

from content_schema import Problem, build_today, log_problems, read_data_files, unknown_reference
from content_schema.dates import as_typed
from services.services import (
    NOT_A_SERVICE,
    NOT_AN_OFFICE,
    USE_A_SERVICE,
    USE_AN_OFFICE,
    service_slugs,
)

logger = logging.getLogger(__name__)


@dataclass
class Notice:
    slug: str
    source_file: str
    severity: str
    start: date
    end: date
    shown_from: date
    title: dict[str, str]
    text: dict[str, str]
    banner: bool
    services: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


def _period_problems(data_file) -> list[Problem]:
    values, line = data_file.values, data_file.front_matter.line

    def typed(key):  # dates are echoed as the editor typed them
        return as_typed(data_file.front_matter.data, key)

    start, end = values["start"].date(), values["end"].date()
    problems = []
    if end < start:
        problems.append(Problem(
            data_file.source_file, line("end"), "end", "{end} is before the start, {start}",
            "write the last day the notice applies, on or after start",
            params={"end": typed("end"), "start": typed("start")}))
    announce_from = values.get("announce_from")
    if announce_from and announce_from.date() > start:
        problems.append(Problem(
            data_file.source_file, line("announce_from"), "announce_from",
            "{date} is after the start, {start}",
            "write a day before or on start, or leave announce_from out",
            params={"date": typed("announce_from"), "start": typed("start")}))
    return problems


def _notice(data_file, severities) -> Notice:
    values = data_file.values
    start = values["start"].date()
    announce_from = values.get("announce_from")
    return Notice(
        slug=data_file.slug, source_file=data_file.source_file,
        severity=values["severity"], start=start, end=values["end"].date(),
        shown_from=announce_from.date() if announce_from else start,
        title=values["title"], text=values["text"],
        banner=bool(severities[values["severity"]].get("banner")),
        services=values.get("services", []), offices=values.get("offices", []),
        lines=data_file.front_matter.lines)


class NoticesGenerator(Generator):
    def generate_context(self):
        files, problems = read_data_files("notices", self.settings)
        valid = []
        for data_file in files:
            period_problems = _period_problems(data_file)
            problems += period_problems
            if not period_problems:
                valid.append(_notice(data_file, self.settings["NOTICE_SEVERITIES"]))
        log_problems(logger, sorted(problems))
        today = build_today(self.settings)
        coming_or_current = [n for n in valid if n.end >= today]
        current = sorted((n for n in coming_or_current if n.shown_from <= today),
                         key=lambda n: (not n.banner, n.start, n.slug))
        self.context["current_and_coming_notices"] = coming_or_current
        self.context["service_notices"] = current
        self.context["banner_notices"] = [n for n in current if n.banner]
        by_service, by_office = defaultdict(list), defaultdict(list)
        for notice in current:
            for slug in notice.services:
                by_service[slug].append(notice)
            for slug in notice.offices:
                by_office[slug].append(notice)
        self.context["notices_by_service"] = dict(by_service)
        self.context["notices_by_office"] = dict(by_office)


def _unknown(notice, field_name, known, message, fix) -> list[Problem]:
    return [
        unknown_reference(
            notice.source_file,
            notice.lines.get(f"{field_name}[{index}]", notice.lines.get(field_name, 1)),
            field_name, slug, known, message, fix)
        for index, slug in enumerate(getattr(notice, field_name)) if slug not in known
    ]


def check_what_notices_concern(generators):
    context = generators[0].context
    services = service_slugs(context)
    offices = context.get("office_slugs", set())
    problems = []
    for notice in context.get("current_and_coming_notices", []):
        problems += _unknown(notice, "services", services, NOT_A_SERVICE, USE_A_SERVICE)
        problems += _unknown(notice, "offices", offices, NOT_AN_OFFICE, USE_AN_OFFICE)
    log_problems(logger, problems)


def get_generators(pelican):
    return NoticesGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(check_what_notices_concern)
