"""An iCalendar file: the conference itself, then one event per dated deadline.

A deadline is an all-day event on its practical due date, because it is a day to act by; one with a
time of day on that date (the family's pre-meeting at 09:30) is an event at that time. The
conference is at its time when one was given, else all day. Times are the local wall clock
(floating, as the calculator shows them). The exact moment, the rule in words and the source go into
the description. The web calculator builds the same events in JavaScript (docs/assets/js/deadline-text.mjs).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from .calendar import now_utc
from .engine import Result, iso
from .render import citation, deadline_notes
from ..vocabulary import ACTORS, CONFERENCE_TYPES
from .words import format_date

PRODID = "-//cpguide//Child protection conference deadlines//EN"


def summary(d, authority_name: str) -> str:
    """'First core group meeting (no. 2) — West Berkshire'; a timed deadline shows its time."""
    label = d.rule.get("label", d.rule["id"])
    if d.occurrence:
        label += f" (no. {d.occurrence})"
    exact = iso(d.exact) or ""
    if len(exact) > 10 and exact[:10] == iso(d.due):
        label += f" at {exact[11:]}"
    return f"{label} — {authority_name}"


def description(d) -> str:
    rule = d.rule
    lines = [f"Rule: {rule.get('words', '')}."]
    if iso(d.exact) != iso(d.due):
        lines.append(f"Exact: {format_date(iso(d.exact))}.")
    who = ", ".join(ACTORS.get(a, a) for a in rule.get("responsible", []))
    if who:
        lines.append(f"Who: {who}.")
    lines.append(f"Source: {citation(rule)}.")
    if rule.get("text"):
        lines.append(f"Wording: “{rule['text']}”")
    lines += deadline_notes(d)
    return "\n".join(lines)


def conference_event(request, stamp: datetime) -> Event:
    """The conference itself: at its time if one was given (the default time is only assumed), else all day."""
    event = Event()
    event.add("uid", f"{request.conference}-{request.date.isoformat()}-conference@cpguide")
    event.add("dtstamp", stamp)
    if request.time is not None:
        event.add("dtstart", datetime.combine(request.date, request.time))
    else:
        event.add("dtstart", request.date)
        event.add("dtend", request.date + timedelta(days=1))
    name = CONFERENCE_TYPES[request.conference]
    event.add("summary", name[:1].upper() + name[1:])
    event.add("description", f"The conference. The other events are worked out from its date ({format_date(request.date)}).")
    event.add("transp", "OPAQUE")
    return event


def result_ics(result: Result, names: dict[str, str], stamp: datetime | None = None) -> bytes:
    """`names` maps authority ids (and 'national') to the names shown in event titles."""
    request = result.request
    stamp = stamp or now_utc()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Deadlines: {CONFERENCE_TYPES[request.conference]} on {format_date(request.date)}")
    cal.add_component(conference_event(request, stamp))
    for d in result.deadlines:
        if d.due is None:
            continue
        event = Event()
        occurrence = f"-{d.occurrence}" if d.occurrence else ""
        event.add("uid", f"{request.conference}-{request.date.isoformat()}-{d.rule['id']}{occurrence}@cpguide")
        event.add("dtstamp", stamp)
        if isinstance(d.exact, datetime) and d.exact.date() == d.due:
            event.add("dtstart", d.exact)  # a moment of that day: timed, not all day
        else:
            event.add("dtstart", d.due)
            event.add("dtend", d.due + timedelta(days=1))
        event.add("summary", summary(d, names.get(d.authority, d.authority)))
        event.add("description", description(d))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
