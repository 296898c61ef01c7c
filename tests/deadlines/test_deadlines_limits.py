"""The largest amount the schema accepts in each unit: Python and JavaScript give the same answer.

`amount: 100000000` days once crashed the command line (OverflowError) while the JavaScript said
"out of range". The schema now caps every unit at a year's worth; here both engines are run on
rules at that cap (and at zero), before and after, for conferences across the whole covered range
and at its edges, and must agree exactly.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from cpguide.deadlines.export import words
from deadline_cases import calendar_for, node_available, node_json, run_python, tables_for

SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "timescales.schema.json"
TODAY = "2026-12-01"


def _caps() -> dict[str, int]:
    limits = json.loads(SCHEMA.read_text())["$defs"]["unitLimits"]["allOf"]
    return {c["if"]["properties"]["unit"]["const"]: c["then"]["properties"]["amount"]["maximum"] for c in limits}


def _rules(unit: str, amount: int) -> list[dict]:
    base = {"kind": "plan-circulated", "authority": "local", "conference_types": ["icpc", "rcpc"], "unit": unit,
            "amount": amount, "from": "conference", "audiences": []}
    return [dict(base, id="after", direction="after"),
            dict(base, id="before", direction="before", limit="at-least", kind="reports-to-family")]


def test_every_unit_is_capped_and_the_caps_are_those_documented():
    assert _caps() == {"minutes": 1440, "hours": 744, "working_days": 260, "days": 366, "weeks": 52, "months": 12}


def test_both_engines_agree_at_the_largest_amounts():
    calendar = calendar_for(TODAY)
    days = [calendar.first, calendar.first + timedelta(days=1), calendar.last - timedelta(days=400),
            calendar.last - timedelta(days=1), calendar.last]
    items = [{"today": TODAY, "rules": _rules(unit, amount),
              "input": {"conference": "icpc", "date": day.isoformat(), "time": "23:59"}}
             for unit, cap in _caps().items() for amount in (0, cap) for day in days]
    theirs = node_json(node_available(), "differential.mjs",
                       {"tables": tables_for([TODAY]), "words": words(), "items": items})
    ours = [run_python(i["rules"], i["input"], calendar) for i in items]
    mismatches = [(i, a, b) for i, a, b in zip(items, ours, theirs) if a != b]
    assert not mismatches, f"{len(mismatches)} of {len(items)} differ; first: {mismatches[0]}"
    statuses = {d["status"] for answer in ours for d in answer.get("deadlines", [])}
    assert {"dated", "out-of-range"} <= statuses, statuses  # the caps reach past the range: both say so
