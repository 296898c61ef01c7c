"""How England's authorities differ: for each kind of deadline and each conference type, which
timings the authorities give and how many give each, beside the national limit.

Pure data over the content model (no page, no markup): the comparison page and the open data both
read it, so the figures a researcher downloads are the figures a chair reads. One pass over the
rules: linear in the number of authorities.
"""

from __future__ import annotations

from collections import defaultdict

from .content import Content
from .deadlines.words import conditions_phrase, rule_words
from .vocabulary import CONFERENCE_TYPES, DEADLINE_KINDS


def timing_words(rule: dict) -> str:
    """A rule's timing in words that read the same in every authority (not the calculator's words,
    which name each authority's own first visit), with its conditions."""
    text = rule_words(rule)
    if rule.get("conditions"):
        text += f" (only if {conditions_phrase(rule['conditions'])})"
    return text


def timescale_spread(content: Content) -> list[dict]:
    """One entry per (kind, conference type) that any authority or the national framework has, in
    the vocabulary's order (the order of a conference):

    {"kind", "conference_type", "national": [{"rule", "in_words"}],
     "timings": [{"in_words", "count", "rules": [{"authority", "rule"}]}]  (most common first),
     "authorities": how many local authorities there are, "without_rule": how many give none}

    `count` counts authorities, not rules: an authority whose two documents give the same timing is
    counted once for it; one whose documents disagree is counted under each timing it gives.
    """
    national = content.national.rules if content.national else []
    authorities = content.local_authorities
    groups: dict[tuple[str, str], dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for a in authorities:
        for rule in a.rules:
            for ctype in rule.get("conference_types") or list(CONFERENCE_TYPES):
                groups[(rule["kind"], ctype)][timing_words(rule)].append((a.id, rule["id"]))
    limits: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for n in national:
        for ctype in n.get("conference_types") or list(CONFERENCE_TYPES):
            limits[(n["kind"], ctype)].append({"rule": n["id"], "in_words": timing_words(n)})
    keys = set(groups) | set(limits)
    order = {k: i for i, k in enumerate(DEADLINE_KINDS)}
    ctypes = {t: i for i, t in enumerate(CONFERENCE_TYPES)}
    return [_entry(kind, ctype, groups.get((kind, ctype), {}), limits.get((kind, ctype), []), len(authorities))
            for kind, ctype in sorted(keys, key=lambda k: (order.get(k[0], len(order)), ctypes.get(k[1], 0)))]


def _entry(kind: str, ctype: str, by_timing: dict, national: list[dict], total: int) -> dict:
    timings = [{"in_words": words,
                "count": len({authority for authority, _ in rules}),
                "rules": [{"authority": authority, "rule": rule} for authority, rule in rules]}
               for words, rules in by_timing.items()]
    timings.sort(key=lambda t: (-t["count"], t["in_words"]))
    giving = {r["authority"] for t in timings for r in t["rules"]}
    return {"kind": kind, "conference_type": ctype, "national": national, "timings": timings,
            "authorities": total, "without_rule": total - len(giving)}
