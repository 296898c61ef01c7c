"""The deadline engine: timescale rules and one conference in, dated deadlines out.

Mirrored line by line in docs/assets/js/deadlines.mjs; the shared cases and the differential test
keep the two equal. The semantics (docs/about/deadline-rules.md) in brief: working days skip
weekends and bank holidays in England and Wales; N working days after/before X is the Nth working
day after/before X's date; hours and minutes are clock time from the conference start; days and
weeks are calendar days, months calendar months (clamped to the month end); a deadline is never
moved later — when it lands on a day that is not a working day, it is due on the last working day
before; recurring rules give a series up to the next review conference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ..content import NATIONAL
from .calendar import BankHolidayCalendar, OutOfRange
from ..vocabulary import AUDIENCES, CONFERENCE_TYPES, OUTCOMES
from .words import anchor_words, rule_words

DEFAULT_TIME = time(10, 0)
MAX_OCCURRENCES = 500  # a safety stop for recurring series; real series have a few dozen
# What each choice field accepts: the schema's words (exported as words.json's `choices` for the JavaScript).
CHOICES = {"conference": tuple(CONFERENCE_TYPES), "outcome": tuple(OUTCOMES), "audience": tuple(AUDIENCES)}
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits only, like JavaScript's
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
FIELDS = ("conference", "date", "time", "strategy_date", "outcome", "audience")


@dataclass(frozen=True)
class Request:
    """One conference: what the deadlines are worked out for."""

    conference: str
    date: date
    time: time | None = None
    strategy_date: date | None = None
    outcome: str | None = None
    audience: str | None = None

    @property
    def start(self) -> datetime:
        return datetime.combine(self.date, self.time or DEFAULT_TIME)


class InputError(ValueError):
    """Bad input; `errors` lists every problem as {code, field, value, …} (see words.MESSAGES)."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(f"{e['field']}: {e['code']}" for e in errors))
        self.errors = errors


@dataclass
class Deadline:
    rule: dict
    occurrence: int | None = None  # 1, 2, … for the occurrences of a recurring rule
    due: date | None = None  # the practical date: a working day, never later than `exact`
    exact: date | datetime | None = None
    status: str = "dated"  # dated | no-anchor | needs-strategy-date | out-of-range | no-series-start | unsupported
    notes: list[dict] = field(default_factory=list)  # [{code, …params}], rendered by words.render
    safe: bool | None = None  # set when the authority's documents disagree: is this the earliest?
    disagrees_with: list[str] = field(default_factory=list)
    national: "Deadline | None" = None

    @property
    def kind(self) -> str:
        return self.rule["kind"]

    @property
    def authority(self) -> str:
        return self.rule.get("authority", NATIONAL)

    def core(self) -> dict:
        """The language-neutral result compared with the JavaScript engine."""
        return {
            "rule": self.rule["id"], "authority": self.authority, "kind": self.kind,
            "occurrence": self.occurrence, "due": iso(self.due), "exact": iso(self.exact),
            "status": self.status, "notes": self.notes, "safe": self.safe,
            "disagrees_with": self.disagrees_with,
            "national": None if self.national is None else {
                "rule": self.national.rule["id"], "occurrence": self.national.occurrence,
                "due": iso(self.national.due), "exact": iso(self.national.exact)},
        }


@dataclass
class Result:
    request: Request
    deadlines: list[Deadline]
    warnings: list[dict]
    calendar: BankHolidayCalendar

    def core(self) -> dict:
        return {"deadlines": [d.core() for d in self.deadlines], "warnings": self.warnings}


