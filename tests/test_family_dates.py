"""The words of a parent's dates (questions.yml `calculator`: results, kinds, actors): one sentence for
every deadline kind and everyday words for every actor of the schemas' vocabulary, so that no date
a parent is shown falls back to staff wording; the schema refuses a kind or actor it does not know;
the words reach the browser through words.json."""

from __future__ import annotations

import copy

from cpguide.deadlines.export import calculator_data
from cpguide.family import questions_data
from cpguide.schemas import is_valid
from cpguide.vocabulary import ACTORS, DEADLINE_KINDS


def test_every_kind_has_a_sentence_and_every_actor_everyday_words(content):
    calculator = questions_data(content)["calculator"]
    assert set(calculator["kinds"]) == set(DEADLINE_KINDS)
    assert all("{who}" in s and "{when}" in s for s in calculator["kinds"].values())
    assert set(calculator["actors"]) == set(ACTORS)


def test_the_schema_refuses_words_for_a_kind_or_actor_it_does_not_know(content):
    data = questions_data(content)
    assert is_valid("questions.yml", data)
    for part, key in (("kinds", "report-to-the-judge"), ("actors", "judge")):
        wrong = copy.deepcopy(data)
        wrong["calculator"][part][key] = "{who} should {when}."
        assert not is_valid("questions.yml", wrong), part
    wrong = copy.deepcopy(data)
    wrong["calculator"]["kinds"]["plan-circulated"] = "You should get the plan."  # neither who nor when
    assert not is_valid("questions.yml", wrong)
    wrong = copy.deepcopy(data)
    wrong["questions"][1]["kinds"] = ["reports-to-the-family"]
    assert not is_valid("questions.yml", wrong)


def test_the_words_reach_the_calculator(content):
    family = calculator_data(content)["words"]["family"]
    assert family["kinds"]["reports-to-family"] == questions_data(content)["calculator"]["kinds"]["reports-to-family"]
    reports = next(q for q in family["questions"] if q["anchor"] == "reports")
    assert reports["kinds"] == ["reports-to-family"] and reports["when_silent"]


def test_the_page_and_the_calculator_say_each_rule_in_the_same_words(content):
    """cpguide.family.rule_sentence (the parents' pages) and family-dates.mjs (the calculator, the reader's
    dates) give every rule of every authority the same sentence."""
    import json
    import shutil
    import subprocess
    from pathlib import Path

    from cpguide.deadlines.engine import rules_for
    from cpguide.family import rule_sentence

    node = shutil.which("node")
    assert node, "node not found: install Node.js 20 (Debian package nodejs)"
    rules = {r["id"]: r for a in content.authorities for r in rules_for(content, a)}
    # two rules of a made-up authority, whose sentences are known from questions.yml's wording
    base = next(iter(rules.values()))
    rules["x-reports"] = dict(base, id="x-reports", kind="reports-to-family", responsible=["social-worker"], authority="x")
    rules["x-minutes"] = dict(base, id="x-minutes", kind="minutes-circulated", responsible=["safeguarding-unit", "notetaker"],
                              authority="x")
    words = calculator_data(content)["words"]
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([node, str(root / "tests" / "family_sentences.mjs")], capture_output=True, text=True, cwd=root,
                         input=json.dumps({"words": words, "rules": list(rules.values()), "when": "WHEN"}), timeout=60)
    assert out.returncode == 0, out.stderr
    js = json.loads(out.stdout)
    assert len(js) == len(rules) > 2
    for rule_id, rule in rules.items():
        assert js[rule_id] == rule_sentence(content, rule, "WHEN"), rule_id
        assert js[rule_id][:1].isupper() and "WHEN" in js[rule_id] and "{" not in js[rule_id]
    # responsible: [social-worker]; questions.yml: "{who} should give you the reports {when}." and "your social worker"
    assert js["x-reports"] == "Your social worker should give you the reports WHEN."
    # responsible: [safeguarding-unit, notetaker], both "the council": said once
    assert js["x-minutes"] == "The council should send you the notes of the meeting WHEN."
