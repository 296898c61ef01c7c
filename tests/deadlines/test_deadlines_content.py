"""Every timescale rule of the content, checked against dates worked out by hand for its timing.

Three conferences: an ICPC over Christmas and New Year, an RCPC before the spring bank holiday and a
month end, an ICPC at Easter. For each, the tables below give — worked out by hand, day by day —
the due date for common timings (an amount, a unit, before or after, counted from what), whoever's
rule it is. A rule with a timing not in the tables, and recurring series, are held to dates by its
authority's own examples.yml (tests/deadlines/test_deadlines_examples.py): no authority is named here.
"""

from __future__ import annotations

from datetime import date

import pytest

from cpguide.deadlines import BankHolidayCalendar, Request, compute, rules_for

CAL = BankHolidayCalendar.for_years(2025, 2031)

SCENARIOS = {
    # ICPC Monday 22 Dec 2025 10:00; strategy discussion Monday 1 Dec 2025. Bank holidays 25, 26 Dec, 1 Jan.
    "christmas": (Request("icpc", date(2025, 12, 22), None, date(2025, 12, 1)), {
        (3, "working_days", "before", "conference"): "2025-12-17",   # 19, 18, 17
        (2, "working_days", "before", "conference"): "2025-12-18",   # 19, 18
        (5, "working_days", "before", "conference"): "2025-12-15",   # 19, 18, 17, 16, 15
        (48, "hours", "before", "conference"): "2025-12-19",         # Sat 20 Dec 10:00 -> Fri
        (30, "minutes", "before", "conference"): "2025-12-22",       # 09:30
        (15, "minutes", "before", "conference"): "2025-12-22",       # 09:45
        (1, "weeks", "before", "conference"): "2025-12-15",
        (2, "days", "before", "conference"): "2025-12-19",           # Sat 20 Dec -> Fri 19 Dec
        (5, "days", "before", "conference"): "2025-12-17",           # Wed 17 Dec, a working day
        (1, "working_days", "after", "conference"): "2025-12-23",
        (2, "working_days", "after", "conference"): "2025-12-24",
        (5, "working_days", "after", "conference"): "2025-12-31",    # 23, 24, 29, 30, 31
        (10, "working_days", "after", "conference"): "2026-01-08",   # … 2, 5, 6, 7, 8 Jan
        (11, "working_days", "after", "conference"): "2026-01-09",
        (20, "working_days", "after", "conference"): "2026-01-22",   # … 9, 12-16, 19-22 Jan
        (24, "hours", "after", "conference"): "2025-12-23",
        (48, "hours", "after", "conference"): "2025-12-24",
        (28, "days", "after", "conference"): "2026-01-19",
        (3, "months", "after", "conference"): "2026-03-20",          # Sun 22 Mar -> Fri 20 Mar
        (6, "months", "after", "conference"): "2026-06-22",
        (15, "working_days", "after", "strategy-discussion"): "2025-12-22",  # 2-5, 8-12, 15-19, 22 Dec
        (15, "days", "after", "strategy-discussion"): "2025-12-16",  # Mon 1 Dec + 15 calendar days: Tue 16 Dec
    }),
    # RCPC Friday 29 May 2026 10:00. Spring bank holiday Mon 25 May; 29 Aug and 29 Nov 2026 are weekends.
    "spring": (Request("rcpc", date(2026, 5, 29)), {
        (5, "working_days", "before", "conference"): "2026-05-21",   # 28, 27, 26, (25), 22, 21
        (2, "working_days", "before", "conference"): "2026-05-27",
        (3, "working_days", "before", "conference"): "2026-05-26",
        (48, "hours", "before", "conference"): "2026-05-27",
        (30, "minutes", "before", "conference"): "2026-05-29",
        (15, "minutes", "before", "conference"): "2026-05-29",
        (1, "weeks", "before", "conference"): "2026-05-22",
        (2, "days", "before", "conference"): "2026-05-27",           # Wed 27 May, a working day
        (5, "days", "before", "conference"): "2026-05-22",           # Sun 24 May -> Sat 23 no -> Fri 22 May
        (1, "working_days", "after", "conference"): "2026-06-01",
        (2, "working_days", "after", "conference"): "2026-06-02",
        (5, "working_days", "after", "conference"): "2026-06-05",
        (10, "working_days", "after", "conference"): "2026-06-12",
        (11, "working_days", "after", "conference"): "2026-06-15",
        (20, "working_days", "after", "conference"): "2026-06-26",
        (24, "hours", "after", "conference"): "2026-05-29",          # Sat 30 May 10:00 -> Fri 29 May
        (48, "hours", "after", "conference"): "2026-05-29",          # Sun 31 May -> Fri 29 May
        (28, "days", "after", "conference"): "2026-06-26",
        (3, "months", "after", "conference"): "2026-08-28",          # Sat 29 Aug -> Fri 28 Aug
        (6, "months", "after", "conference"): "2026-11-27",          # Sun 29 Nov -> Fri 27 Nov
    }),
    # ICPC Thursday 2 April 2026 10:00; strategy discussion Friday 13 March. Good Friday 3, Easter Monday 6 April.
    "easter": (Request("icpc", date(2026, 4, 2), None, date(2026, 3, 13)), {
        (3, "working_days", "before", "conference"): "2026-03-30",
        (2, "working_days", "before", "conference"): "2026-03-31",
        (5, "working_days", "before", "conference"): "2026-03-26",
        (48, "hours", "before", "conference"): "2026-03-31",
        (30, "minutes", "before", "conference"): "2026-04-02",
        (15, "minutes", "before", "conference"): "2026-04-02",
        (1, "weeks", "before", "conference"): "2026-03-26",
        (2, "days", "before", "conference"): "2026-03-31",           # Tue 31 Mar, a working day
        (5, "days", "before", "conference"): "2026-03-27",           # Sat 28 Mar -> Fri 27 Mar
        (1, "working_days", "after", "conference"): "2026-04-07",
        (2, "working_days", "after", "conference"): "2026-04-08",
        (5, "working_days", "after", "conference"): "2026-04-13",
        (10, "working_days", "after", "conference"): "2026-04-20",
        (11, "working_days", "after", "conference"): "2026-04-21",
        (20, "working_days", "after", "conference"): "2026-05-05",   # … 1 May, (4 May), 5 May
        (24, "hours", "after", "conference"): "2026-04-02",          # Good Friday 10:00 -> Thu 2 Apr
        (48, "hours", "after", "conference"): "2026-04-02",          # Sat 4 Apr -> Thu 2 Apr
        (28, "days", "after", "conference"): "2026-04-30",
        (3, "months", "after", "conference"): "2026-07-02",
        (6, "months", "after", "conference"): "2026-10-02",
        (15, "working_days", "after", "strategy-discussion"): "2026-04-07",  # … 1, 2 Apr, (3, 6), 7 Apr
        (15, "days", "after", "strategy-discussion"): "2026-03-27",  # Fri 13 Mar + 15 days: Sat 28 Mar -> Fri 27 Mar
    }),
}

