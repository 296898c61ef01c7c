"""The shared, hand-worked cases (tests/cases/deadlines/*.json) against both engines."""

from __future__ import annotations

import pytest

from cpguide.deadlines.export import words
from deadline_cases import calendar_for, check, load_cases, node_available, node_json, run_python, tables_for

CASES = load_cases()
IDS = [c["id"] for c in CASES]


def test_there_are_many_cases():
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_python(case):
    got = run_python(case["rules"], case["input"], calendar_for(case["today"]))
    problems = check(got, case["expected"])
    assert not problems, case["message"] + "\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def node_results():
    payload = {"tables": tables_for(c["today"] for c in CASES), "words": words(),
               "cases": [{k: c[k] for k in ("id", "today", "rules", "input", "expected")} for c in CASES]}
    return {r["id"]: r for r in node_json(node_available(), "run_cases.mjs", payload)}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_javascript(case, node_results):
    result = node_results[case["id"]]
    assert result["ok"], case["message"] + "\n" + "\n".join(result["problems"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_same_answer_in_both_languages(case, node_results):
    """Beyond the fields a case checks: the whole answer is the same."""
    got = run_python(case["rules"], case["input"], calendar_for(case["today"]))
    assert node_results[case["id"]]["got"] == got
