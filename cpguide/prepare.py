"""A professional's "what to bring and prepare" list: each authority's roles.yml `prepare`, ids of
items in its own content whose source wording says what a professional brings or prepares; the
site's words around it are in checklists/national/expected-deadlines.yml `prepare`.
"""

from __future__ import annotations

from .content import Authority, Content
from .errors import ContentError
from .expected import expected_data

ROLES = "roles.yml"


def prepare_ids(authority: Authority) -> list[str]:
    return authority.data(ROLES).get("prepare", [])


def prepare_words(content: Content) -> dict:
    """The site's own words for the section, or {} when the content has none (no section then)."""
    return expected_data(content).get("prepare", {})


def prepare_errors(content: Content, display) -> list[ContentError]:
    """Every id names an item of the same authority (a quotation from another authority's documents
    would be a requirement this authority never made)."""
    errors = []
    for authority in content.authorities.values():
        doc = authority.docs.get(ROLES)
        if doc is None:
            continue
        for i, target in enumerate(doc.data.get("prepare", [])):
            entry = content.index.get(target)
            if entry is None:
                problem, fix = "does not exist", "check the id for typos, or add the item it should point to"
            elif entry.authority != authority.id:
                problem, fix = f"belongs to '{entry.authority}'", "list only items of this authority's own documents"
            elif entry.type == "discrepancy":
                problem, fix = "is a disagreement, not a point of the documents", "list the items it names instead"
            else:
                continue
            errors.append(ContentError(display(doc.path, content.root), doc.line_of(("prepare", i)),
                                       f"prepare lists '{target}', which {problem}", fix))
    return errors