def iso(value: date | datetime | None) -> str | None:
    """'2026-06-12', '2026-06-13T10:00' or None: how dates and moments are written in every output."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value.isoformat()


# --- input ------------------------------------------------------------------------------------

def parse_date(text: str) -> date | None:
    match = _DATE.fullmatch(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def parse_time(text: str) -> time | None:
    match = _TIME.fullmatch(text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return time(int(match.group(1)), int(match.group(2)))


def validate(raw: dict, calendar: BankHolidayCalendar) -> Request:
    """Check raw text input (the same fields as the web form); raise InputError listing every problem."""
    values = {name: (raw.get(name) or "").strip() for name in FIELDS}
    errors: list[dict] = []

    def error(code: str, name: str, **params) -> None:
        errors.append({"code": code, "field": name, "value": values[name], **params})

    def choice(name: str, required: bool) -> str | None:
        if not values[name]:
            if required:
                error("missing", name)
            return None
        if values[name] not in CHOICES[name]:
            error("invalid-choice", name)
            return None
        return values[name]

    def day(name: str, required: bool) -> date | None:
        if not values[name]:
            if required:
                error("missing", name)
            return None
        parsed = parse_date(values[name])
        if parsed is None:
            error("invalid-date", name)
        elif not calendar.covers(parsed):
            error("date-out-of-range", name, first=calendar.first.isoformat(), last=calendar.last.isoformat())
            return None
        return parsed

    conference = choice("conference", True)
    conference_date = day("date", True)
    start = None
    if values["time"]:
        start = parse_time(values["time"])
        if start is None:
            error("invalid-time", "time")
    strategy = day("strategy_date", False)
    if strategy and conference_date and strategy > conference_date:
        error("strategy-after-conference", "strategy_date")
    outcome = choice("outcome", False)
    audience = choice("audience", False)
    if errors:
        raise InputError(errors)
    return Request(conference, conference_date, start, strategy, outcome, audience)


# --- rules ------------------------------------------------------------------------------------

def words_by_rule(content) -> dict[str, str]:
    """Every rule's `words`, by rule id, exactly as the calculator gives them: each in its own
    authority's scope (a recurring rule names the rule of that authority it starts from)."""
    words = {}
    for authority in content.authorities.values():
        own = {r["id"] for r in authority.rules}
        words.update({r["id"]: r["words"] for r in rules_for(content, authority.id) if r["id"] in own})
    return words


def rules_for(content, authority_id: str) -> list[dict]:
    """The rules that apply to an authority: its own, then the national ones, as self-contained dicts.

    Each copy carries `authority`, `words` (the rule in plain words), `anchor` (what it is counted
    from, in words) and a source with the document's title. This is exactly what the web
    calculator receives, so both engines start from the same data.
    """
    chosen = [content.authorities[authority_id]]
    if content.national is not None and authority_id != NATIONAL:
        chosen.append(content.national)
    rules = []
    for authority in chosen:
        for rule in authority.rules:
            copy = {k: v for k, v in rule.items()}
            copy["authority"] = NATIONAL if authority.is_national else authority.id
            source = dict(rule.get("source") or {})
            document = content.documents.get(source.get("document"))
            if document:
                source["title"] = document[1].get("title", "")
            copy["source"] = source
            rules.append(copy)
    labels = {}
    for rule in rules:
        labels.setdefault(rule["kind"], rule.get("label"))
    for rule in rules:
        first = labels.get(rule["recurrence"]["after"]) if rule.get("recurrence") else None
        rule["words"] = rule_words(rule, first)
        rule["anchor"] = anchor_words(rule)
    return rules


def applies(rule: dict, request: Request) -> bool:
    """Conference type matches and, when the outcome is known, the outcome condition does too."""
    if request.conference not in rule.get("conference_types", CHOICES["conference"]):  # none listed: every type
        return False
    wanted = (rule.get("conditions") or {}).get("outcome")
    return not (wanted and request.outcome and wanted != request.outcome)


def _condition_notes(rule: dict) -> list[dict]:
    conditions = rule.get("conditions") or {}
    notes = []
    if conditions.get("outcome"):
        notes.append({"code": "condition-outcome", "outcome": conditions["outcome"]})
    if conditions.get("scaling"):
        notes.append({"code": "condition-scaling", "min": conditions["scaling"]["min"],
                      "max": conditions["scaling"]["max"]})
    return notes


