"""The checks on loaded content, run by cpguide/gate.py (for `cpguide validate`, every command that
needs valid content and the build) and by the tests, which call the same functions. The loader only
reads; nothing here is run by it. One module per concern:

- references.py: every id, document, question and rule named exists where it may be named;
- identity.py: each file's schema line (a duplicate id is found by the loader: cpguide/duplicate_ids.py);
- timings.py: disagreements no discrepancy records, the national limits, rule texts against their timing;
- plain_english.py: the families' pages (reading grade, sentences, grounding);
- sources.py: agendas in the source's own order, what each national fact was checked against;
- misleading.py: valid content that would mislead a reader.

Each check returns findings as errors with file, line and what to fix.
"""

from __future__ import annotations

from ..content import Content
from ..errors import ContentError
from .identity import schema_line_errors
from .misleading import misleading_errors
from .plain_english import (MAX_FAMILY_GRADE, family_errors, family_problems, family_topics, forget_pronunciations,
                            plain_text, reading_grade)
from .places import rule_place, shown
from .references import (example_errors, interface_errors, law_errors, prepare_errors, question_errors,
                         reference_errors)
from .sources import agenda_order_errors, checked_errors
from .timings import national_breaches, span_problems, stated_timings, timing_errors, unrecorded_conflicts

# what the gate, the command line, the hooks and the tests use
__all__ = ["MAX_FAMILY_GRADE", "agenda_order_errors", "consistency_errors", "content_errors", "cross_errors", "family_problems",
           "family_topics", "forget_pronunciations", "national_breaches", "plain_text", "reading_grade",
           "rule_place", "schema_line_errors", "shown", "span_problems", "stated_timings", "unrecorded_conflicts"]


def content_errors(content: Content) -> list[ContentError]:
    """Every consistency problem, as errors with file and line (run once the content itself loads)."""
    return schema_line_errors(content) + timing_errors(content) + family_errors(content) + agenda_order_errors(content)


def cross_errors(content: Content) -> list[ContentError]:
    """What the content names across files and folders (run once every file has loaded)."""
    return (reference_errors(content) + question_errors(content) + interface_errors(content) + law_errors(content)
            + checked_errors(content) + prepare_errors(content) + example_errors(content))


def consistency_errors(content: Content) -> list[ContentError]:
    """The consistency checks, then what would mislead a reader (run on otherwise clean content only)."""
    return content_errors(content) + misleading_errors(content)
