"""Python and JavaScript give exactly the same answer on 10,000+ random inputs.

Random rule sets (disagreements, national limits, series, conditions, every unit and anchor) and
random conferences over the whole covered range and a little beyond it, plus the fixture content
and the real content, all evaluated by both engines; answers compared whole.
"""

from __future__ import annotations

import random

from cpguide.deadlines.engine import rules_for
from cpguide.deadlines.export import words
from cpguide.gate import valid_content
from deadline_cases import ROOT, calendar_for, node_available, node_json, run_python, tables_for
from random_rules import random_input, random_rules

TODAYS = ["2026-11-22", "2025-03-01", "2028-07-15"]
COUNT = 10_000
FIXTURE_CONTENT = ROOT / "tests" / "deadlines" / "fixtures" / "content"


def _items(seed: int, count: int, rule_sets: list[list[dict]]) -> list[dict]:
    rng = random.Random(seed)
    items = []
    for i in range(count):
        today = TODAYS[i % len(TODAYS)]
        calendar = calendar_for(today)
        rules = rng.choice(rule_sets) if rule_sets and rng.random() < 0.3 else random_rules(rng)
        items.append({"today": today, "rules": rules, "input": random_input(rng, calendar.first, calendar.last)})
    return items


def _compare(items: list[dict]) -> None:
    js = node_json(node_available(), "differential.mjs", {"tables": tables_for(i["today"] for i in items), "words": words(),
                                                           "items": items})
    assert len(js) == len(items)
    mismatches = []
    for item, theirs in zip(items, js):
        ours = run_python(item["rules"], item["input"], calendar_for(item["today"]))
        if ours != theirs:
            mismatches.append((item, ours, theirs))
    assert not mismatches, f"{len(mismatches)} of {len(items)} differ; first: {mismatches[0]}"


def _rule_sets(content) -> list[list[dict]]:
    return [rules_for(content, a) for a in sorted(content.authorities)]


def test_random_inputs_agree_exactly():
    fixture = valid_content(FIXTURE_CONTENT)
    items = _items(20261122, COUNT, _rule_sets(fixture))
    assert len(items) >= 10_000
    _compare(items)


def test_real_content_agrees_exactly(content):
    """Every authority of the real content on 1,000 random conferences."""
    sets = _rule_sets(content)
    assert any(sets), "the real content has no timescale rules yet"
    rng = random.Random(3)
    items = []
    for i in range(1000):
        today = TODAYS[i % len(TODAYS)]
        calendar = calendar_for(today)
        items.append({"today": today, "rules": rng.choice(sets), "input": random_input(rng, calendar.first, calendar.last)})
    _compare(items)