def _timing(rule: dict) -> tuple:
    return rule["amount"], rule["unit"], rule["direction"], rule["from"]


@pytest.fixture(scope="module")
def results(content):
    out = {}
    for scenario, (request, _) in SCENARIOS.items():
        for authority in content.authorities:
            out[scenario, authority] = compute(rules_for(content, authority), request, CAL)
    return out


def test_the_content_has_rules(content):
    assert all(content.authorities[a].rules for a in content.authorities), "an authority has no timescales.yml"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_rule_against_dates_worked_out_by_hand(content, results, scenario):
    request, table = SCENARIOS[scenario]
    problems, checked = [], 0
    for authority in sorted(content.authorities):
        for d in results[scenario, authority].deadlines:
            rule = d.rule
            if rule["authority"] != authority and authority != "national":
                continue  # national rules are checked with the national framework itself
            if rule.get("recurrence"):
                continue  # test_series
            if rule["from"] in ("conference", "strategy-discussion"):
                wanted = table.get(_timing(rule))
                if wanted is None:
                    continue  # a timing not in the table: the authority's examples.yml holds it to a calendar
                if d.due is None or d.due.isoformat() != wanted:
                    problems.append(f"{rule['id']} ({scenario}): expected {wanted}, got {d.due}")
            elif d.due is not None or d.status != "no-anchor":
                problems.append(f"{rule['id']}: counted from {rule['from']}, which has no date, but got {d.due} ({d.status})")
            checked += 1
    assert not problems, "\n".join(problems)
    assert checked >= 10


def test_every_rule_applies_somewhere(content):
    """Each rule is evaluated in at least one scenario (so no rule escapes the tables)."""
    types = {request.conference for request, _ in SCENARIOS.values()}
    for authority in content.authorities.values():
        for rule in authority.rules:
            assert set(rule["conference_types"]) & types, rule["id"]


def test_no_rule_is_left_unsupported(content, results):
    for result in results.values():
        assert not [d.rule["id"] for d in result.deadlines if d.status == "unsupported"]
