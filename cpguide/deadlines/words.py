"""Plain words for rules, notes, warnings and input errors — written once, here.

The web calculator gets all of this through the exported JSON (`export.py`), so a rule is never
described twice: the JavaScript only fills `{placeholders}` in these templates. Dates in
templates are ISO dates in parameters whose name ends in `_date`; they are shown as e.g.
"Saturday 13 June 2026".
"""

from __future__ import annotations

import re
from datetime import date, datetime

# The names of conference types, outcomes, audiences and actors are the schema's (cpguide/vocabulary.py).
from ..vocabulary import OUTCOMES, exported

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

UNITS = {
    "minutes": ("minute", "minutes"), "hours": ("hour", "hours"),
    "working_days": ("working day", "working days"), "days": ("day", "days"),
    "weeks": ("week", "weeks"), "months": ("month", "months"),
}
ANCHORS = {
    "conference": "the conference",
    "strategy-discussion": "the strategy discussion",
    "booking-request": "the booking request",
    "plan-received": "receiving the plan",
    "core-group": "the core group meeting",
    "event": "the event",
    "previous": "the previous one",
}
CLOCK_ANCHORS = {"conference": "the start of the conference"}  # for hours and minutes

# Notes on one deadline, warnings on the whole answer, and input errors. Parameters in braces.
MESSAGES = {
    # notes
    "condition-outcome": "Only if the conference decides on a {outcome}.",
    "condition-scaling": "Only if the overall scaling grade is between {min} and {max}.",
    "no-anchor": "No date: this is counted from {anchor}, which is not known in advance.",
    "needs-strategy-date": "No date: give the date of the strategy discussion to work this out.",
    "out-of-range": "No date: it would fall outside the dates whose bank holidays are known "
                    "({first_date} to {last_date}).",
    "no-series-start": "No date: there is no date here for the first one to be counted from.",
    "series-end-unknown": "Only the first is shown: there is no date for the next review conference to end the series.",
    "unsupported": "No date: an 'at least … after' rule is a not-before date, which the calculator does not "
                   "work out; read the source wording.",
    "start-of-day": "Counted from the start of the day: {anchor} has a date but no time.",
    "moved": "{exact_date} is not a working day, so this is due on the last working day before it.",
    "appointment-not-moved": "This happens at a set time, so it stays on {exact_date} although that is not a working day.",
    "disagreement-safe": "The authority's documents give different timings for this: this is the earlier date, the safe one to work to.",
    "disagreement-later": "The authority's documents give different timings for this: another gives an earlier date "
                          "({safe_date}), the safe one to work to.",
    "later-than-national": "This is later than the national limit ({national_date}).",
    # warnings
    "time-assumed": "No start time was given: the conference is assumed to start at {time}.",
    "weekend": "{conference_date} is a weekend day, not a working day: the dates are still worked out from it, "
               "but check the conference date.",
    "bank-holiday": "{conference_date} is a bank holiday ({holiday}), not a working day: the dates are still "
                    "worked out from it, but check the conference date.",
    "strategy-not-used": "No rule for this conference is counted from the strategy discussion, so its date was not used.",
    # input errors
    "missing": "{field} is missing: give {accepted}.",
    "invalid-date": "{field} '{value}' is not a real date: give it as YYYY-MM-DD, for example 2026-06-15.",
    "invalid-time": "{field} '{value}' is not a time: give it as HH:MM on the 24-hour clock, for example 09:30.",
    "date-out-of-range": "{field} {value} is outside the dates whose bank holidays are known: give a date from "
                         "{first} to {last}.",
    "strategy-after-conference": "{field} {value} is after the conference date: the strategy discussion comes first.",
    "invalid-choice": "{field} '{value}' is not allowed: use {accepted}.",
    "incomplete": "{field} is not complete or not a real date: give {accepted}.",
}


