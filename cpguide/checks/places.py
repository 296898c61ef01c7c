"""Where a finding is: a content file as the maintainer knows it, and the line of a rule."""

from __future__ import annotations

from ..content import Content, shown


def rule_place(content: Content, authority_id: str, rule_id: str) -> tuple[str, int | None]:
    """(file, line) of a timescale rule."""
    authority = content.authorities[authority_id]
    doc = authority.docs["timescales.yml"]
    index = next(i for i, r in enumerate(authority.rules) if r["id"] == rule_id)
    return shown(doc.path, content), doc.line_of(("rules", index, "id"))


def discrepancies_file(content: Content, authority_id: str) -> str:
    return shown(content.authorities[authority_id].folder / "discrepancies.yml", content)


def rule_at(content: Content, authority_id: str, rule_id: str) -> str:
    file, line = rule_place(content, authority_id, rule_id)
    return f"{file}:{line}" if line else file
