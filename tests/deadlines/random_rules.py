"""Random timescale rules and conference inputs for the differential and property tests.

Kinds, authorities and ids come from small pools on purpose, so that random rule sets often
contain disagreements, national limits, recurring series and conditions that meet.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

KINDS = ["first-cp-visit", "cp-visits", "first-core-group", "core-groups", "next-review-conference",
         "plan-circulated", "reports-to-family"]
UNITS = ["minutes", "hours", "working_days", "days", "weeks", "months"]
FROMS = ["conference"] * 6 + ["strategy-discussion"] * 2 + ["booking-request", "plan-received", "core-group",
                                                            "event", "previous"]
AMOUNTS = {"minutes": 600, "hours": 120, "working_days": 30, "days": 60, "weeks": 10, "months": 14}


def random_rule(rng: random.Random, n: int, national_ids: list[str]) -> dict:
    unit = rng.choice(UNITS)
    rule = {
        "id": f"g{n}",
        "kind": rng.choice(KINDS),
        "authority": rng.choice(["local", "local", "local", "national", "other"]),
        "conference_types": rng.choice([["icpc"], ["rcpc"], ["icpc", "rcpc"]]),
        "amount": rng.randint(0, AMOUNTS[unit]),
        "unit": unit,
        "direction": rng.choice(["before", "after", "after"]),
        "from": rng.choice(FROMS),
        "audiences": rng.sample(["parents", "professionals", "social-workers", "chairs"], rng.randint(0, 4)),
    }
    limit = rng.choice([None, None, "within", "at-least", "exactly"])
    if limit:
        rule["limit"] = limit
    if rng.random() < 0.3:
        conditions = {}
        if rng.random() < 0.6:
            conditions["outcome"] = rng.choice(["cp", "cin"])
        if rng.random() < 0.5:
            low = rng.randint(0, 8)
            conditions["scaling"] = {"min": low, "max": low + rng.randint(0, 4)}
        rule["conditions"] = conditions
    if rule["from"] == "previous" or rng.random() < 0.1:
        rule["from"] = "previous"
        rule["direction"] = "after"
        rule["amount"] = max(1, rule["amount"])
        rule["recurrence"] = {"after": rng.choice(KINDS), "until": "next-review-conference"}
    if national_ids and rule["authority"] != "national" and rng.random() < 0.2:
        rule["national_limit"] = rng.choice(national_ids)
    return rule


def random_rules(rng: random.Random) -> list[dict]:
    rules: list[dict] = []
    for n in range(rng.randint(1, 8)):
        rules.append(random_rule(rng, n, [r["id"] for r in rules if r["authority"] == "national"]))
    return rules


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def random_input(rng: random.Random, first: date, last: date) -> dict:
    """Mostly valid input over the whole covered range, sometimes bad on purpose."""
    day = random_day(rng, first - timedelta(days=20), last + timedelta(days=20))
    raw = {"conference": rng.choice(["icpc", "rcpc"]), "date": day.isoformat()}
    roll = rng.random()
    if roll < 0.15:
        raw["date"] = rng.choice(["2026-02-30", "2026-13-01", "2026-6-1", "tomorrow", "", "2027-02-29", "2028-02-29"])
    if rng.random() < 0.7:
        raw["time"] = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        if rng.random() < 0.05:
            raw["time"] = rng.choice(["25:00", "9:5", "7:45", "12:60", "noon"])
    if rng.random() < 0.4:
        raw["strategy_date"] = (day - timedelta(days=rng.randint(-2, 40))).isoformat()
    if rng.random() < 0.5:
        raw["outcome"] = rng.choice(["cp", "cin", "cp", "cin", "maybe"])
    if rng.random() < 0.3:
        raw["audience"] = rng.choice(["parents", "professionals", "social-workers", "chairs"])
    if rng.random() < 0.02:
        raw["conference"] = "xcpc"
    return raw
