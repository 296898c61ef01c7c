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
