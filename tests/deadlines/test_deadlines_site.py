"""The calculator pages and their data, as generated (no browser): what each page holds and links to,
and that the exported JSON is what both engines read."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from cpguide.deadlines.calendar import BankHolidayCalendar
from cpguide.deadlines.engine import rules_for
from cpguide.site.calculator import data_base, generate
from cpguide.site.model import Asset, Page, SiteContext

AUDIENCES = ["parents", "professionals", "social-workers", "chairs"]


@pytest.fixture(scope="module")
def generated(content):
    out = list(generate(SiteContext(content)))
    return ({o.src_uri: o for o in out if isinstance(o, Page)}, {o.src_uri: o for o in out if isinstance(o, Asset)})


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(markdown: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(markdown)
    return parser.elements


def test_pages_and_navigation(generated):
    pages, _ = generated
    assert sorted(pages) == sorted(["calculator/index.md"] + [f"calculator/{a}.md" for a in AUDIENCES])
    assert all(p.nav == ("Deadline calculator",) for p in pages.values())


def test_data_base_is_relative_to_each_page():
    assert data_base("calculator/index.md") == "../data/calculator/"
    assert data_base("calculator/parents.md") == "../../data/calculator/"


def test_one_root_per_page_with_its_audience(generated):
    pages, _ = generated
    for src, page in pages.items():
        roots = [a for t, a in elements(page.markdown) if "data-cpguide-calculator" in a]
        assert len(roots) == 1
        audience = src.removeprefix("calculator/").removesuffix(".md")
        assert roots[0]["data-audience"] == ("all" if audience == "index" else audience)
        assert roots[0]["data-data-base"] == data_base(src)


def test_every_control_has_a_label_and_described_by_elements_that_exist(generated):
    pages, _ = generated
    for page in pages.values():
        found = elements(page.markdown)
        ids = {a.get("id") for _, a in found if a.get("id")}
        labels = {a["for"] for t, a in found if t == "label"}
        controls = [(t, a) for t, a in found if t in ("input", "select")]
        assert len(controls) >= 9
        for tag, a in controls:
            assert a["id"] in labels, a
        for tag, a in found:
            for ref in a.get("aria-describedby", "").split():
                assert ref in ids, ref
        fieldsets = [a for t, a in found if t == "fieldset"]
        assert len(fieldsets) == 2 and page.markdown.count("<legend>") == 2
        assert any(a.get("aria-live") == "polite" for _, a in found)


def test_authority_choice_lists_every_authority(generated, content):
    pages, _ = generated
    options = {a["value"] for t, a in elements(pages["calculator/index.md"].markdown) if t == "option" and a.get("value")}
    assert options == set(content.authorities)


def test_without_javascript_each_page_leads_to_every_authority_s_rules(generated, content):
    """Below the form, each authority links to where its rules are written out: the timescales page,
    or on an audience's calculator the dates on that audience's page of the authority."""
    pages, _ = generated
    for audience in [None, *AUDIENCES]:
        page = html.unescape(pages[f"calculator/{audience or 'index'}.md"].markdown)  # "&amp;" in Markdown shows as "&"
        for a in content.authorities.values():
            n = sum(1 for r in a.rules if audience is None or audience in r["audiences"])
            target = f"../{a.id}/timescales.md" if audience is None or a.is_national else f"../{a.id}/{audience}.md#your-dates"
            if n:
                assert re.search(rf"\[{re.escape(a.name)}: {n} rules?( for [a-z ]+)?\]\({re.escape(target)}\)", page), (audience, a.id)
            else:
                assert f"{a.name}: none of its rules names" in page, (audience, a.id)
        assert "<table" not in page, "the calculator pages do not carry every authority's rules"


def test_the_rules_are_worded_as_the_calculator_words_them(content):
    """The timescales pages the calculator links to say each rule in the engine's own words."""
    from cpguide.site import build_site

    pages = {p.src_uri: html.unescape(p.written) for p in build_site(content, "test").pages}
    for authority in content.authorities.values():
        page = pages[f"{authority.id}/timescales.md"].replace("\\", "")
        for rule in rules_for(content, authority.id):
            if rule["authority"] == authority.id:
                assert rule["words"] in page, (authority.id, rule["id"])
    assert "<script" not in pages["calculator/index.md"]


def test_open_data_words_each_rule_as_the_calculator_does(content):
    import json

    from cpguide.opendata import files

    data = files(content, "test")
    for authority in content.authorities.values():
        published = {r["id"]: r["in_words"] for r in json.loads(data[f"authorities/{authority.id}.json"])["timescales"]}
        calculator = {r["id"]: r["words"] for r in rules_for(content, authority.id) if r["id"] in published}
        assert published == calculator, authority.id


def test_assets(generated, content):
    _, assets = generated
    expected = {f"data/calculator/{a}.json" for a in content.authorities}
    expected |= {"data/calculator/bank-holidays.json", "data/calculator/words.json"}
    assert set(assets) == expected
    table = json.loads(assets["data/calculator/bank-holidays.json"].content)
    calendar = BankHolidayCalendar.default()
    assert (table["first"], table["last"]) == (calendar.first.isoformat(), calendar.last.isoformat())
    assert table["holidays"]["2026-12-28"] == "Boxing Day (observed)" or table["first"] > "2026-12-28"
    for authority in content.authorities:
        data = json.loads(assets[f"data/calculator/{authority}.json"].content)
        # the authority's own rules then the national ones, each as written in its timescales.yml
        written = _yaml_rules(authority) + (_yaml_rules("national") if authority != "national" else [])
        assert [r["id"] for r in data["rules"]] == [r["id"] for r in written]
        for exported, rule in zip(data["rules"], written):
            assert {k: exported[k] for k in rule if k != "source"} == {k: v for k, v in rule.items() if k != "source"}
            assert {k: exported["source"][k] for k in rule["source"]} == rule["source"]
            assert exported["source"]["title"] and exported["words"] and exported["anchor"]
            assert exported["authority"] == ("national" if rule["id"].startswith("nat-") else authority)
    # the words of a rule of one shape, written out by hand: every rule of that shape says them
    shape = {"amount": 30, "unit": "minutes", "direction": "before", "limit": "exactly", "from": "conference"}
    for authority in content.authorities:
        for r in json.loads(assets[f"data/calculator/{authority}.json"].content)["rules"]:
            if all(r.get(k) == v for k, v in shape.items()):
                assert r["words"] == "exactly 30 minutes before the start of the conference", r["id"]
                assert r["anchor"] == "the start of the conference", r["id"]


def _yaml_rules(authority: str) -> list[dict]:
    from pathlib import Path

    import yaml

    path = Path(__file__).resolve().parents[2] / "checklists" / authority / "timescales.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["rules"] if path.exists() else []


def test_javascript_holds_no_rule():
    """The scripts contain no rule wording: no timing phrases, no source titles, no rule ids."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    js = root / "docs" / "assets" / "js"
    for path in (js / "deadlines.mjs", js / "deadline-text.mjs", root / "cpguide/site/components/calculator/calculator.mjs"):
        name = path.name
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)  # comments may explain the rules
        assert not re.search(r"working days? (of|before|after)|within \d|at least \d", text), name
        assert "Working Together" not in text
