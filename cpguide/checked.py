"""What each national fact was checked against (`checked_against`, common.schema.json#/$defs/checkedAgainst).

Every national rule, and every glossary definition that cites the national framework or states what an
Act or Working Together says, must say which
texts it was checked against: document, edition, paragraph or page, address and day. A fact checked
only against pages that state it (local procedures) needs at least two of them from different
publishers, and the site says it is not checked against the statutory text itself. A rule counts as
checked against an edition of the guidance only when a check of kind statutory-guidance names it.
"""

from __future__ import annotations

import re
from typing import Iterator

from .content import Content

PRIMARY = ("statute", "statutory-guidance")
# A definition that states what an Act or the statutory guidance says is a national fact too.
STATES_THE_LAW = re.compile(r"\bAct \d{4}\b|Working Together")


def against_statutory_text(checks: list[dict]) -> bool:
    return any(c["kind"] in PRIMARY for c in checks)


def checked_against_edition(item: dict, document_id: str) -> bool:
    return any(c["kind"] == "statutory-guidance" and c.get("guidance") == document_id for c in item.get("checked_against", []))


def publishers(checks: list[dict]) -> set[str]:
    return {" ".join(c["publisher"].lower().split()) for c in checks}


def national_facts(content: Content) -> Iterator[tuple[str, int, dict]]:
    """(file name, index, item) for each national rule and each glossary term citing a national document."""
    national = content.national
    if national is None:
        return
    own = {d["id"] for d in national.documents}
    for i, rule in enumerate(national.rules):
        yield "timescales.yml", i, rule
    for i, term in enumerate(national.terms):
        if any(s["document"] in own for s in term.get("sources", [])) or STATES_THE_LAW.search(term["definition"]):
            yield "glossary.yml", i, term
