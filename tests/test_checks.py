"""`cpguide validate` is the one gate: the consistency checks the tests make are made by valid_content
(cpguide/gate.py, and so by validate and the build), each with the file, the line and what to fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cpguide.gate import valid_content

from good_tree import errors_for

RULES = "checklists/test-town/timescales.yml"
NATIONAL_RULES = "checklists/national/timescales.yml"

RULE = """
  - id: {id}
    kind: {kind}
    label: A rule
    conference_types: [icpc]
    amount: {amount}
    unit: {unit}
    direction: after
    from: conference
    responsible: [chair]
    audiences: [parents]
    text: "{text}"
    source: {{document: t-doc, section: Plan}}
"""



def add_rule(tree: Path, rel: str = RULES, **fields) -> None:
    with (tree / rel).open("a", encoding="utf-8") as f:
        f.write(RULE.format(**fields))


def line_of(tree: Path, rel: str, needle: str, after: str | None = None) -> int:
    lines = (tree / rel).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines[start:], start=start + 1) if needle in line)



def validate(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tree / "checklists"), "validate"],
                          capture_output=True, text=True)


def test_a_text_stating_another_timing_than_its_rule_is_refused(tree):
    text = (tree / RULES).read_text(encoding="utf-8")
    (tree / RULES).write_text(text.replace("within one working day.", "within 3 working days."), encoding="utf-8")
    result = validate(tree)
    assert result.returncode == 2
    line = line_of(tree, RULES, "amount: 1")
    assert f"{RULES}:{line}: rule 't-rule-plan' has amount: 1 and unit: working_days, but its text states " \
           "3 working days" in result.stderr, result.stderr


def test_a_text_stating_its_own_timing_in_words_passes(tree):
    add_rule(tree, id="t-rule-visit", kind="family-pre-meeting", amount=30, unit="minutes", text="Half an hour before.")
    add_rule(tree, id="t-rule-review", kind="next-review-conference", amount=6, unit="months",
             text="Reviews are within 6 monthly thereafter.")
    content = valid_content(tree / "checklists")  # no error: the words state the timing the fields give
    assert content.index["t-rule-visit"].item["amount"] == 30 and content.index["t-rule-review"].item["unit"] == "months"


def test_an_unrecorded_conflict_names_both_rules_and_both_places(tree):
    add_rule(tree, id="t-rule-plan-slow", kind="plan-circulated", amount=5, unit="working_days",
             text="The plan will be sent within 5 working days.")
    errors = errors_for(tree)
    first, second = line_of(tree, RULES, "id: t-rule-plan"), line_of(tree, RULES, "id: t-rule-plan-slow")
    found = [e for e in errors if "no discrepancy records it" in e]
    assert len(found) == 1, errors
    assert "'t-rule-plan'" in found[0] and "'t-rule-plan-slow'" in found[0]
    assert f"{RULES}:{first}" in found[0] and f"{RULES}:{second}" in found[0]
    assert "discrepancies.yml" in found[0]


# Two rules of one kind that differ in one part of their timing only: each such pair names a different
# moment, so the documents disagree and the pair must be recorded (a check comparing the amount alone
# passed all three).
ONE_WORKING_DAY = "The plan will be sent within one working day."
ALIKE_BUT = {
    "direction": dict(direction="before", anchor="conference"),
    "anchor": dict(direction="after", anchor="core-group"),
}
RULE_WITH = """
  - id: {id}
    kind: {kind}
    label: A rule
    conference_types: [icpc]
    amount: {amount}
    unit: working_days
    direction: {direction}
    from: {anchor}
    responsible: [chair]
    audiences: [parents]
    text: "{text}"
    source: {{document: t-doc, section: Plan}}{conditions}
