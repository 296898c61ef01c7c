"""Sources: agendas keep the source's own order and numbering (an odd one says so), and each national
fact says which texts it was checked against (cpguide/checked.py)."""

from __future__ import annotations

from ..checked import against_statutory_text, national_facts, publishers
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


# --- what each national fact was checked against ----------------------------------------------------

def checked_errors(content: Content) -> list[ContentError]:
    errors = []
    for name, index, item in national_facts(content):
        doc = content.national.docs[name]
        key = "rules" if name == "timescales.yml" else "terms"
        where = shown(doc.path, content)
        checks = item.get("checked_against")
        if not checks:
            errors.append(ContentError(where, doc.line_of((key, index, "id")),
                                       f"national fact '{item['id']}' has no checked_against",
                                       "record each text you checked it against: kind, document, publisher, edition, where "
                                       "(paragraph or page), url and the day you checked (see schema/common.schema.json)"))
        elif not against_statutory_text(checks) and len(publishers(checks)) < 2:
            errors.append(ContentError(where, doc.line_of((key, index, "checked_against")),
                                       f"national fact '{item['id']}' is checked against one publisher's pages only",
                                       "without the statute or the statutory guidance itself, cite at least two public "
                                       "procedures from different publishers that state it"))
    return errors
