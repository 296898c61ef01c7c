"""The engine's result as the JSON and the text timeline the command line prints.

Both are built from `Result` plus the words of words.py, so the CLI, the calendar file and the web
calculator describe a deadline the same way.
"""

from __future__ import annotations

from ..currency import dates_in_words
from .engine import DEFAULT_TIME, Deadline, Result, iso
from ..vocabulary import ACTORS, AUDIENCES, CONFERENCE_TYPES, OUTCOMES
from .words import format_date, render


def deadline_notes(d: Deadline) -> list[str]:
    """Engine notes in words, then the editorial notes the content gives."""
    return [render(n["code"], n, d.rule) for n in d.notes] + list(d.rule.get("notes", []))


def deadline_json(d: Deadline) -> dict:
    rule = d.rule
    source = rule.get("source") or {}
    national = None
    if d.national is not None:
        national = {"rule_id": d.national.rule["id"], "due": iso(d.national.due), "exact": iso(d.national.exact),
                    "rule": d.national.rule.get("words"), "label": d.national.rule.get("label"),
                    "source": d.national.rule.get("source")}
    return {
        "kind": rule["kind"],
        "due": iso(d.due),
        "exact": iso(d.exact),
        "authority": d.authority,
        "label": rule.get("label"),
        "responsible": rule.get("responsible", []),
        "audiences": rule.get("audiences", []),
        "rule": rule.get("words"),
        "source": {"document": source.get("document"), "section": source.get("section"), "title": source.get("title")},
        "text": rule.get("text"),
        "rule_id": rule["id"],
        "occurrence": d.occurrence,
        "status": d.status,
        "conditions": rule.get("conditions"),
        "notes": deadline_notes(d),
        "safe": d.safe,
        "disagrees_with": d.disagrees_with,
        "national_limit": national,
    }


def warnings_text(result: Result) -> list[str]:
    return [render(w["code"], w) for w in result.warnings]


def result_json(result: Result, authority: dict) -> dict:
    request = result.request
    return {
        "authority": authority,
        "conference": {
            "type": request.conference,
            "name": CONFERENCE_TYPES[request.conference],
            "date": request.date.isoformat(),
            "time": (request.time or DEFAULT_TIME).strftime("%H:%M"),
            "time_assumed": request.time is None,
            "strategy_date": iso(request.strategy_date),
            "outcome": request.outcome,
            "audience": request.audience,
        },
        "bank_holidays": {"first": result.calendar.first.isoformat(), "last": result.calendar.last.isoformat(),
                          "source": "holidays package, GB subdivision ENG (England and Wales)"},
        "warnings": warnings_text(result),
        "deadlines": [deadline_json(d) for d in result.deadlines],
    }


def citation(rule: dict) -> str:
    """'Document title, section'."""
    source = rule.get("source") or {}
    title = source.get("title") or source.get("document", "")
    return f"{title}, {source.get('section', '')}".strip(", ")


def _block(d: Deadline, indent: str = "  ") -> list[str]:
    rule = d.rule
    label = rule.get("label", rule["id"])
    if d.occurrence:
        label += f" (no. {d.occurrence})"
    who = ", ".join(ACTORS.get(a, a) for a in rule.get("responsible", [])) or "not stated"
    lines = [f"{indent}{label} — {rule.get('words', '')}"]
    if d.exact is not None and iso(d.exact) != iso(d.due):
        lines.append(f"{indent}  exact: {format_date(iso(d.exact))}")
    lines.append(f"{indent}  who: {who}")
    lines.append(f"{indent}  source: {citation(rule)} [{d.authority}]")
    if d.national is not None:
        when = format_date(iso(d.national.due)) if d.national.due else "no date"
        lines.append(f"{indent}  national limit: {when} — {d.national.rule.get('words', '')}")
    lines += [f"{indent}  note: {note}" for note in deadline_notes(d)]
    return lines


def result_text(result: Result, authority: dict) -> str:
    request = result.request
    lines = [f"Deadlines: {authority['name']}, {CONFERENCE_TYPES[request.conference]}",
             f"Conference: {format_date(request.start.strftime('%Y-%m-%dT%H:%M'))}"]
    if request.strategy_date:
        lines.append(f"Strategy discussion: {format_date(request.strategy_date)}")
    lines.append("Outcome: " + (OUTCOMES[request.outcome] if request.outcome
                                else "not given (rules for either outcome are shown)"))
    if request.audience:
        lines.append(f"Only what matters to: {AUDIENCES[request.audience]}")
    lines.append(f"Bank holidays known from {format_date(result.calendar.first)} to {format_date(result.calendar.last)}")
    lines += [f"Source: {d['title']}: {dates_in_words(d)}" for d in authority.get("documents", [])]
    lines += [f"Warning: {w}" for w in warnings_text(result)]
    current = None
    for d in result.deadlines:
        if d.due is None:
            continue
        if d.due != current:
            current = d.due
            lines += ["", format_date(d.due)]
        lines += _block(d)
    undated = [d for d in result.deadlines if d.due is None]
    if undated:
        lines += ["", "Without a date"]
        for d in undated:
            lines += _block(d)
    if not result.deadlines:
        lines += ["", "No deadlines apply."]
    return "\n".join(lines) + "\n"
