"""Every authority's conferences worked out by hand (its examples.yml), as the tests use them.

The dates come from the authority's folder, never from a table here: a new authority's examples
are checked by the same tests with no change to them.
"""

from __future__ import annotations

from datetime import date


def session_content():
    """The content the tests run on: checklists/ or CPGUIDE_CONTENT, only the authorities of
    CPGUIDE_AUTHORITIES when it is set (as the site build does), so a session can run on one
    authority (tests/test_walkthrough.py)."""
    from cpguide.gate import valid_content
    from cpguide.loader import DEFAULT_ROOT
    from cpguide.selection import from_env

    return valid_content(DEFAULT_ROOT, only=from_env())


def examples_of(content) -> list[tuple[str, dict]]:
    """(authority id, example) for every example of every authority the content has, in id order."""
    return [(a.id, e) for a in sorted(content.authorities.values(), key=lambda a: a.id) for e in a.examples]


def example_id(pair) -> str:
    return pair[1]["id"]


def request_of(example: dict) -> dict:
    """The conference as both engines take it (the raw input of the calculator's form)."""
    return {"conference": example["conference"], "date": example["date"], "time": example["time"],
            "strategy_date": example.get("strategy_discussion"), "outcome": example.get("outcome"),
            "audience": None}


def today_of(example: dict) -> str:
    """The day the example was worked out: the bank holidays known then are the ones it was counted with."""
    return example["worked_on"]


def problems(example: dict, answer: dict) -> list[str]:
    """What an engine's answer (Deadline.core() dicts) gets wrong against the hand-worked dates.

    `date` is the practical due date; `time` the time of day of the moment the rule counts to; a
    recurring rule listed at all is listed with every occurrence; `undated` means no date at all."""
    if "errors" in answer:
        return [f"{example['id']}: the engine refused the conference: {answer['errors']}"]
    found = []
    by_rule: dict[str, list[dict]] = {}
    for d in answer["deadlines"]:
        by_rule.setdefault(d["rule"], []).append(d)
    listed: dict[str, list[dict]] = {}
    for expected in example["expect"]:
        listed.setdefault(expected["rule"], []).append(expected)
    for rule, lines in listed.items():
        got = by_rule.get(rule, [])
        if not got:
            found.append(f"{example['id']}: no deadline for '{rule}' at all")
            continue
        if any(line.get("undated") for line in lines):
            if any(d["due"] for d in got):
                found.append(f"{example['id']}: '{rule}' should have no date ({lines[0]['working']}); got "
                             f"{[d['due'] for d in got]}")
            continue
        if got[0]["occurrence"] is not None:
            wanted = [line["date"] for line in sorted(lines, key=lambda x: x.get("occurrence", 1))]
            dates = [d["due"] for d in got]
            if dates != wanted:
                found.append(f"{example['id']}: '{rule}' occurrences: worked out by hand {wanted}, got {dates}")
            continue
        for line in lines:
            found.extend(_one(example, line, got[0]))
    return found


def _one(example: dict, line: dict, got: dict) -> list[str]:
    out = []
    if got["due"] != line["date"]:
        out.append(f"{example['id']}: '{line['rule']}' worked out by hand as {line['date']} "
                   f"({line['working']}); got {got['due']}")
    if "time" in line and (got["exact"] or "")[11:] != line["time"]:
        out.append(f"{example['id']}: '{line['rule']}' at {line['time']} by hand; got the moment {got['exact']}")
    return out


def weekday_words(iso: str) -> str:
    """'2027-03-25' -> 'Thursday 25 March 2027', as a person writes a date."""
    day = date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"
