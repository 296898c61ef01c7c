"""The JavaScript says exactly what Python says: notes, warnings, input errors and calendar events.

Both render from the same templates (words.py, exported as words.json); this checks the filling-in
(dates in words, outcomes, anchors) and the .ics events on random conferences over the fixture and
real content.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timezone

from icalendar import Calendar

from cpguide.deadlines.engine import InputError, compute, rules_for, validate
from cpguide.deadlines.export import words
from cpguide.deadlines.ics import result_ics
from cpguide.deadlines.render import deadline_notes, warnings_text
from cpguide.deadlines.words import format_date, render
from cpguide.interface import interface_words
from cpguide.gate import valid_content
from deadline_cases import ROOT, calendar_for, node_available, node_json, tables_for
from random_rules import random_input

FIXTURE_CONTENT = ROOT / "tests" / "deadlines" / "fixtures" / "content"
TODAY = "2026-11-22"
STAMP = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def _events(ics: bytes | str) -> list[tuple]:
    cal = Calendar.from_ical(ics)
    return sorted((str(e["uid"]), e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat() if "dtend" in e else "",
                   str(e["summary"]), str(e["description"]), e.decoded("dtstamp").isoformat())
                  for e in cal.walk("VEVENT"))


def _python(item: dict, with_ics: bool) -> dict:
    calendar = calendar_for(item["today"])
    try:
        request = validate(item["input"], calendar)
    except InputError as exc:
        return {"errors": [render(e["code"], dict(e, field_id=e["field"])) for e in exc.errors]}
    result = compute(item["rules"], request, calendar)
    return {"notes": [deadline_notes(d) for d in result.deadlines], "warnings": warnings_text(result),
            "ics": result_ics(result, item["names"], STAMP) if with_ics else None}


def test_words_and_calendar_files_agree(content):
    sets = []
    for source in (valid_content(FIXTURE_CONTENT), content):
        names = {a.id: a.name for a in source.authorities.values()}
        sets += [(rules_for(source, a), names) for a in sorted(source.authorities)]
    rng = random.Random(11)
    calendar = calendar_for(TODAY)
    items = []
    for _ in range(1500):
        rules, names = rng.choice(sets)
        items.append({"today": TODAY, "rules": rules, "names": names,
                      "input": random_input(rng, calendar.first, calendar.last)})
    exported = {**words(), "results": interface_words(content)["calculator"]["results"]}  # as words.json has them
    js = node_json(node_available(), "render.mjs", {"tables": tables_for([TODAY]), "words": exported, "items": items})
    checked = 0
    for n, (item, theirs) in enumerate(zip(items, js)):
        ours = _python(item, with_ics=n % 8 == 0)  # icalendar parsing is slow: every 8th file
        if "errors" in ours:
            assert theirs["errors"] == ours["errors"]
            continue
        assert theirs["notes"] == ours["notes"]
        assert theirs["warnings"] == ours["warnings"]
        if ours["ics"] is not None:
            assert _events(theirs["ics"]) == _events(ours["ics"]), item["input"]
        checked += 1
    assert checked > 500


def test_every_message_code_either_engine_uses_is_exported():
    """Every note, warning and error code written in engine.py or deadlines.mjs has its words in words.json
    (a code without words would show as the bare code)."""
    engine = (ROOT / "cpguide" / "deadlines" / "engine.py").read_text(encoding="utf-8")
    script = (ROOT / "docs" / "assets" / "js" / "deadlines.mjs").read_text(encoding="utf-8")
    used = set(re.findall(r'"code": "([a-z-]+)"|error\("([a-z-]+)"', engine))
    used |= set(re.findall(r"code: '([a-z-]+)'|error\('([a-z-]+)'", script))
    codes = {code for pair in used for code in pair if code}
    assert len(codes) > 20, "the patterns no longer find the codes"
    assert codes <= set(words()["messages"]), sorted(codes - set(words()["messages"]))


def test_dates_in_words():
    assert format_date("2026-06-13") == "Saturday 13 June 2026"
    assert format_date("2026-06-13T10:00") == "Saturday 13 June 2026 at 10:00"
    assert format_date("2028-02-29") == "Tuesday 29 February 2028"
