"""The data the web calculator evaluates: per authority its rules (plus the national ones) with
their words, one bank-holiday table with the bounds of the covered range, and the shared words
(messages, names) so that the JavaScript holds no text about rules either.

Built at site build time from the same `rules_for` the command line uses, so the JavaScript never
holds a rule of its own.
"""

from __future__ import annotations

from ..content import NATIONAL
from ..currency import documents_cited
from ..expected import expected_data
from ..family import questions_data
from ..interface import interface_words
from .calendar import BankHolidayCalendar
from .engine import CHOICES, DEFAULT_TIME, rules_for
from .words import vocabulary

FORMAT = 1


def bank_holiday_table(calendar: BankHolidayCalendar) -> dict:
    return {
        "format": FORMAT,
        "first": calendar.first.isoformat(),
        "last": calendar.last.isoformat(),
        "source": "holidays package, GB subdivision ENG (England and Wales)",
        "holidays": {day.isoformat(): name for day, name in sorted(calendar.holidays.items())},
    }


def words() -> dict:
    """Messages and names shared by every calculator (see words.py)."""
    return {"format": FORMAT, "default_time": DEFAULT_TIME.strftime("%H:%M"),
            "choices": {k: list(v) for k, v in CHOICES.items()}, **vocabulary()}


def family_words(content) -> dict:
    """The words of a parent's answer (questions.yml `calculator`: results, kinds, actors), or {} without
    them; and the questions answered by dates, with what to say when no rule gives one."""
    data = questions_data(content)
    calculator = data.get("calculator", {})
    words = {key: calculator[key] for key in ("results", "kinds", "actors") if key in calculator}
    if words:
        words["questions"] = [{"anchor": q["anchor"], "kinds": q["kinds"], "when_silent": q["when_silent"]}
                              for q in data.get("questions", []) if q.get("kinds")]
    return words


def authority_data(content, authority_id: str) -> dict:
    authority = content.authorities[authority_id]
    rules = rules_for(content, authority_id)
    national = content.national
    return {
        "format": FORMAT,
        "authority": {"id": authority.id, "name": authority.name, "short_name": authority.short_name},
        "national": None if national is None else {"id": NATIONAL, "name": national.name,
                                                   "short_name": national.short_name},
        "rules": rules,
        "documents": documents_cited(content, rules),  # how current each cited source is
    }


def calculator_data(content, calendar: BankHolidayCalendar | None = None) -> dict:
    """Everything the calculators need: {"bank_holidays": table, "words": …, "authorities": {id: data}}."""
    calendar = calendar or BankHolidayCalendar.default()
    return {
        "bank_holidays": bank_holiday_table(calendar),
        # what each audience expects to be told: the calculator says which of them the documents leave unanswered
        "words": {**words(), "expected": expected_data(content), "family": family_words(content),
                  # the answer's own words for professionals, social workers and chairs (interface.yml)
                  "results": interface_words(content).get("calculator", {}).get("results", {}),
                  "your_dates": interface_words(content).get("your_dates", {}),
                  "store": interface_words(content).get("store", {})},
        "authorities": {aid: authority_data(content, aid) for aid in sorted(content.authorities)},
    }