"""


def add_plan_rule(tree: Path, kind: str = "plan-circulated", conditions: str = "", **fields) -> None:
    with (tree / RULES).open("a", encoding="utf-8") as f:
        f.write(RULE_WITH.format(kind=kind, conditions=conditions, **fields))


@pytest.mark.parametrize("differs", sorted(ALIKE_BUT))
def test_rules_with_the_same_amount_but_another_direction_or_anchor_conflict(tree, differs):
    add_plan_rule(tree, id="t-rule-plan-other", amount=1, text=ONE_WORKING_DAY, **ALIKE_BUT[differs])
    found = [e for e in errors_for(tree) if "no discrepancy records it" in e]
    assert len(found) == 1 and "'t-rule-plan-other'" in found[0], found


def test_rules_for_different_outcomes_never_conflict(tree):
    """Rules only one of which can apply to a conference (one for a child protection plan, one for a
    child in need plan) are not a disagreement, whatever their timings."""
    for rule_id, outcome, amount, words in (("t-rule-minutes-cp", "cp", 2, "two"), ("t-rule-minutes-cin", "cin", 5, "five")):
        add_plan_rule(tree, kind="minutes-circulated", id=rule_id, amount=amount, direction="after", anchor="conference",
                      text=f"The minutes will be sent within {words} working days.",
                      conditions=f"\n    conditions: {{outcome: {outcome}}}")
    content = valid_content(tree / "checklists")  # no error
    assert {"t-rule-minutes-cp", "t-rule-minutes-cin"} <= set(content.index)


def test_rules_for_overlapping_outcomes_conflict(tree):
    """Two rules that can apply to the same conference (the same outcome) with different timings do."""
    for rule_id, amount, words in (("t-rule-minutes-cp", 2, "two"), ("t-rule-minutes-cp-slow", 5, "five")):
        add_plan_rule(tree, kind="minutes-circulated", id=rule_id, amount=amount, direction="after", anchor="conference",
                      text=f"The minutes will be sent within {words} working days.",
                      conditions="\n    conditions: {outcome: cp}")
    found = [e for e in errors_for(tree) if "no discrepancy records it" in e]
    assert any("'t-rule-minutes-cp'" in e and "'t-rule-minutes-cp-slow'" in e for e in found), found


def test_a_recorded_conflict_passes(tree):
    add_rule(tree, id="t-rule-plan-slow", kind="plan-circulated", amount=5, unit="working_days",
             text="The plan will be sent within 5 working days.")
    (tree / "checklists/test-town/discrepancies.yml").write_text(
        "# yaml-language-server: $schema=../../schema/discrepancies.schema.json\n"
        "discrepancies:\n  - id: t-plan-one-or-five\n    title: One or five working days\n    type: disagreement\n"
        "    note: The document says both.\n    items: [t-rule-plan, t-rule-plan-slow]\n", encoding="utf-8")
    content = valid_content(tree / "checklists")  # no error: the disagreement is recorded
    town = next(a for a in content.local_authorities if any(d["id"] == "t-plan-one-or-five" for d in a.discrepancies))
    assert {r["id"] for r in town.rules} >= {"t-rule-plan", "t-rule-plan-slow"}


def test_a_rule_over_the_national_limit_is_refused_unless_recorded(tree):
    add_rule(tree, id="t-rule-core-group", kind="first-core-group", amount=12, unit="working_days",
             text="The first core group is within 12 working days.")
    errors = [e for e in errors_for(tree) if "national limit" in e]
    line = line_of(tree, RULES, "id: t-rule-core-group")
    national = line_of(tree, NATIONAL_RULES, "id: t-nat-first-core-group")
    assert len(errors) == 1 and errors[0].startswith(f"{RULES}:{line}: rule 't-rule-core-group'"), errors
    assert f"'t-nat-first-core-group' ({NATIONAL_RULES}:{national})" in errors[0] and "type: deviation" in errors[0]
    (tree / "checklists/test-town/discrepancies.yml").write_text(
        "# yaml-language-server: $schema=../../schema/discrepancies.schema.json\n"
        "discrepancies:\n  - id: t-core-group-later\n    title: Later than the national limit\n    type: deviation\n"
        "    note: The document allows 12 working days.\n    items: [t-rule-core-group]\n", encoding="utf-8")
    valid_content(tree / "checklists")


def test_another_unit_is_compared_date_by_date(tree):
    """15 calendar days is later than 10 working days after a Monday conference (a Tuesday against a
    Monday two weeks on); 14 calendar days never is (the Monday, or the Friday before a weekend)."""
    add_rule(tree, id="t-rule-core-group", kind="first-core-group", amount=14, unit="days",
             text="The first core group is within 14 days.")
    valid_content(tree / "checklists")
    path = tree / RULES
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 14", "amount: 15").replace("within 14 days",
                                                                                                 "within 15 days"))
    assert any("'t-rule-core-group'" in e and "national limit" in e for e in errors_for(tree))


def test_a_file_without_its_schema_line_is_refused(tree):
    path = tree / RULES
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[1:]) + "\n", encoding="utf-8")
    assert any(e.startswith(f"{RULES}:1: the first line is 'rules:'") and "$schema=../../schema/timescales.schema.json"
               in e for e in errors_for(tree))


def _git(tree: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", str(tree), *args],
                   check=True, capture_output=True)


def _duplicate_in_national(tree: Path) -> None:
    """A new national rule reusing test-town's published id: national is read first, so the new
    place is the first the loader meets."""
    add_rule(tree, NATIONAL_RULES, id="t-rule-plan", kind="plan-circulated", amount=1, unit="working_days",
             text="within one working day")
    path = tree / NATIONAL_RULES
    path.write_text(path.read_text(encoding="utf-8").replace("document: t-doc", "document: t-wt"), encoding="utf-8")


def test_a_duplicate_id_says_to_rename_the_one_not_yet_committed(tree):
    _git(tree, "init", "-q")
    _git(tree, "add", ".")
    _git(tree, "commit", "-q", "-m", "published")
    _duplicate_in_national(tree)
    new = f"{NATIONAL_RULES}:{line_of(tree, NATIONAL_RULES, 'id: t-rule-plan')}"
    published = f"{RULES}:{line_of(tree, RULES, 'id: t-rule-plan')}"
    errors = [e for e in errors_for(tree) if "duplicate id 't-rule-plan'" in e]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{new}: duplicate id 't-rule-plan': here and at {published}"), errors
    assert f"rename the id here (it is not in the committed content yet) and keep 't-rule-plan' at {published}" \
        in errors[0]


def test_a_duplicate_id_without_history_says_to_rename_the_newer_one(tree):
    assert not (tree / ".git").exists() and subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "HEAD"], capture_output=True).returncode != 0
    os.utime(tree / RULES, (1_600_000_000, 1_600_000_000))
    _duplicate_in_national(tree)
    errors = [e for e in errors_for(tree) if "duplicate id 't-rule-plan'" in e]
    assert len(errors) == 1 and errors[0].startswith(f"{NATIONAL_RULES}:") and "it is the newer one" in errors[0]


def test_the_real_content_passes_every_check(content):
    from cpguide.checks import content_errors

    assert not content_errors(content)


AGENDA = "checklists/test-town/agenda.yml"


def test_a_section_numbered_out_of_order_must_say_so(tree):
    """The source's numbering is kept; a section numbered higher than the next one is an anomaly to state."""
    second = ('      - id: t-agenda-2\n        number: "2"\n        title: Decision\n        prompts:\n'
              '          - id: t-agenda-2-decide\n            text: "Chair asks for views."\n')
    text = (tree / AGENDA).read_text(encoding="utf-8") + second
    (tree / AGENDA).write_text(text, encoding="utf-8")
    valid_content(tree / "checklists")  # 1, 2: in order
    (tree / AGENDA).write_text(text.replace('number: "1"', 'number: "10"', 1), encoding="utf-8")
    errors, line = errors_for(tree), line_of(tree, AGENDA, 'number: "2"')
    assert errors == [f"{AGENDA}:{line}: section 2 follows section 10 in agenda 't-agenda' — "
                      "keep the source's order and numbers, and say what is odd in anomaly: on section 10 (or correct the "
                      "order if it is yours, not the source's)"], errors
    (tree / AGENDA).write_text(text.replace('number: "1"\n', 'number: "10"\n        anomaly: "Numbered 10 in the source."\n', 1),
                               encoding="utf-8")
    valid_content(tree / "checklists")


