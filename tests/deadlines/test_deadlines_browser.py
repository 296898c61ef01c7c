"""The web calculator in a real browser gives the same dates as `cpguide deadlines` for the same input.

Uses the built site and the local server of tests/conftest.py, built as of a fixed "today"
(conftest.SITE_TODAY), which the command line is given too. Scenarios are taken from the real content
(one per authority, each page of the calculator) with fixed dates in the year after it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import SITE_TODAY
from cpguide.cli import main
from cpguide.deadlines.words import format_date
from cpguide.vocabulary import CONFERENCE_TYPES

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
Y = 2027  # the year after conftest.SITE_TODAY: inside the covered range
PAGES = {None: "/calculator/", "parents": "/calculator/parents/", "professionals": "/calculator/professionals/",
         "social-workers": "/calculator/social-workers/", "chairs": "/calculator/chairs/"}
# (audience page, conference, date, time, strategy date, outcome) — one per authority in turn
SCENARIOS = [
    (None, "icpc", f"{Y}-12-22", None, f"{Y}-12-01", None),
    (None, "rcpc", f"{Y}-05-28", "13:30", None, "cp"),
    ("parents", "icpc", f"{Y}-06-15", "10:00", None, None),
    ("chairs", "rcpc", f"{Y}-04-07", None, None, "cin"),
    ("social-workers", "icpc", f"{Y}-03-02", "09:15", f"{Y}-02-10", "cp"),
    ("professionals", "icpc", f"{Y}-08-27", "14:00", None, "cp"),
]


@pytest.fixture(autouse=True)
def _same_today_as_the_site(monkeypatch):
    monkeypatch.setenv("CPGUIDE_TODAY", SITE_TODAY)


def cli_json(capsys, authority: str, audience, conference, day, start, strategy, outcome) -> dict:
    args = ["deadlines", "--authority", authority, "--conference", conference, "--date", day, "--format", "json"]
    for flag, value in (("--time", start), ("--strategy-date", strategy), ("--outcome", outcome), ("--audience", audience)):
        if value:
            args += [flag, value]
    capsys.readouterr()
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def open_calculator(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    assert page.locator("[data-cpguide-calculator] form").is_visible()


def fill(page, authority, conference, day, start, strategy, outcome) -> None:
    page.select_option("#cp-calc-authority", authority)
    page.check(f"#cp-calc-conference-{conference}")
    page.fill("#cp-calc-date", day)
    page.fill("#cp-calc-time", start or "")
    page.fill("#cp-calc-strategy_date", strategy or "")
    page.check(f"#cp-calc-outcome-{outcome or 'none'}")
    page.click("[data-cpguide-calculator] button[type=submit]")


def shown(page) -> set[tuple[str, str, str]]:
    """(rule, occurrence, due) of every deadline the page shows, rows and national limits alongside."""
    marks = page.eval_on_selector_all(
        ".cp-calc__result [data-rule]",
        "els => els.map(e => [e.dataset.rule, e.dataset.occurrence, e.dataset.due])")
    return {tuple(m) for m in marks}


def expected(data: dict) -> set[tuple[str, str, str]]:
    return {(d["rule_id"], str(d["occurrence"] or ""), d["due"] or "") for d in data["deadlines"]}


def authorities(content) -> list[str]:
    ids = [a.id for a in content.local_authorities] + ["national"]
    return ids


@pytest.mark.parametrize("n", range(len(SCENARIOS)))
def test_same_dates_as_the_command_line(page, content, capsys, n):
    audience, conference, day, start, strategy, outcome = SCENARIOS[n]
    ids = authorities(content)
    authority = ids[n % len(ids)]
    open_calculator(page, PAGES[audience])
    fill(page, authority, conference, day, start, strategy, outcome)
    page.wait_for_selector(".cp-calc__result h2")
    data = cli_json(capsys, authority, audience, conference, day, start, strategy, outcome)
    assert shown(page) == expected(data)
    # the dates are shown in words, exactly as the command line's text format writes them
    # (for parents, in the list item that names the deadline: a date the documents disagree on is in its sentence)
    where = "li:has([data-rule='{r}'][data-occurrence='{o}'])" if audience == "parents" else "td[data-rule='{r}'][data-occurrence='{o}']"
    for d in data["deadlines"]:
        if d["due"] and d["authority"] != "national":
            cell = page.locator(".cp-calc__result " + where.format(r=d["rule_id"], o=d["occurrence"] or "")).first
            assert format_date(d["due"]) in cell.text_content()
    if data["warnings"] and audience == "parents":  # in a parent's words, one line each
        assert page.locator(".cp-calc__result .cp-fam__warning").count() == len(data["warnings"])
    elif data["warnings"]:
        assert all(w in page.locator(".cp-calc__result").inner_text() for w in data["warnings"])
    assert not page.console_errors and not page.offsite_requests


def test_every_authority_every_type(page, content, capsys):
    """Each authority, both conference types, no outcome: the same deadlines as the command line."""
    open_calculator(page, PAGES[None])
    for authority in authorities(content):
        for conference in ("icpc", "rcpc"):
            fill(page, authority, conference, f"{Y}-12-23", "10:00", None, None)
            heading = (f"{content.authorities[authority].name}: {CONFERENCE_TYPES[conference]}, "
                       f"{format_date(f'{Y}-12-23T10:00')}")
            page.wait_for_function("t => document.querySelector('.cp-calc__result h2')?.textContent === t", arg=heading)
            data = cli_json(capsys, authority, None, conference, f"{Y}-12-23", "10:00", None, None)
            assert shown(page) == expected(data), (authority, conference)


def test_disagreements_side_by_side_with_the_safe_one_marked(page, content, capsys):
    """Where the command line says two rules disagree, the page shows them in one row, earlier marked safe."""
    for authority in authorities(content):
        data = cli_json(capsys, authority, None, "icpc", f"{Y}-06-19", "10:00", None, None)
        pairs = [d for d in data["deadlines"] if d["disagrees_with"] and d["due"]]
        if not pairs:
            continue
        open_calculator(page, PAGES[None])
        fill(page, authority, "icpc", f"{Y}-06-19", "10:00", None, None)
        page.wait_for_selector(".cp-calc__result h2")
        for d in pairs:
            row = page.locator(f'tr[data-disagreement~="{d["rule_id"]}"]').first
            assert row.count() == 1
            for other in d["disagrees_with"]:
                assert other in row.get_attribute("data-disagreement").split()
            safe = row.locator(f'td[data-rule="{d["rule_id"]}"] .cp-calc__safe')
            assert safe.count() == (1 if d["safe"] else 0)
        return
    pytest.fail("no authority's rules disagree: the content should have at least one recorded disagreement")


def test_inline_errors_are_tied_to_their_fields(page):
    open_calculator(page, PAGES[None])
    page.select_option("#cp-calc-authority", "")
    page.fill("#cp-calc-date", f"{Y + 40}-01-01")
    page.click("[data-cpguide-calculator] button[type=submit]")
    summary = page.locator(".cp-calc__summary")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('cp-calc__summary')")
    date_error = page.locator("#cp-calc-date-error")
    assert "outside the dates whose bank holidays are known" in date_error.inner_text()
    assert "cp-calc-date-error" in page.get_attribute("#cp-calc-date", "aria-describedby")
    assert page.get_attribute("#cp-calc-date", "aria-invalid") == "true"
    assert "Local authority is missing" in page.locator("#cp-calc-authority-error").inner_text()
    assert page.locator(".cp-calc__result").inner_text().strip() == ""
    # correcting the input clears the errors
    page.select_option("#cp-calc-authority", "national")
    page.fill("#cp-calc-date", f"{Y}-06-15")
    page.click("[data-cpguide-calculator] button[type=submit]")
    page.wait_for_selector(".cp-calc__result h2")
    assert summary.is_hidden() and date_error.is_hidden()
    assert page.get_attribute("#cp-calc-date", "aria-invalid") is None


def test_remembered_and_linked_authority(page, content):
    first, last = content.local_authorities[0].id, content.local_authorities[-1].id
    open_calculator(page, PAGES[None])
    stored = {"v": 1, "authority": {"id": last, "name": "Any name", "path": f"{last}/"}}
    page.evaluate("v => localStorage.setItem('cpguide.conference', JSON.stringify(v))", stored)
    open_calculator(page, PAGES["parents"])
    assert page.input_value("#cp-calc-authority") == last
    open_calculator(page, PAGES["parents"] + f"?authority={first}")
    assert page.input_value("#cp-calc-authority") == first
    page.select_option("#cp-calc-authority", last)
    assert json.loads(page.evaluate("localStorage.getItem('cpguide.conference')"))["authority"]["id"] == last


def test_calendar_download(page, content, capsys):
    authority = content.local_authorities[0].id
    open_calculator(page, PAGES[None])
    fill(page, authority, "icpc", f"{Y}-12-22", "10:00", None, None)
    page.wait_for_selector(".cp-calc__result h2")
    with page.expect_download() as info:
        page.click('[data-action="ics"]')
    text = Path(info.value.path()).read_bytes()
    events = Calendar.from_ical(text).walk("VEVENT")
    data = cli_json(capsys, authority, None, "icpc", f"{Y}-12-22", "10:00", None, None)
    dated = [d for d in data["deadlines"] if d["due"]]
    # the conference at its time, then each deadline: at its time of day on its due date, else all day
    starts = [f"{Y}-12-22T10:00:00"]
    starts += [d["exact"] + ":00" if len(d["exact"] or "") > 10 and d["exact"][:10] == d["due"] else d["due"] for d in dated]
    assert sorted(e.decoded("dtstart").isoformat() for e in events) == sorted(starts)
    assert all(len(line) <= 75 for line in text.decode("utf-8").split("\r\n") if line.isascii())


def test_instant_navigation_mounts_again(page):
    open_calculator(page, PAGES[None])
    page.click('article a[href$="parents/"]')
    page.wait_for_selector('[data-cpguide-calculator][data-audience="parents"][data-mounted]', timeout=15_000)
    assert page.locator('[data-cpguide-calculator][data-audience="parents"] form').is_visible()


def test_results_and_errors_are_accessible(page, content):
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run 'npm ci'", pytrace=False)
    open_calculator(page, PAGES[None])
    fill(page, content.local_authorities[-1].id, "icpc", f"{Y}-06-19", "10:00", None, None)
    page.wait_for_selector(".cp-calc__result h2")
    page.add_script_tag(path=str(AXE))
    # the calculator only: the rest of the page is Material's, audited by tests/browser
    run = ("tags => axe.run('[data-cpguide-calculator]', "
           "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})")
    violations = page.evaluate(run, WCAG)["violations"]
    assert not violations, json.dumps(violations, indent=1)[:3000]
    page.select_option("#cp-calc-authority", "")
    page.fill("#cp-calc-date", "")
    page.click("[data-cpguide-calculator] button[type=submit]")
    page.locator(".cp-calc__summary").wait_for(state="visible")
    violations = page.evaluate(run, WCAG)["violations"]
    assert not violations, json.dumps(violations, indent=1)[:3000]
    # a link of the error summary hovered, then focused: Material's accent colour was 4.25:1 there
    link = page.locator(".cp-calc__summary a").first
    for state in (link.hover, link.focus):
        state()
        violations = page.evaluate(run, WCAG)["violations"]
        assert not violations, json.dumps(violations, indent=1)[:3000]


def test_without_javascript_the_rules_are_one_click_away(browser, server, content):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(PAGES[None])
        assert pg.locator("[data-cpguide-calculator] form").is_hidden()
        for a in content.local_authorities:
            pg.goto(PAGES[None])
            pg.get_by_text("The rules the calculator uses").click()  # open the collapsed list
            pg.get_by_role("link", name=re.compile(rf"^{re.escape(a.name)}: \d+ rules?$")).click()
            pg.wait_for_url(f"**/{a.id}/timescales/")
            shown = [h.get_attribute("id") for h in pg.locator("article h3[id]").all()]
            assert shown == [r["id"] for r in a.rules], a.id
    finally:
        context.close()
