"""Nothing silent: every deadline a professional, a social worker or a chair expects is answered, with
a date or with a plain statement that the authority's documents give none (and what national
guidance says). The expectations are data (checklists/national/expected-deadlines.yml).
"""

from __future__ import annotations

import html
import re

import pytest

from cpguide.deadlines.engine import rules_for
from cpguide.expected import expected_data

from hand_worked import examples_of

def _text(path) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))))


def _silent_topics(content, authority_id: str, conference: str) -> list[dict]:
    """What a professional expects to be told that the authority's own rules leave unanswered."""
    own = [r for r in content.authorities[authority_id].rules
           if conference in r["conference_types"] and "professionals" in r.get("audiences", [])]
    return [e for e in expected_data(content)["audiences"]["professionals"]
            if not [r for r in own if r["kind"] in e["kinds"]]]


def _teachers_meetings(content):
    """One hand-worked conference (examples.yml) per authority whose documents leave a professional's
    question unanswered."""
    chosen = {}
    for authority, example in examples_of(content):
        if authority not in chosen and _silent_topics(content, authority, example["conference"]):
            chosen[authority] = example
    return sorted(chosen.items())


def pytest_generate_tests(metafunc):
    if "meeting" in metafunc.fixturenames:
        from hand_worked import session_content

        pairs = _teachers_meetings(session_content())
        metafunc.parametrize("meeting", pairs or [pytest.param(None, marks=pytest.mark.skip(
            reason="every authority's documents answer every question of a professional"))],
            ids=[e["id"] for _, e in pairs] or None)


def test_a_teacher_is_told_about_their_report(page, content, meeting):
    """A teacher invited to a conference worked out by hand in the authority's examples.yml: the dates
    for professionals as worked out, and a plain statement for each thing the documents leave out."""
    authority_id, example = meeting
    authority = content.authorities[authority_id]
    page.goto("/calculator/professionals/")
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    page.select_option("#cp-calc-authority", authority.id)
    page.check(f"#cp-calc-conference-{example['conference']}")
    page.fill("#cp-calc-date", example["date"])
    page.fill("#cp-calc-time", example["time"])
    if example.get("strategy_discussion"):  # rules counted from it have a date only when it is given
        page.fill("#cp-calc-strategy_date", example["strategy_discussion"])
    page.get_by_role("button", name="Work out the dates").click()
    page.wait_for_selector(".cp-calc__result h2")
    result = page.locator(".cp-calc__result")
    rules = {r["id"]: r for r in rules_for(content, authority_id)}
    dated = result.locator("td[data-rule][data-due]").evaluate_all(
        "cells => cells.map(c => [c.dataset.rule, c.dataset.due]).filter(([, due]) => due)")
    for line in example["expect"]:
        rule = rules[line["rule"]]
        if "date" in line and line.get("occurrence", 1) == 1 and "professionals" in rule.get("audiences", []):
            if _beside_own_rule(rules, rule, authority_id, example["conference"]):
                # the national limit is shown in the row of the authority's own rule of its kind
                own = {r["id"] for r in rules.values() if r["authority"] == authority_id and r["kind"] == rule["kind"]}
                assert any(r in own for r, _ in dated), (line["working"], dated)
                continue
            assert [line["rule"], line["date"]] in dated, (line["working"], dated)
    none = expected_data(content)["messages"]["none"]
    for topic in _silent_topics(content, authority_id, example["conference"]):
        said = result.locator(f'li[data-topic="{topic["topic"]}"]').inner_text()
        assert said.startswith(none.replace("{authority}", authority.name).replace("{what}", topic["what"])), said
        assert "National guidance" in said


def _beside_own_rule(rules: dict, rule: dict, authority_id: str, conference: str) -> bool:
    """A national rule the calculator shows beside the authority's own rule of its kind, not in a row of its own."""
    return rule["authority"] != authority_id and any(
        r["authority"] == authority_id and r["kind"] == rule["kind"] and conference in r["conference_types"]
        for r in rules.values())


@pytest.mark.parametrize("audience", ["professionals", "social-workers", "chairs"])
def test_every_expected_deadline_is_answered_on_the_authority_pages(site_dir, content, audience):
    expected = expected_data(content)["audiences"][audience]
    for authority in content.local_authorities:
        shown = _text(site_dir / authority.id / audience / "index.html")
        for e in expected:
            answered = {t for r in authority.rules if r["kind"] in e["kinds"] and audience in r["audiences"]
                        for t in r["conference_types"]}
            silent = f"{authority.name}'s documents give no deadline for {e['what']}"
            if answered >= {"icpc", "rcpc"}:
                assert silent not in shown, (authority.id, audience, e["topic"])
                for r in authority.rules:
                    if r["kind"] in e["kinds"] and audience in r["audiences"]:
                        assert r["label"] in shown, (authority.id, audience, r["id"])
            else:
                assert silent in shown, f"{authority.id}/{audience}: nothing said about {e['what']}"
