"""How authorities differ: the spread of each kind of deadline (cpguide/spread.py), on the comparison
page and in the open data. Three fixture towns whose plan timings are known by construction."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest

from cpguide import opendata
from cpguide.gate import valid_content
from cpguide.site import build_site

PLAN = """  - id: {p}-plan
    kind: plan-circulated
    label: Plan sent out
    conference_types: [{types}]
    amount: {amount}
    unit: working_days
    direction: after
    from: conference
    responsible: [chair]
    audiences: [parents]
    text: "The plan will be sent within {words}."
    source: {{document: {p}-doc, section: Plan}}
"""


def add_town(checklists, town: str, prefix: str, rules: list[dict]) -> None:
    """A copy of the fixture's test-town under another name, with its own plan rules."""
    folder = checklists / town
    shutil.copytree(checklists / "test-town", folder)
    for own in ("agenda.yml", "examples.yml"):  # they name test-town's items, not this town's
        (folder / own).unlink(missing_ok=True)
    for path in folder.glob("*.yml"):
        text = path.read_text().replace("test-town", town).replace("Test Town", town.title())
        path.write_text(re.sub(r"\bt-", f"{prefix}-", text))
    body = "".join(PLAN.format(p=f"{prefix}-{i}" if i else prefix, **r).replace(f"{prefix}-{i}-doc", f"{prefix}-doc")
                   for i, r in enumerate(rules))
    (folder / "timescales.yml").write_text("# yaml-language-server: $schema=../../../../../schema/timescales.schema.json\nrules:\n" + body)
    sources = checklists.parent / "sources"
    shutil.copy(sources / "t-doc.txt", sources / f"{prefix}-doc.txt")


@pytest.fixture
def content(tree):
    checklists = tree / "checklists"
    # test-town: within 1 working day, both conference types (the fixture's own rule).
    # other-town: the same timing, written twice (two documents saying the same): counted once.
    add_town(checklists, "other-town", "o", [
        {"types": "icpc, rcpc", "amount": 1, "words": "one working day"},
        {"types": "icpc", "amount": 1, "words": "1 working day"}])
    # far-town: 2 working days, and only for review conferences.
    add_town(checklists, "far-town", "f", [{"types": "rcpc", "amount": 2, "words": "two working days"}])
    return valid_content(checklists)


def entry(spread, kind, ctype):
    return next(e for e in spread if e["kind"] == kind and e["conference_type"] == ctype)


def test_each_timing_counts_the_authorities_that_give_it(content):
    data = json.loads(opendata.files(content, "test")["compare/timescales.json"])
    icpc = entry(data["spread"], "plan-circulated", "icpc")
    assert [(t["in_words"], t["count"]) for t in icpc["timings"]] == [("within 1 working day of the conference", 2)]
    assert icpc["authorities"] == 3 and icpc["without_rule"] == 1  # far-town gives no ICPC plan rule
    rcpc = entry(data["spread"], "plan-circulated", "rcpc")
    assert [(t["in_words"], t["count"]) for t in rcpc["timings"]] == [
        ("within 1 working day of the conference", 2), ("within 2 working days of the conference", 1)]
    assert rcpc["without_rule"] == 0
    linked = {(r["authority"], r["rule"]) for t in rcpc["timings"] for r in t["rules"]}
    assert linked == {("test-town", "t-rule-plan"), ("other-town", "o-plan"), ("far-town", "f-plan")}


def written(pages, src_uri: str) -> str:
    page = next(p for p in pages if p.src_uri == src_uri)
    return html.unescape(" ".join(page.written.split()))  # Markdown: a ":" may be written "&#58;"


def test_the_comparison_pages_show_the_spread_in_words(content):
    pages = build_site(content).pages
    for src_uri in ("compare/timescales/index.md", "compare/timescales/plan-circulated.md"):
        text = written(pages, src_uri)
        assert "within 1 working day of the conference: 2 authorities" in text
        assert "within 2 working days of the conference: 1 authority" in text
        assert "no rule of this kind in its documents: 1 authority" in text
    index = written(pages, "compare/timescales/index.md")
    assert "](plan-circulated.md)" in index  # each kind's heading leads to its page of every rule


def test_a_kinds_page_links_every_authoritys_rule(content):
    text = written(build_site(content).pages, "compare/timescales/plan-circulated.md")
    for rule in ("../../test-town/timescales.md#t-rule-plan", "../../other-town/timescales.md#o-plan",
                 "../../other-town/timescales.md#o-1-plan", "../../far-town/timescales.md#f-plan"):
        assert f"]({rule})" in text
