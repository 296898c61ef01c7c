"""Every authority's conferences worked out by hand (its examples.yml) against both engines.

Nothing here names an authority: the examples come from whatever folders the content has, so a new
authority's examples.yml is checked with no change to this file.
"""

from __future__ import annotations

import pytest

from cpguide.deadlines import rules_for
from cpguide.deadlines.export import words
from deadline_cases import calendar_for, node_available, node_json, run_python, tables_for
from hand_worked import example_id, examples_of, problems, request_of, today_of


def pytest_generate_tests(metafunc):
    if "example" in metafunc.fixturenames:
        from hand_worked import session_content

        pairs = examples_of(session_content())
        metafunc.parametrize("example", pairs, ids=[example_id(p) for p in pairs])


@pytest.fixture(scope="module")
def javascript_answers(content):
    pairs = examples_of(content)
    payload = {"tables": tables_for(today_of(e) for _, e in pairs), "words": words(),
               "cases": [{"id": e["id"], "today": today_of(e), "rules": rules_for(content, a),
                          "input": request_of(e), "expected": {}} for a, e in pairs]}
    return {r["id"]: r["got"] for r in node_json(node_available(), "run_cases.mjs", payload)}


def test_python_engine_gives_the_dates_worked_out_by_hand(content, example):
    authority, worked = example
    answer = run_python(rules_for(content, authority), request_of(worked), calendar_for(today_of(worked)))
    found = problems(worked, answer)
    assert not found, "\n".join(found)


def test_javascript_engine_gives_the_dates_worked_out_by_hand(javascript_answers, example):
    worked = example[1]
    found = problems(worked, javascript_answers[worked["id"]])
    assert not found, "\n".join(found)


def test_a_wrong_date_is_caught():
    """The comparison itself: a date a day out, a missing occurrence, a date where there is none."""
    worked = {"id": "x", "expect": [
        {"rule": "a", "date": "2027-03-25", "working": "w"},
        {"rule": "b", "occurrence": 1, "date": "2027-04-01", "working": "w"},
        {"rule": "b", "occurrence": 2, "date": "2027-04-15", "working": "w"},
        {"rule": "c", "undated": True, "working": "w"},
        {"rule": "d", "date": "2027-03-30", "time": "09:30", "working": "w"}]}
    answer = {"deadlines": [
        {"rule": "a", "occurrence": None, "due": "2027-03-26", "exact": "2027-03-26"},
        {"rule": "b", "occurrence": 1, "due": "2027-04-01", "exact": "2027-04-01"},
        {"rule": "c", "occurrence": 1, "due": "2027-04-02", "exact": "2027-04-02"},
        {"rule": "d", "occurrence": None, "due": "2027-03-30", "exact": "2027-03-30T09:45"}]}
    found = problems(worked, answer)
    assert [f.split(":")[1].strip().split(" ")[0] for f in found] == ["'a'", "'b'", "'c'", "'d'"], found
