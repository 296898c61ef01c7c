"""Nothing silent: every deadline a professional, a social worker or a chair expects is answered, with
a date or with a plain statement that the authority's documents give none (and what national
guidance says). The expectations are data (checklists/national/expected-deadlines.yml).
"""

from __future__ import annotations

import html
import re

import pytest

from cpguide.expected import expected_data

DAY = "2026-05-29"  # Friday 29 May 2026


def _text(path) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))))


def test_the_banes_teacher_is_told_about_their_report(page, content):
    """A teacher invited to a Bath & North East Somerset review conference on Friday 29 May 2026."""
    banes = next((a for a in content.local_authorities if a.id == "bath-and-north-east-somerset"), None)
    if banes is None:
        pytest.skip("Bath & North East Somerset is not in the content")
    page.goto("/calculator/professionals/")
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    page.select_option("#cp-calc-authority", banes.id)
    page.check("#cp-calc-conference-rcpc")
    page.fill("#cp-calc-date", DAY)
    page.get_by_role("button", name="Work out the dates").click()
    page.wait_for_selector(".cp-calc__result h2")
    result = page.locator(".cp-calc__result")
    # Worked out by hand: the plan 2 working days after Friday 29 May is Tuesday 2 June; the next review
    # within 6 months would be Sunday 29 November, so the Friday before it.
    dated = result.locator("td[data-rule][data-due]").evaluate_all("cells => cells.map(c => c.dataset.due).filter(Boolean)")
    assert "2026-06-02" in dated and "2026-11-27" in dated, dated
    report = result.locator('li[data-topic="report-to-family"]')
    assert report.inner_text().startswith(
        "Bath & North East Somerset's documents give no deadline for your report to the family.")
    assert "National guidance" in report.inner_text()
    assert result.locator('li[data-topic="report-to-chair"]').inner_text().startswith(
        "Bath & North East Somerset's documents give no deadline for your report to the chair.")


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
