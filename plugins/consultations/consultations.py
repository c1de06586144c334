"""Public consultations: status, period, meetings, documents and ways to take part.

Signals:
- `article_generator_finalized`: every story of kind `consultation` gets `consultation`
  (see model.py) with its status on the build day (`content_schema.build_today`); rules
  that combine fields (rules.py) log one `Problem` line each, drafts included so an editor
  hears about a scheduled story early. The context gets `consultations_by_lang`: each
  language's published consultations, open and upcoming first, then closed;
- `get_generators`: `ConsultationsPageGenerator` writes the Consultations page of each
  language at `CONSULTATIONS_URLS[lang]`.

The templates show the status as built; `consultation-status.js` corrects it in the
browser once a date has passed (the pages carry the exact moments as ISO data attributes).
"""

import logging

from pelican import signals
from pelican.generators import Generator

from content_schema import build_today, log_problems

from .model import CLOSED, OPEN, RESULTS, UPCOMING, consultation_of
from .rules import document_problems, meeting_problems, period_problems, translation_problems

logger = logging.getLogger(__name__)

KIND = "consultation"


def _original(story, default_lang):
    if story.lang == default_lang:
        return None
    return next((t for t in story.translations if t.lang == default_lang), None)


def _list_order(consultation):
    """Open (soonest deadline first), then upcoming (soonest first), then closed (most
    recently closed first)."""
    rank = {OPEN: 0, UPCOMING: 1, CLOSED: 2, RESULTS: 2}[consultation.status]
    if consultation.status == OPEN:
        moment = consultation.closes.timestamp()
    elif consultation.status == UPCOMING:
        moment = consultation.opens.timestamp()
    else:
        moment = -consultation.closes.timestamp()
    return rank, moment


def attach_consultations(generator):
    settings = generator.settings
    today = build_today(settings)
    published = generator.articles + generator.translations
    everything = published + generator.drafts + generator.drafts_translations
    problems = []
    for story in everything:
        if getattr(story, "kind", None) != KIND:
            continue
        story.consultation = consultation_of(story, settings, today)
        problems += period_problems(story, settings)
        problems += meeting_problems(story)
        problems += document_problems(story)
        problems += translation_problems(story, _original(story, settings["DEFAULT_LANG"]))
    log_problems(logger, sorted(problems))
    generator.context["consultations_by_lang"] = {
        lang: sorted((s.consultation for s in published
                      if s.lang == lang and getattr(s, "kind", None) == KIND),
                     key=_list_order)
        for lang in settings["LANGUAGES"]
    }


class ConsultationsPageGenerator(Generator):
    """One page per language: what is open now and coming up, then what has closed."""

    def generate_context(self):
        self.context.setdefault("consultations_by_lang", {})

    def generate_output(self, writer):
        urls = self.settings["CONSULTATIONS_URLS"]
        template = self.get_template("consultations")
        for lang, url in urls.items():
            consultations = self.context["consultations_by_lang"].get(lang, [])
            writer.write_file(
                url + "index.html", template, self.context,
                url=url, lang=lang, alternates=urls, template_name="consultations",
                current=[c for c in consultations if c.is_current],
                closed=[c for c in consultations if not c.is_current],
            )


def get_generators(pelican):
    return ConsultationsPageGenerator


def register():
    signals.article_generator_finalized.connect(attach_consultations)
    signals.get_generators.connect(get_generators)