# --- one sentence, several timings: each rule says which words it comes from (span) ----------------

SENTENCE = "Reports are shared at least 48 hours in advance of an initial conference and 3 working days before a review conference."
TWO_RULES = """
  - id: t-reports-icpc
    kind: reports-to-family
    label: Reports
    conference_types: [icpc]
    amount: 48
    unit: hours
    direction: before
    limit: at-least
    from: conference
    responsible: [professionals]
    audiences: [parents]
    text: "{sentence}"
    span: "{icpc}"
    source: {{document: t-doc, section: Plan}}
  - id: t-reports-rcpc
    kind: reports-to-family
    label: Reports
    conference_types: [rcpc]
    amount: 3
    unit: working_days
    direction: before
    limit: at-least
    from: conference
    responsible: [professionals]
    audiences: [parents]
    text: "{sentence}"
    span: "{rcpc}"
    source: {{document: t-doc, section: Plan}}
"""


def _two_rules(tree: Path, icpc="at least 48 hours in advance of an initial conference",
               rcpc="3 working days before a review conference") -> str:
    text = TWO_RULES.format(sentence=SENTENCE, icpc=icpc, rcpc=rcpc)
    with (tree / RULES).open("a", encoding="utf-8") as f:
        f.write(text)
    return (tree / RULES).read_text(encoding="utf-8")


