"""Properties that hold for every rule and every conference (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpguide.deadlines.engine import Request, add_months, compute
from deadline_cases import calendar_for

CAL = calendar_for("2026-11-22")  # bank holidays known 2025-01-01 .. 2031-12-31
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# far enough inside the range that the largest rule (5 + 10 months) stays inside it
days = st.dates(min_value=date(2026, 4, 1), max_value=date(2030, 9, 30))
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
units = st.sampled_from(["minutes", "hours", "working_days", "days", "weeks", "months"])
limits = st.sampled_from([None, "within", "at-least"])
MAX = {"minutes": 2000, "hours": 400, "working_days": 60, "days": 90, "weeks": 12, "months": 5}


@st.composite
def rules(draw, direction=None, limit=None):
    unit = draw(units)
    rule = {"id": "p", "kind": "p", "authority": "local", "amount": draw(st.integers(0, MAX[unit])), "unit": unit,
            "direction": direction or draw(st.sampled_from(["before", "after"])), "from": "conference"}
    chosen = limit if limit is not None else draw(limits)
    if chosen:
        rule["limit"] = chosen
    if rule["direction"] == "after" and rule.get("limit") == "at-least":
        rule["limit"] = "within"
    return rule


def one(rule: dict, day: date, start: time | None) -> object:
    result = compute([rule], Request("icpc", day, start), CAL)
    assert len(result.deadlines) == 1
    return result.deadlines[0]


@SETTINGS
@given(rules(), days, times)
def test_due_dates_are_working_days(rule, day, start):
    d = one(rule, day, start)
    assert d.status == "dated"
    assert CAL.is_working_day(d.due), (rule, day, d.due)


@SETTINGS
@given(rules(), days, times)
def test_never_moved_later(rule, day, start):
    d = one(rule, day, start)
    exact_day = d.exact.date() if isinstance(d.exact, datetime) else d.exact
    assert d.due <= exact_day
    # and it is the last working day on or before the exact day
    assert all(not CAL.is_working_day(d.due + timedelta(days=k)) for k in range(1, (exact_day - d.due).days + 1))


@SETTINGS
@given(rules(direction="before"), days, times)
def test_before_deadline_never_after_the_conference(rule, day, start):
    d = one(rule, day, start)
    assert d.due <= day
    moment = d.exact if isinstance(d.exact, datetime) else datetime.combine(d.exact, time(0))
    assert moment <= datetime.combine(day, start)


@SETTINGS
@given(rules(direction="after"), days, times, st.integers(0, 10))
def test_more_time_after_never_earlier(rule, day, start, extra):
    longer = dict(rule, amount=rule["amount"] + extra)
    assert one(longer, day, start).due >= one(rule, day, start).due


@SETTINGS
@given(rules(direction="before"), days, times, st.integers(0, 10))
def test_more_time_before_never_later(rule, day, start, extra):
    longer = dict(rule, amount=rule["amount"] + extra)
    assert one(longer, day, start).due <= one(rule, day, start).due


@SETTINGS
@given(days, st.integers(1, 60), st.sampled_from([1, -1]))
def test_working_days_count_exactly(day, n, sign):
    """Between X (not counted) and the result (counted) there are exactly n working days."""
    result = CAL.add_working_days(day, sign * n)
    assert CAL.is_working_day(result)
    lo, hi = (day, result) if sign > 0 else (result, day)
    span = [lo + timedelta(days=k) for k in range(1, (hi - lo).days + (1 if sign > 0 else 0))]
    if sign < 0:
        span = [lo] + span
    assert sum(CAL.is_working_day(x) for x in span) == n


@SETTINGS
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(-36, 36))
def test_months_keep_the_day_or_clamp_to_the_month_end(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    if result.day != day.day:
        assert result.day < day.day and (result + timedelta(days=1)).day == 1


@SETTINGS
# conferences late enough in the range that the review (12 months at most) and the visit after it (15
# working days at most) still fall before 2031-12-31, the last day whose bank holidays are known
@given(st.dates(min_value=date(2025, 3, 1), max_value=date(2030, 10, 31)), times, st.integers(1, 15), st.integers(1, 12))
def test_series_increase_and_stop_at_the_review(day, start, every, months):
    rules_ = [
        {"id": "first", "kind": "first-cp-visit", "authority": "local", "amount": 2, "unit": "working_days",
         "direction": "after", "from": "conference"},
        {"id": "visits", "kind": "cp-visits", "authority": "local", "amount": every, "unit": "working_days",
         "direction": "after", "from": "previous", "recurrence": {"after": "first-cp-visit", "until": "next-review-conference"}},
        {"id": "review", "kind": "next-review-conference", "authority": "local", "amount": months, "unit": "months",
         "direction": "after", "from": "conference"},
    ]
    result = compute(rules_, Request("icpc", day, start), CAL)
    by_id = {}
    for d in result.deadlines:
        by_id.setdefault(d.rule["id"], []).append(d)
    review = by_id["review"][0]
    assert review.due is not None, (day, months)
    occurrences = by_id.get("visits", [])
    assert all(d.status == "dated" for d in occurrences), [(d.status, d.due) for d in occurrences]
    visits = [d.due for d in occurrences]
    assert visits == sorted(set(visits))
    assert all(v <= review.due for v in visits)
    first = by_id["first"][0].due
    following = CAL.add_working_days(visits[-1] if visits else first, every)
    assert following > review.due  # the series stops only when the next one would be after the review
