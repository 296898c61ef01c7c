"""Timings and national limits: disagreements inside an authority that no discrepancy records, rules
later than the national limit, and rule texts that state another timing than the rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations

from ..content import Authority, Content
from ..deadlines.engine import compatible, timing
from ..errors import ContentError
from .places import discrepancies_file, rule_at, rule_place, shown


# --- disagreements inside an authority -------------------------------------------------------------

@dataclass(frozen=True)
class Conflict:
    authority: str
    kind: str
    conference_type: str
    rules: tuple[str, str]


def timing_conflicts(authority: Authority) -> list[Conflict]:
    """Pairs of rules of one authority with the same kind and conference type but different timing."""
    found = []
    by_kind: dict[str, list[dict]] = {}
    for rule in authority.rules:
        by_kind.setdefault(rule["kind"], []).append(rule)
    for rules in by_kind.values():  # pairs within a kind only: no quadratic work over all rules
        for a, b in combinations(rules, 2):
            if timing(a) == timing(b) or not compatible(a, b):
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


def _conflict_error(content: Content, c: Conflict) -> ContentError:
    file, line = rule_place(content, c.authority, c.rules[1])
    return ContentError(
        file, line,
        f"rules '{c.rules[0]}' ({rule_at(content, c.authority, c.rules[0])}) and '{c.rules[1]}' ({file}:{line}) give "
        f"different timings for {c.kind} ({c.conference_type}), and no discrepancy records it",
        f"if the documents really disagree, add an entry to {discrepancies_file(content, c.authority)} with "
        f"type: disagreement and items: [{c.rules[0]}, {c.rules[1]}]; otherwise correct the rule")


# --- the national limits ---------------------------------------------------------------------------

def recorded_deviations(authority: Authority) -> set[str]:
    return {i for d in authority.discrepancies if d.get("type") == "deviation" for i in d["items"]}


@dataclass(frozen=True)
class Breach:
    authority: str
    rule: str
    kind: str
    conference_type: str
    conference: date
    due: date
    national_rule: str
    national_due: date


# Conferences on every third day of a year (every weekday, both sides of each bank holiday), with
# a strategy discussion 20 days before: a rule that can be later than the national limit is.
_SAMPLE_YEAR = 2026


@lru_cache(maxsize=1)
def _sample_calendar():
    from ..deadlines import BankHolidayCalendar

    return BankHolidayCalendar.for_years(_SAMPLE_YEAR - 1, _SAMPLE_YEAR + 2)


def _sample_days() -> list[date]:
    start = date(_SAMPLE_YEAR, 1, 1)
    return [start + timedelta(days=n) for n in range(0, 370, 3)]


def _limited_rules(content: Content, authority: Authority) -> list[dict]:
    """The authority's rules (with the national ones) that have a national limit to compare with,
    and the rules their series start from: the engine is run on these only."""
    from ..deadlines import rules_for

    national_kinds = {r["kind"] for r in content.national.rules}
    own = {r["id"] for r in authority.rules}
    rules = rules_for(content, authority.id)
    wanted = {r["kind"] for r in rules if r["id"] in own and (r["kind"] in national_kinds or r.get("national_limit"))}
    wanted |= {r["recurrence"]["after"] for r in rules if r.get("recurrence") and r["kind"] in wanted}
    wanted |= {n["kind"] for r in rules if r.get("national_limit") for n in content.national.rules
               if n["id"] == r["national_limit"]}
    return [r for r in rules if r["kind"] in wanted] if any(r["id"] in own for r in rules if r["kind"] in wanted) else []


def _surely_within(rule: dict, national: list[dict]) -> bool:
    """True when the rule cannot be later than any national rule it may be paired with: same unit,
    direction and starting point, and no more time. Only other rules need the engine."""
    wanted = rule.get("national_limit")
    paired = [n for n in national if (n["id"] == wanted if wanted else n["kind"] == rule["kind"])
              and set(n["conference_types"]) & set(rule["conference_types"]) and compatible(n, rule)]
    if rule.get("recurrence") and not any(n.get("recurrence") for n in national):
        return True  # a series is paired with national series only
    for n in paired:
        if (rule["unit"], rule["direction"], rule["from"]) != (n["unit"], n["direction"], n["from"]):
            return False
        if rule["amount"] > n["amount"] if rule["direction"] == "after" else rule["amount"] < n["amount"]:
            return False
    return True


def national_breaches(content: Content) -> list[Breach]:
    """Rules that give a later date than the national limit on some conference day, and are not
    recorded as a `deviation` in discrepancies.yml. One finding per rule and conference type."""
    from ..deadlines import Request, compute

    if content.national is None:
        return []
    calendar, days, found = _sample_calendar(), _sample_days(), {}
    for authority in content.local_authorities:
        if all(_surely_within(r, content.national.rules) for r in authority.rules):
            continue
        rules = _limited_rules(content, authority)
        deviations = recorded_deviations(authority)
        for conference in ("icpc", "rcpc") if rules else ():
            for outcome in ("cp", "cin"):
                for day in days:
                    request = Request(conference, day, outcome=outcome, strategy_date=day - timedelta(days=20))
                    for d in compute(rules, request, calendar).deadlines:
                        key = (authority.id, d.rule["id"], conference)
                        if d.national and d.due and d.national.due and d.due > d.national.due \
                                and d.rule["id"] not in deviations and key not in found:
                            found[key] = Breach(authority.id, d.rule["id"], d.kind, conference, day, d.due,
                                                d.national.rule["id"], d.national.due)
    return [found[k] for k in sorted(found)]


def _breach_error(content: Content, b: Breach) -> ContentError:
    file, line = rule_place(content, b.authority, b.rule)
    national = rule_at(content, "national", b.national_rule)
    return ContentError(
        file, line,
        f"rule '{b.rule}' ({b.kind}, {b.conference_type}) allows more time than the national limit "
        f"'{b.national_rule}' ({national}): after a conference on {b.conference.isoformat()} it is due "
        f"{b.due.isoformat()}, the national limit {b.national_due.isoformat()}",
        f"check the rule against its source; if the document really allows more time, record it in "
        f"{discrepancies_file(content, b.authority)} with type: deviation, items: [{b.rule}] and a note")


# --- what a rule's text says against its amount and unit -------------------------------------------

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "forty-eight": 48, "forty eight": 48, "fifty": 50, "sixty": 60,
                      "a": 1, "an": 1, "one-": 1})
_UNITS = [("working_days", r"working[ -]days?"), ("hours", r"hours?"), ("minutes", r"minutes?|mins?"),
          ("days", r"(?:calendar )?days?"), ("weeks", r"weeks?|weekly"), ("months", r"months?|monthly")]
_NUMBER = r"\d+|" + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS if w != "one-"), key=len, reverse=True))
_TIMING = re.compile(rf"\b({_NUMBER})[ -]?(" + "|".join(f"(?:{p})" for _, p in _UNITS) + r")\b", re.IGNORECASE)
_HALF_HOUR = re.compile(r"\bhalf an hour\b", re.IGNORECASE)


def stated_timings(text: str) -> set[tuple[int, str]]:
    """Every (amount, unit) a text states: '10 working days', 'two working days', 'half an hour',
    '6 monthly' (as printed in one source)."""
    found = set()
    if _HALF_HOUR.search(text):
        found.add((30, "minutes"))
        text = _HALF_HOUR.sub(" ", text)
    for number, unit_words in _TIMING.findall(text):
        amount = int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
        unit = next(u for u, pattern in _UNITS if re.fullmatch(pattern, unit_words, re.IGNORECASE))
        found.add((amount, unit))
    return found


def _same_span(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """48 hours is 2 days only in the engine's eyes if the units match; 60 minutes is an hour."""
    if a == b:
        return True
    minutes = {"minutes": 1, "hours": 60}
    return a[1] in minutes and b[1] in minutes and a[0] * minutes[a[1]] == b[0] * minutes[b[1]]


