"""Consistency checks across rules: unrecorded disagreements and breaches of the national limits.

Used by the tests (which fail on a finding) and by the pages (which show the same findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .content import Authority, Content
from .deadlines.engine import compatible, timing


@dataclass(frozen=True)
class Conflict:
    authority: str
    kind: str
    conference_type: str
    rules: tuple[str, str]


def timing_conflicts(authority: Authority) -> list[Conflict]:
    """Pairs of rules of one authority with the same kind and conference type but different timing."""
    found = []
    for a, b in combinations(authority.rules, 2):
        if a["kind"] != b["kind"] or timing(a) == timing(b) or not compatible(a, b):
            continue
        for t in sorted(set(a["conference_types"]) & set(b["conference_types"])):
            found.append(Conflict(authority.id, a["kind"], t, (a["id"], b["id"])))
    return found


def recorded_pairs(authority: Authority) -> set[frozenset]:
    pairs = set()
    for d in authority.discrepancies:
        for x, y in combinations(d["items"], 2):
            pairs.add(frozenset((x, y)))
    return pairs


def unrecorded_conflicts(content: Content) -> list[Conflict]:
    missing = []
    for authority in content.authorities.values():
        recorded = recorded_pairs(authority)
        missing += [c for c in timing_conflicts(authority) if frozenset(c.rules) not in recorded]
    return missing


def national_counterparts(content: Content, rule: dict) -> list[dict]:
    """National rules of the same kind that apply to a conference type this rule applies to."""
    national = content.national.rules if content.national else []
    return [n for n in national if n["kind"] == rule["kind"]
            and set(n["conference_types"]) & set(rule["conference_types"]) and compatible(n, rule)]


def recorded_deviations(authority: Authority) -> set[str]:
    return {i for d in authority.discrepancies if d.get("type") == "deviation" for i in d["items"]}
