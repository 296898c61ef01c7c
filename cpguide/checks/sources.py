"""The sources' own order: agendas keep the source's numbering, and an odd one says so."""

from __future__ import annotations

from ..content import Content
from ..errors import ContentError
from .places import shown


# --- agendas numbered as the source numbers them --------------------------------------------------

def agenda_order_errors(content: Content) -> list[ContentError]:
    """A section numbered higher than the one after it (a source's "10" between 5 and 6) is kept where
    the source puts it, and one of the two says so in `anomaly`: never renumbered, never silent."""
    errors = []
    for authority in content.authorities.values():
        doc = authority.docs.get("agenda.yml")
        for i, agenda in enumerate(authority.agendas):
            sections = agenda.get("sections", [])
            for j, (a, b) in enumerate(zip(sections, sections[1:])):
                if str(a.get("number")).isdigit() and str(b.get("number")).isdigit() \
                        and int(a["number"]) > int(b["number"]) and not (a.get("anomaly") or b.get("anomaly")):
                    errors.append(ContentError(
                        shown(doc.path, content), doc.line_of(("agendas", i, "sections", j + 1, "number")),
                        f"section {b['number']} follows section {a['number']} in agenda '{agenda['id']}'",
                        f"keep the source's order and numbers, and say what is odd in anomaly: on section {a['number']} "
                        "(or correct the order if it is yours, not the source's)"))
    return errors