def text_mismatches(content: Content) -> list[tuple[str, dict, set]]:
    """(authority, rule, timings its words state) for each rule whose words (its `span`, or else its
    text) state timings, none of them its own amount and unit."""
    found = []
    for authority in content.authorities.values():
        for rule in authority.rules:
            stated = stated_timings(rule.get("span") or rule.get("text", ""))
            own = (rule["amount"], rule["unit"])
            if stated and not any(_same_span(own, s) for s in stated):
                found.append((authority.id, rule, stated))
    return found


_INITIAL = re.compile(r"\b(initial|ICPCs?)\b", re.IGNORECASE)
_REVIEW = re.compile(r"\b(review|RCPCs?)\b", re.IGNORECASE)


def span_problems(rule: dict) -> tuple[str, str, str] | None:
    """(key, problem, what to do) when a rule does not say which of its text's timings it is, or its
    span is not in its text, or names one kind of conference and the rule is for another."""
    text, span = rule.get("text", ""), rule.get("span")
    if span is None:
        if len({_minutes_or_self(t) for t in stated_timings(text)}) > 1:
            return ("text", f"rule '{rule['id']}': its text gives several timings "
                            f"({', '.join(_unit_words(*t) for t in sorted(stated_timings(text)))})",
                    "add span: with the words of the text this rule comes from, e.g. \"5 working days before a review conference\"")
        return None
    if " ".join(span.split()).lower() not in " ".join(text.split()).lower():
        return ("span", f"rule '{rule['id']}': its span is not words of its text", "copy the words exactly from text")
    initial, review = bool(_INITIAL.search(span)), bool(_REVIEW.search(span))
    wrong = {"rcpc"} if initial and not review else {"icpc"} if review and not initial else set()
    if wrong & set(rule["conference_types"]):
        said = "an initial conference" if initial else "a review conference"
        return ("conference_types", f"rule '{rule['id']}' is for {', '.join(rule['conference_types'])} conferences, "
                                    f"but its span speaks of {said} only",
                f"set conference_types: [{'icpc' if initial else 'rcpc'}], or choose the span that speaks of this conference")
    return None