def add_months(day: date, months: int) -> date:
    """Same day number `months` later (or earlier), or the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def _step(anchor: datetime, has_time: bool, rule: dict, calendar: BankHolidayCalendar):
    """(exact, due, notes) for one rule counted from `anchor`; raises OutOfRange."""
    amount, unit = rule["amount"], rule["unit"]
    sign = -1 if rule["direction"] == "before" else 1
    notes: list[dict] = []
    start = anchor.date()
    if unit == "working_days":
        exact = calendar.add_working_days(start, sign * amount)
    elif unit in ("days", "weeks"):
        exact = calendar.check(start + timedelta(days=sign * amount * (7 if unit == "weeks" else 1)))
    elif unit == "months":
        exact = calendar.check(add_months(start, sign * amount))
    else:
        minutes = amount * (60 if unit == "hours" else 1)
        exact = anchor + timedelta(minutes=sign * minutes)
        calendar.check(exact.date())
        if not has_time:
            notes.append({"code": "start-of-day"})
    exact_day = exact.date() if isinstance(exact, datetime) else exact
    if rule.get("limit") == "exactly":
        due = exact_day
        if not calendar.is_working_day(exact_day):
            notes.append({"code": "appointment-not-moved", "exact_date": exact_day.isoformat()})
    else:
        due = calendar.working_day_on_or_before(exact_day)
        if due != exact_day:
            notes.append({"code": "moved", "exact_date": exact_day.isoformat()})
    return exact, due, notes


def _out_of_range(rule: dict, occurrence: int | None, calendar: BankHolidayCalendar) -> Deadline:
    return Deadline(rule, occurrence, status="out-of-range", notes=_condition_notes(rule) + [
        {"code": "out-of-range", "first_date": calendar.first.isoformat(), "last_date": calendar.last.isoformat()}])


def _evaluate(rule: dict, request: Request, calendar: BankHolidayCalendar) -> Deadline:
    notes = _condition_notes(rule)
    if rule["direction"] == "after" and rule.get("limit") == "at-least":
        return Deadline(rule, status="unsupported", notes=notes + [{"code": "unsupported"}])
    source = rule["from"]
    if source == "conference":
        anchor, has_time = request.start, True
    elif source == "strategy-discussion":
        if request.strategy_date is None:
            return Deadline(rule, status="needs-strategy-date", notes=notes + [{"code": "needs-strategy-date"}])
        anchor, has_time = datetime.combine(request.strategy_date, time(0, 0)), False
    else:
        return Deadline(rule, status="no-anchor", notes=notes + [{"code": "no-anchor"}])
    try:
        exact, due, step_notes = _step(anchor, has_time, rule, calendar)
    except OutOfRange:
        return _out_of_range(rule, None, calendar)
    return Deadline(rule, None, due, exact, notes=notes + step_notes)


def _series(rule: dict, single: list[Deadline], calendar: BankHolidayCalendar) -> list[Deadline]:
    """A recurring rule: first counted from the earliest due date of its `after` kind, then from each
    previous due date, while on or before the earliest next review conference."""
    starts = [d.due for d in single if d.kind == rule["recurrence"]["after"] and d.due]
    if not starts:
        return [Deadline(rule, 1, status="no-series-start",
                         notes=_condition_notes(rule) + [{"code": "no-series-start"}])]
    ends = [d.due for d in single if d.kind == "next-review-conference" and d.due]
    end = min(ends) if ends else None
    previous, out = min(starts), []
    for occurrence in range(1, MAX_OCCURRENCES + 1):
        try:
            exact, due, notes = _step(datetime.combine(previous, time(0, 0)), False, rule, calendar)
        except OutOfRange:
            out.append(_out_of_range(rule, occurrence, calendar))
            break
        if end is not None and due > end:
            break
        out.append(Deadline(rule, occurrence, due, exact, notes=_condition_notes(rule) + notes))
        if end is None:
            out[-1].notes.append({"code": "series-end-unknown"})
            break
        if due <= previous:
            break
        previous = due
    return out


def timing(rule: dict) -> tuple:
    """The moment a rule names: the one definition of "same timing", used by the engine (disagreements
    shown side by side), the consistency checks (checks/timings.py: disagreements that must be recorded) and
    the JavaScript (timingKey in deadlines.mjs).

    `limit` is left out on purpose. It says how the moment is used — a deadline moved back to a working
    day ("within", "at least … before"), an appointment kept on its day ("exactly"), a not-before date
    the calculator does not date ("at least … after") — not when it is. Two documents that name the
    same moment ("exactly 15 minutes before" and "at least 15 minutes before") do not disagree about
    when, and each rule is still shown in its own words (the hand-worked case
    disagreements-and-national.json, d-arrive-*). The checks used to count `limit` as well, so the
    checks asked for a discrepancy record the calculator would never show.
    """
    return rule["amount"], rule["unit"], rule["direction"], rule["from"]


def compatible(a: dict, b: dict) -> bool:
    """Can both rules apply to the same conference? Not when they need different outcomes or
    scaling grades that do not overlap."""
    ca, cb = a.get("conditions") or {}, b.get("conditions") or {}
    if ca.get("outcome") and cb.get("outcome") and ca["outcome"] != cb["outcome"]:
        return False
    sa, sb = ca.get("scaling"), cb.get("scaling")
    return not (sa and sb and (sa["max"] < sb["min"] or sb["max"] < sa["min"]))


def national_counterparts(content, rule: dict) -> list[dict]:
    """National rules of the same kind that apply to a conference type this rule applies to (the pages
    show them beside each rule; checks/timings.py compares with them)."""
    national = content.national.rules if content.national else []
    return [n for n in national if n["kind"] == rule["kind"]
            and set(n["conference_types"]) & set(rule["conference_types"]) and compatible(n, rule)]


def _mark_disagreements(deadlines: list[Deadline]) -> None:
    """Where one authority gives a different timing for the same kind (rules that can apply together),
    each deadline lists the others, and the earliest due date is marked as the safe one."""
    for d in deadlines:
        if d.authority == NATIONAL:
            continue
        others = [o for o in deadlines if o is not d and o.authority == d.authority and o.kind == d.kind
                  and o.occurrence == d.occurrence and timing(o.rule) != timing(d.rule)
                  and compatible(o.rule, d.rule)]
        if not others:
            continue
        d.disagrees_with = sorted({o.rule["id"] for o in others})
        if d.due is None:
            continue
        earliest = min([o.due for o in others if o.due] + [d.due])
        d.safe = d.due == earliest
        d.notes.append({"code": "disagreement-safe"} if d.safe
                       else {"code": "disagreement-later", "safe_date": earliest.isoformat()})


def _pair_national(deadlines: list[Deadline]) -> None:
    """Put the national limit beside each local deadline: the rule named in `national_limit`, or else
    the national rules of the same kind (the earliest due date)."""
    national = [d for d in deadlines if d.authority == NATIONAL]
    for d in deadlines:
        if d.authority == NATIONAL:
            continue
        wanted = d.rule.get("national_limit")
        candidates = [n for n in national if n.occurrence == d.occurrence
                      and (n.rule["id"] == wanted if wanted else n.kind == d.kind)]
        if not candidates:
            continue
        candidates.sort(key=lambda n: (n.due is None, n.due or date.min, n.rule["id"]))
        d.national = candidates[0]
        if d.due and d.national.due and d.due > d.national.due:
            d.notes.append({"code": "later-than-national", "national_date": d.national.due.isoformat()})


def _sort_key(d: Deadline) -> tuple:
    return (iso(d.due) or "~", iso(d.exact) or "~", d.authority == NATIONAL, d.rule["id"], d.occurrence or 0)


def _for_audience(deadlines: list[Deadline], audience: str) -> list[Deadline]:
    """The deadlines whose rule names the audience, and the other timings of any of them that the
    authority's documents disagree about (so both are still shown side by side)."""
    kept = [d for d in deadlines if audience in d.rule.get("audiences", [])]
    partners = {(d.authority, other, d.occurrence) for d in kept for other in d.disagrees_with}
    return [d for d in deadlines
            if audience in d.rule.get("audiences", []) or (d.authority, d.rule["id"], d.occurrence) in partners]


