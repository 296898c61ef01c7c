"""Loading the shared cases and checking an engine's answers against them (the Python twin of the
checks in run_cases.mjs). Also runs Node drivers: JSON in on stdin, JSON out on stdout."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from functools import lru_cache
from pathlib import Path

from cpguide.deadlines.calendar import BankHolidayCalendar
from cpguide.deadlines.engine import InputError, compute, validate
from cpguide.deadlines.export import bank_holiday_table

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "tests" / "cases" / "deadlines"
HERE = Path(__file__).resolve().parent


def _prepare(rule: dict) -> dict:
    rule = dict(rule)
    rule.setdefault("kind", rule["id"])
    rule.setdefault("authority", "local")
    return rule


def load_cases() -> list[dict]:
    """Every case of every file, with its own rules resolved: [{id, today, rules, input, expected, message}]."""
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        rules = [_prepare(r) for r in data["rules"]]
        by_id = {r["id"]: r for r in rules}
        for i, case in enumerate(data["cases"]):
            chosen = [by_id[r] for r in case["rules"]] if "rules" in case else rules
            out.append({"id": f"{path.stem}[{i}]", "today": data["today"], "rules": chosen,
                        "input": case["input"], "expected": case["expected"], "message": case["message"]})
    return out


@lru_cache(maxsize=None)
def calendar_for(today: str) -> BankHolidayCalendar:
    return BankHolidayCalendar.default(date.fromisoformat(today))


def run_python(rules: list[dict], raw: dict, calendar: BankHolidayCalendar) -> dict:
    try:
        request = validate(raw, calendar)
    except InputError as exc:
        return {"errors": exc.errors}
    return compute(rules, request, calendar).core()


def check(got: dict, expected: dict) -> list[str]:
    """Problems with an answer, as in run_cases.mjs: errors by code and field; warnings by code;
    deadlines complete and in order, each compared on the fields the case gives."""
    problems = []
    if "errors" in expected:
        errors = [{"code": e["code"], "field": e["field"]} for e in got.get("errors", [])]
        if errors != expected["errors"]:
            problems.append(f"errors: expected {expected['errors']}, got {errors}")
        return problems
    if "errors" in got:
        return [f"unexpected errors {got['errors']}"]
    if "warnings" in expected:
        codes = [w["code"] for w in got["warnings"]]
        if codes != expected["warnings"]:
            problems.append(f"warnings: expected {expected['warnings']}, got {codes}")
    if "deadlines" in expected:
        keys = [f"{d['rule']}#{d['occurrence'] or ''}" for d in got["deadlines"]]
        wanted = [f"{d['rule']}#{d.get('occurrence') or ''}" for d in expected["deadlines"]]
        if keys != wanted:
            problems.append(f"deadlines: expected {', '.join(wanted)}; got {', '.join(keys)}")
        for want, have in zip(expected["deadlines"], got["deadlines"]):
            for field, value in want.items():
                if field in ("rule", "occurrence"):
                    continue
                actual = have[field]
                if field == "notes":
                    actual = [n["code"] for n in have["notes"]]
                if field == "national":
                    actual = have["national"] and have["national"]["due"]
                if actual != value:
                    problems.append(f"{want['rule']}#{want.get('occurrence') or ''} {field}: expected {value!r}, got {actual!r}")
    return problems


def node_available() -> str:
    """Node.js, or a failure that says how to get it (the JavaScript tests never skip)."""
    node = shutil.which("node")
    if not node:
        pytest.fail("node not found: install Node.js 20 (Debian package nodejs) to run the JavaScript tests",
                    pytrace=False)
    return node


def node_json(node: str, script: str, payload) -> object:
    """Run a Node driver in tests/deadlines with JSON on stdin; return its JSON output."""
    result = subprocess.run([node, str(HERE / script)], input=json.dumps(payload), capture_output=True,
                            text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, f"node {script} failed:\n{result.stderr}"
    return json.loads(result.stdout)


def tables_for(todays) -> dict:
    return {today: bank_holiday_table(calendar_for(today)) for today in sorted(set(todays))}