def _minutes_or_self(timing: tuple[int, str]) -> tuple[int, str]:
    """30 minutes and half an hour are one timing; 48 hours and 2 days are two."""
    return (timing[0] * 60, "minutes") if timing[1] == "hours" else timing


def _span_errors(content: Content) -> list[ContentError]:
    errors = []
    for authority in content.authorities.values():
        for index, rule in enumerate(authority.rules):
            problem = span_problems(rule)
            if problem:
                key, what, fix = problem
                doc = authority.docs["timescales.yml"]
                errors.append(ContentError(shown(doc.path, content), doc.line_of(("rules", index, key)), what, fix))
    return errors


def _unit_words(amount: int, unit: str) -> str:
    return f"{amount} {unit.replace('_', ' ')}"


def _text_error(content: Content, authority_id: str, rule: dict, stated: set) -> ContentError:
    authority = content.authorities[authority_id]
    doc = authority.docs["timescales.yml"]
    index = next(i for i, r in enumerate(authority.rules) if r is rule)
    says = ", ".join(_unit_words(*s) for s in sorted(stated))
    return ContentError(
        shown(doc.path, content), doc.line_of(("rules", index, "amount")),
        f"rule '{rule['id']}' has amount: {rule['amount']} and unit: {rule['unit']}, but its "
        f"{'span' if rule.get('span') else 'text'} states {says}",
        "make amount and unit say what the source says (the text is the source's wording and stays as it is)")


def timing_errors(content: Content) -> list[ContentError]:
    """Every timing problem as errors with file and line: unrecorded disagreements, spans, texts, limits."""
    errors = [_conflict_error(content, c) for c in unrecorded_conflicts(content)]
    errors += _span_errors(content)
    errors += [_text_error(content, *m) for m in text_mismatches(content)]
    errors += [_breach_error(content, b) for b in national_breaches(content)]
    return errors
