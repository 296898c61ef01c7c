"""Consistency checks on loaded content, made by `cpguide validate` (through load_content) and by the
tests, which call the same functions. One module per concern:

- identity.py: unique ids, each file's schema line;
- timings.py: disagreements no discrepancy records, the national limits, rule texts against their timing;
- plain_english.py: the families' pages (reading grade, sentences, grounding);
- sources.py: agendas in the source's own order.

Each check returns findings; `content_errors` turns them into errors with file, line and what to fix.
"""

from __future__ import annotations

from ..content import Content
from ..errors import ContentError
from .identity import duplicate_id_error, schema_line_errors
from .plain_english import (MAX_FAMILY_GRADE, family_errors, family_problems, family_topics, forget_pronunciations,
                            plain_text, reading_grade)
from .places import rule_place, shown
from .sources import agenda_order_errors
from .timings import national_breaches, span_problems, stated_timings, timing_errors, unrecorded_conflicts

# what the loader, the command line, the hooks and the tests use
__all__ = ["MAX_FAMILY_GRADE", "agenda_order_errors", "content_errors", "duplicate_id_error", "family_problems",
           "family_topics", "forget_pronunciations", "national_breaches", "plain_text", "reading_grade",
           "rule_place", "schema_line_errors", "shown", "span_problems", "stated_timings", "unrecorded_conflicts"]


def content_errors(content: Content) -> list[ContentError]:
    """Every consistency problem, as errors with file and line (run once the content itself loads)."""
    return schema_line_errors(content) + timing_errors(content) + family_errors(content) + agenda_order_errors(content)