# What each input accepts, for error messages.
ACCEPTED = {
    "authority": "your local authority from the list",
    "conference": "icpc (initial) or rcpc (review)",
    "date": "a date as YYYY-MM-DD",
    "time": "a time as HH:MM",
    "strategy_date": "a date as YYYY-MM-DD",
    "outcome": "cp (child protection plan) or cin (child in need plan)",
    "audience": "parents, professionals, social-workers or chairs",
    # the web form's date and time boxes, which show the date in the reader's own format
    "date_box": "the day, month and year",
    "strategy_date_box": "the day, month and year, or leave it empty",
    "time_box": "the hours and minutes, or leave it empty",
}


def format_date(value: str | date) -> str:
    """'2026-06-13' -> 'Saturday 13 June 2026'; a date-time adds ' at 10:00'."""
    text = value.isoformat() if isinstance(value, (date, datetime)) else value
    day = date.fromisoformat(text[:10])
    shown = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{shown} at {text[11:16]}" if len(text) > 10 else shown


def render(code: str, params: dict | None = None, rule: dict | None = None) -> str:
    """Fill a message template; mirrors renderMessage() in docs/assets/js/deadline-text.mjs."""
    params = params or {}

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if params.get(name) is not None:
            value = params[name]
            if name.endswith("_date"):
                return format_date(value)
            if name == "outcome":
                return OUTCOMES.get(value, str(value))
            return str(value)
        if name == "accepted" and params.get("field_id") in ACCEPTED:
            return ACCEPTED[params["field_id"]]
        if name == "anchor" and rule is not None:
            return rule.get("anchor") or anchor_words(rule)
        return match.group(0)

    return re.sub(r"\{([a-z_]+)\}", fill, MESSAGES[code])


def quantity(amount: int, unit: str) -> str:
    one, many = UNITS[unit]
    return f"{amount} {one if amount == 1 else many}"


def anchor_words(rule: dict) -> str:
    """What the rule is counted from, in words ('the strategy discussion', 'a significant event')."""
    source = rule["from"]
    if source == "event" and rule.get("event"):
        return rule["event"]
    if rule.get("unit") in ("hours", "minutes") and source in CLOCK_ANCHORS:
        return CLOCK_ANCHORS[source]
    return ANCHORS[source]


def rule_words(rule: dict, first_label: str | None = None) -> str:
    """The rule in plain words, e.g. 'at least 5 working days before the conference'.

    `first_label` is the label of the rule a recurring series starts from.
    """
    amount = quantity(rule["amount"], rule["unit"])
    if rule.get("recurrence"):
        start = f"“{first_label}”" if first_label else "the first one"
        return f"every {amount}, counted from {start} and then from each previous one, until the next review conference"
    anchor = anchor_words(rule)
    limit = rule.get("limit", "within")
    before = rule["direction"] == "before"
    if limit == "exactly":
        return f"exactly {amount} {'before' if before else 'after'} {anchor}"
    if before:
        return f"at least {amount} before {anchor}"
    if limit == "at-least":
        return f"at least {amount} after {anchor}"
    return f"within {amount} of {anchor}"


def condition_words(conditions: dict | None) -> list[str]:
    """Conditions as the sentences shown with the rule."""
    conditions = conditions or {}
    out = []
    if conditions.get("outcome"):
        out.append(render("condition-outcome", {"outcome": conditions["outcome"]}))
    if conditions.get("scaling"):
        out.append(render("condition-scaling", dict(conditions["scaling"])))
    return out


def conditions_phrase(conditions: dict) -> str:
    """The conditions as one phrase to follow "only if" ("the conference decides on a child protection plan")."""
    return " and ".join(c.removeprefix("Only if ").rstrip(".") for c in condition_words(conditions))


def vocabulary() -> dict:
    """Everything the calculator shows that is not a rule: for the exported JSON."""
    return {"weekdays": WEEKDAYS, "months": MONTHS, **exported(), "accepted": ACCEPTED, "messages": MESSAGES}
