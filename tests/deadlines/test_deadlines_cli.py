"""`cpguide deadlines`: the exact interface of issue 3, its three formats and its refusals.

Run against the fixture content (tests/deadlines/fixtures/content, modelled on the sources) with a
fixed clock (CPGUIDE_TODAY), so the expected dates never move.
"""

from __future__ import annotations

from datetime import date, datetime

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from cpguide.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "deadlines" / "fixtures" / "content"
TODAY = "2026-11-22"
REQUIRED = ("kind", "due", "exact", "authority", "label", "responsible", "audiences", "rule", "source")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("CPGUIDE_TODAY", TODAY)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--content", str(FIXTURE), "deadlines", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args: str) -> dict:
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def find(data: dict, rule_id: str) -> dict:
    return next(d for d in data["deadlines"] if d["rule_id"] == rule_id)


# --- the worked examples of the issue, through the command line ------------------------------

def test_first_core_group_over_christmas(capsys):
    data = as_json(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2025-12-22")
    local = find(data, "fx-un-first-core-group-icpc")
    national = find(data, "fx-nat-first-core-group")
    assert (local["due"], national["due"]) == ("2026-01-08", "2026-01-08")
    assert local["national_limit"]["due"] == "2026-01-08"
    assert local["authority"] == "fixture-unnamed" and national["authority"] == "national"


def test_reports_before_a_review_over_the_spring_bank_holiday(capsys):
    data = as_json(capsys, "--authority", "fixture-west", "--conference", "rcpc", "--date", "2026-05-29")
    reports = find(data, "fx-west-reports-family-rcpc")
    assert reports["due"] == "2026-05-21"
    assert reports["rule"] == "at least 5 working days before the conference"


def test_48_hours_before_lands_on_a_saturday(capsys):
    data = as_json(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2026-06-15",
                   "--time", "10:00")
    reports = find(data, "fx-west-reports-family-icpc")
    assert (reports["exact"], reports["due"]) == ("2026-06-13T10:00", "2026-06-12")
    assert any("Saturday 13 June 2026" in n for n in reports["notes"])


def test_first_review_at_the_end_of_april(capsys):
    data = as_json(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2026-01-31")
    assert find(data, "fx-nat-first-review")["due"] == "2026-04-30"
    assert any("weekend" in w for w in data["warnings"])


# --- json -------------------------------------------------------------------------------------

def test_every_deadline_has_the_promised_fields(capsys):
    data = as_json(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2026-03-02",
                   "--strategy-date", "2026-02-10")
    assert data["deadlines"]
    for d in data["deadlines"]:
        assert all(key in d for key in REQUIRED), d
        assert set(d["source"]) >= {"document", "section", "title"}
        assert d["rule"] and d["label"] and d["text"]
    held = find(data, "fx-nat-icpc-held")
    assert held["due"] == "2026-03-03"  # 15 working days after Tue 10 Feb 2026
    assert held["source"]["title"] == "Working Together to Safeguard Children 2023"


def test_dates_in_order_undated_last(capsys):
    data = as_json(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2026-03-02")
    dues = [d["due"] for d in data["deadlines"]]
    dated = [d for d in dues if d]
    assert dated == sorted(dated) and dues[len(dated):] == [None] * (len(dues) - len(dated))


def test_time_assumed_and_said(capsys):
    data = as_json(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2026-06-15")
    assert data["conference"]["time"] == "10:00" and data["conference"]["time_assumed"] is True
    assert any("10:00" in w for w in data["warnings"])
    data = as_json(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2026-06-15",
                   "--time", "13:30")
    assert data["conference"]["time_assumed"] is False and not data["warnings"]
    assert find(data, "fx-west-family-pre-meeting")["exact"] == "2026-06-15T13:00"


def test_undated_rules_say_why(capsys):
    data = as_json(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2026-03-02")
    consultation = find(data, "fx-un-consultation")
    assert consultation["due"] is None and consultation["status"] == "no-anchor"
    assert consultation["notes"] == ["No date: this is counted from the booking request, which is not known in advance."]
    held = find(data, "fx-nat-icpc-held")
    assert held["due"] is None and "strategy discussion" in held["notes"][0]


def test_disagreement_shows_both_and_marks_the_safe_one(capsys):
    data = as_json(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2026-06-19",
                   "--outcome", "cp")
    hours = find(data, "fx-west-plan-24-hours")
    day = find(data, "fx-west-plan-one-working-day")
    assert (hours["due"], hours["safe"]) == ("2026-06-19", True)
    assert (day["due"], day["safe"]) == ("2026-06-22", False)
    assert hours["disagrees_with"] == ["fx-west-plan-one-working-day"]
    assert "fx-west-plan-step-down" not in [d["rule_id"] for d in data["deadlines"]]


def test_audience(capsys):
    data = as_json(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2026-06-15",
                   "--audience", "parents")
    assert data["deadlines"] and all("parents" in d["audiences"] for d in data["deadlines"])
    assert "fx-west-chair-consultation" not in [d["rule_id"] for d in data["deadlines"]]


def test_national_only(capsys):
    data = as_json(capsys, "--authority", "national", "--conference", "rcpc", "--date", "2026-06-15")
    assert [d["rule_id"] for d in data["deadlines"]] == ["fx-nat-later-reviews"]
    assert data["deadlines"][0]["due"] == "2026-12-15"


# --- text and ics -----------------------------------------------------------------------------

def test_text_timeline(capsys):
    code, out, err = run(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2025-12-22",
                         "--format", "text")
    assert code == 0 and not err
    assert "Thursday 8 January 2026" in out
    assert "Without a date" in out and "booking request" in out
    assert "assumed to start at 10:00" in out
    assert out.index("Wednesday 24 December 2025") < out.index("Thursday 8 January 2026")


def test_ics_has_one_event_per_dated_deadline(capsys):
    data = as_json(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2025-12-22")
    code, out, err = run(capsys, "--authority", "fixture-unnamed", "--conference", "icpc", "--date", "2025-12-22",
                         "--format", "ics")
    assert code == 0 and not err
    cal = Calendar.from_ical(out)
    events = [e for e in cal.walk("VEVENT") if not str(e["uid"]).endswith("-conference@cpguide")]
    dated = [d for d in data["deadlines"] if d["due"]]
    assert len(events) == len(dated) and len(cal.walk("VEVENT")) == len(dated) + 1  # and the conference
    # a deadline at a time of day on its due date is timed; any other is the due date, all day
    starts = [d["exact"] + ":00" if len(d["exact"] or "") > 10 and d["exact"][:10] == d["due"] else d["due"] for d in dated]
    assert sorted(e.decoded("dtstart").isoformat() for e in events) == sorted(starts)
    assert len({str(e["uid"]) for e in events}) == len(events)
    first = next(e for e in events if "First core group meeting" in str(e["summary"]))
    assert first.decoded("dtstart").isoformat() == "2026-01-08"
    assert "within 10 working days of the conference" in str(first["description"])


def test_ics_has_the_conference_and_timed_events_at_their_time(capsys):
    """Worked by hand: an ICPC on Monday 18 January 2027 at 10:00 in the West fixture. The conference is
    an event at 10:00; the family's pre-meeting, exactly 30 minutes before, at 09:30 that day; the reports,
    at least 48 hours before (Saturday 16th, 10:00), stay a day to act by: Friday 15th, all day."""
    code, out, err = run(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2027-01-18",
                         "--time", "10:00", "--format", "ics")
    assert code == 0 and not err
    events = {str(e["summary"]): e for e in Calendar.from_ical(out).walk("VEVENT")}
    conference = events["Initial child protection conference (ICPC)"]
    assert conference.decoded("dtstart") == datetime(2027, 1, 18, 10, 0) and "dtend" not in conference
    starts = {e.decoded("dtstart") for s, e in events.items() if "30 minutes" in str(e["description"])}
    assert starts == {datetime(2027, 1, 18, 9, 30)}
    reports = [e for e in events.values() if "at least 48 hours before" in str(e["description"])]
    assert reports and all(e.decoded("dtstart") == date(2027, 1, 15) and e.decoded("dtend") == date(2027, 1, 16)
                           for e in reports)
    # without a time, the conference is a whole day (the 10:00 the calculator assumes is not invented)
    code, out, err = run(capsys, "--authority", "fixture-west", "--conference", "icpc", "--date", "2027-01-18", "--format", "ics")
    conference = next(e for e in Calendar.from_ical(out).walk("VEVENT") if str(e["uid"]).endswith("-conference@cpguide"))
    assert conference.decoded("dtstart") == date(2027, 1, 18) and conference.decoded("dtend") == date(2027, 1, 19)


# --- bad input: non-zero exit, one line, nothing on stdout (through the real executable) --------

def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CPGUIDE_TODAY=TODAY)
    return subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(FIXTURE), "deadlines", *args],
                          capture_output=True, text=True, env=env, cwd=ROOT)


GOOD = {"--authority": "fixture-west", "--conference": "icpc", "--date": "2026-06-15", "--format": "json"}


def _args(**changes) -> list[str]:
    options = dict(GOOD)
    for key, value in changes.items():
        flag = "--" + key.replace("_", "-")
        if value is None:
            options.pop(flag, None)
        else:
            options[flag] = value
    return [x for pair in options.items() for x in pair]


@pytest.mark.parametrize("changes, words", [
    ({"authority": "westberks"}, "not a known authority"),
    ({"date": "2026-02-30"}, "not a real date"),
    ({"time": "25:00"}, "not a time"),
    ({"date": "2040-01-01"}, "outside the dates whose bank holidays are known"),
    ({"date": "2024-12-31"}, "2025-01-01"),
    ({"strategy_date": "2026-06-16"}, "after the conference date"),
    ({"conference": "review"}, "icpc (initial) or rcpc (review)"),
    ({"outcome": "maybe"}, "cp (child protection plan) or cin"),
    ({"audience": "judges"}, "parents, professionals, social-workers or chairs"),
    ({"format": "pdf"}, "json, text or ics"),
    ({"format": None}, "--format is missing"),
    ({"date": None}, "--date is missing"),
    ({"authority": None}, "--authority is missing"),
])
def test_bad_input_is_refused_in_one_line(changes, words):
    result = cli(*_args(**changes))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


def test_the_installed_command_works():
    exe = Path(sys.executable).with_name("cpguide")
    env = dict(os.environ, CPGUIDE_TODAY=TODAY)
    result = subprocess.run([str(exe), "--content", str(FIXTURE), "deadlines", *_args()], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["deadlines"]


@pytest.mark.parametrize("today, overdue", [("2025-09-30", False), ("2025-10-01", True)])
def test_the_sources_and_how_current_they_are_are_named(tmp_path, today, overdue):
    """The command line says which documents its rules come from, with their dates, and flags a review
    that is overdue on CPGUIDE_TODAY: one due in September 2025 is overdue from 1 October."""
    import shutil

    good = Path(__file__).resolve().parents[1] / "fixtures" / "good"
    shutil.copytree(good, tmp_path / "good")
    meta = tmp_path / "good" / "checklists" / "test-town" / "authority.yml"
    meta.write_text(meta.read_text().replace("    date: not given\n",
                                             '    date: not given\n    published: "2017-10"\n    next_review: "2025-09"\n', 1))
    args = [sys.executable, "-m", "cpguide.cli", "--content", str(tmp_path / "good" / "checklists"), "deadlines",
            "--authority", "test-town", "--conference", "icpc", "--date", "2026-06-15"]
    env = dict(os.environ, CPGUIDE_TODAY=today)
    text = subprocess.run(args + ["--format", "text"], capture_output=True, text=True, check=True, env=env).stdout
    source = "Source: Test procedures: published October 2017; next review due September 2025"
    assert (source + " (review overdue)" if overdue else source + "\n") in text, text
    data = json.loads(subprocess.run(args + ["--format", "json"], capture_output=True, text=True, check=True, env=env).stdout)
    town = next(d for d in data["authority"]["documents"] if d["id"] == "t-doc")
    assert town["published"] == "2017-10" and town["next_review"] == "2025-09" and town["review_overdue"] is overdue


def test_the_calculator_data_names_each_cited_document_with_its_dates(content):
    from cpguide.deadlines.export import authority_data

    for authority in content.local_authorities:
        documents = {d["id"]: d for d in authority_data(content, authority.id)["documents"]}
        for rule in authority.rules:
            document = content.documents[rule["source"]["document"]][1]
            assert documents[document["id"]].get("published") == document.get("published"), authority.id
        assert documents["wt-2023"]["superseded_by"] == content.documents["wt-2026"][1]["title"]
