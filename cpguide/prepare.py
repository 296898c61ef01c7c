"""A professional's "what to bring and prepare" list: each authority's roles.yml `prepare`, ids of
items in its own content whose source wording says what a professional brings or prepares; the
site's words around it are in checklists/national/expected-deadlines.yml `prepare`.
"""

from __future__ import annotations

from .content import Authority, Content
from .expected import expected_data

ROLES = "roles.yml"


def prepare_ids(authority: Authority) -> list[str]:
    return authority.data(ROLES).get("prepare", [])


def prepare_words(content: Content) -> dict:
    """The site's own words for the section, or {} when the content has none (no section then)."""
    return expected_data(content).get("prepare", {})