def test_rules_from_one_sentence_each_name_their_words(tree):
    _two_rules(tree)
    valid_content(tree / "checklists")


def test_swapping_the_two_timings_of_one_sentence_is_refused(tree):
    """The review conference given the initial conference's 48 hours (and the other way round): less notice."""
    text = _two_rules(tree)
    swapped = text.replace("amount: 48\n    unit: hours", "amount: X\n    unit: H").replace(
        "amount: 3\n    unit: working_days\n    direction: before\n    limit: at-least\n    from: conference\n"
        "    responsible: [professionals]\n    audiences: [parents]\n    text: \"Reports",
        "amount: 48\n    unit: hours\n    direction: before\n    limit: at-least\n    from: conference\n"
        "    responsible: [professionals]\n    audiences: [parents]\n    text: \"Reports").replace(
        "amount: X\n    unit: H", "amount: 3\n    unit: working_days")
    (tree / RULES).write_text(swapped, encoding="utf-8")
    errors = errors_for(tree)
    icpc_line = line_of(tree, RULES, "amount: 3", after="t-reports-icpc")
    rcpc_line = line_of(tree, RULES, "amount: 48", after="t-reports-rcpc")
    assert errors == [
        f"{RULES}:{icpc_line}: rule 't-reports-icpc' has amount: 3 and unit: working_days, but its span states 48 hours — "
        "make amount and unit say what the source says (the text is the source's wording and stays as it is)",
        f"{RULES}:{rcpc_line}: rule 't-reports-rcpc' has amount: 48 and unit: hours, but its span states 3 working days — "
        "make amount and unit say what the source says (the text is the source's wording and stays as it is)"], errors


def test_swapping_the_spans_too_is_refused_by_the_conference_type(tree):
    _two_rules(tree, icpc="3 working days before a review conference", rcpc="at least 48 hours in advance of an initial conference")
    text = (tree / RULES).read_text(encoding="utf-8")
    (tree / RULES).write_text(text.replace("amount: 48\n    unit: hours", "amount: 3\n    unit: working_days", 1)
                              .replace("amount: 3\n    unit: working_days\n    direction: before\n    limit: at-least\n"
                                       "    from: conference\n    responsible: [professionals]\n    audiences: [parents]\n"
                                       f"    text: \"{SENTENCE}\"\n    span: \"at least",
                                       "amount: 48\n    unit: hours\n    direction: before\n    limit: at-least\n"
                                       "    from: conference\n    responsible: [professionals]\n    audiences: [parents]\n"
                                       f"    text: \"{SENTENCE}\"\n    span: \"at least"), encoding="utf-8")
    errors = errors_for(tree)
    assert len(errors) == 2 and all("but its span speaks of" in e for e in errors), errors
    assert errors[0].startswith(f"{RULES}:{line_of(tree, RULES, 'conference_types: [icpc]', after='t-reports-icpc')}:")


@pytest.mark.parametrize("span, says", [
    (None, "its text gives several timings (3 working days, 48 hours) — add span:"),
    ("3 working days before the review", "its span is not words of its text"),
])
def test_a_rule_of_a_sentence_with_several_timings_must_name_its_own_words(tree, span, says):
    text = _two_rules(tree)
    wrong = text.replace('    span: "3 working days before a review conference"\n',
                         "" if span is None else f'    span: "{span}"\n')
    (tree / RULES).write_text(wrong, encoding="utf-8")
    errors = errors_for(tree)
    assert len(errors) == 1 and "t-reports-rcpc" in errors[0] and says in errors[0], errors