def _warnings(rules: list[dict], request: Request, calendar: BankHolidayCalendar) -> list[dict]:
    warnings = []
    if request.time is None:
        warnings.append({"code": "time-assumed", "time": DEFAULT_TIME.strftime("%H:%M")})
    if not calendar.is_working_day(request.date):
        name = calendar.holidays.get(request.date)
        if request.date.weekday() >= 5:
            warnings.append({"code": "weekend", "conference_date": request.date.isoformat()})
        else:
            warnings.append({"code": "bank-holiday", "conference_date": request.date.isoformat(), "holiday": name})
    if request.strategy_date and not any(r["from"] == "strategy-discussion" for r in rules):
        warnings.append({"code": "strategy-not-used"})
    return warnings


def compute(rules: list[dict], request: Request, calendar: BankHolidayCalendar) -> Result:
    """Every deadline the rules give for this conference, in date order (undated ones last)."""
    calendar.check(request.date)
    if request.strategy_date:
        calendar.check(request.strategy_date)
    applicable = [r for r in rules if applies(r, request)]
    single = [_evaluate(r, request, calendar) for r in applicable if not r.get("recurrence")]
    deadlines = list(single)
    for rule in applicable:
        if rule.get("recurrence"):
            deadlines.extend(_series(rule, single, calendar))
    _mark_disagreements(deadlines)
    _pair_national(deadlines)
    deadlines.sort(key=_sort_key)
    if request.audience:
        deadlines = _for_audience(deadlines, request.audience)
    return Result(request, deadlines, _warnings(applicable, request, calendar), calendar)
