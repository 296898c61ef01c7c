"""Who points at whom: every reference between items, in both directions, computed once per build.

References come from `related`, `ref`, `deadline`, guidance `standards` and discrepancy `items`.
The result is a dict id -> ordered list of related ids (outgoing and incoming), so every page can
show an item's related items without searching the whole content again (linear, not quadratic).
"""

from __future__ import annotations

from collections import defaultdict

from ..content import REFERENCE_KEYS, Content



def build_relations(content: Content) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Return (related, discrepancies_of): related ids per item, and discrepancy ids per item."""
    related: dict[str, list[str]] = defaultdict(list)
    discrepancies_of: dict[str, list[str]] = defaultdict(list)

    def link(a: str, b: str) -> None:
        if a != b and b not in related[a]:
            related[a].append(b)

    for entry in content.index.values():
        if entry.type == "discrepancy":
            for target in entry.item.get("items", []):
                discrepancies_of[target].append(entry.id)
            continue
        for key in REFERENCE_KEYS:
            value = entry.item.get(key)
            for target in [value] if isinstance(value, str) else (value or []):
                if not isinstance(target, str):
                    continue  # e.g. a standards set's list of standards
                link(entry.id, target)
                link(target, entry.id)
    return dict(related), dict(discrepancies_of)
