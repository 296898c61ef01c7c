"""One remembered conference, as a reader meets it: the picker, the calculator and every page agree.

The reader picks an authority, works out the dates of a review conference in the calculator, reads
other pages (their own dates appear on the authority's page for them), goes back to the picker,
picks another authority and comes back; finally forgets their choices. Also: an invalid value in
the calculator's address is reported as an error, as typed input would be.
"""

from __future__ import annotations

import json
import re

import pytest

from .browser_helpers import describe_violations, run_axe, wait_for_page_scripts

KEY = "cpguide.conference"
DAY = "2026-05-29"  # a Friday; inside the bank holidays the site knows (2025 to 2031)


def wait(page) -> None:
    wait_for_page_scripts(page)
    page.wait_for_function("p => window.__pickerReady === p", arg=page.evaluate("location.pathname"), timeout=10_000)


def stored(page):
    value = page.evaluate("k => localStorage.getItem(k)", KEY)
    return None if value is None else json.loads(value)


def use(page, authority) -> None:
    page.goto("/authorities/")
    wait(page)
    page.get_by_label("Search for your local authority").fill(authority.name)
    page.get_by_role("button", name=f"Use this authority: {authority.name}").click()


def open_calculator(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)


@pytest.fixture
def two(content):
    """Two local authorities with rules for professionals."""
    found = [a for a in content.local_authorities if any("professionals" in r["audiences"] for r in a.rules)]
    assert len(found) >= 2, "the round trip needs two authorities with rules for professionals"
    return found[0], found[1]


def test_picker_calculator_pages_and_back(page, two):
    first, second = two
    use(page, first)
    assert stored(page) == {"v": 1, "authority": {"id": first.id, "name": first.name, "path": f"{first.id}/"}}

    # The calculator opens on the remembered authority, reached from the authority's page for professionals.
    page.goto(f"/{first.id}/professionals/")
    wait(page)
    assert page.locator(".cp-your-dates").count() == 0, "no date given yet: no dates of the reader's own"
    page.get_by_role("link", name="Your dates: deadline calculator").click()
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    assert page.input_value("#cp-calc-authority") == first.id
    page.check("#cp-calc-conference-rcpc")
    page.fill("#cp-calc-date", DAY)
    page.get_by_role("button", name="Work out the dates").click()
    page.wait_for_selector(".cp-calc__result h2")
    assert "Friday 29 May 2026" in page.locator(".cp-calc__result h2").inner_text()
    calculated = set(page.locator(".cp-calc__result td[data-due][data-rule]").evaluate_all(
        "cells => cells.filter(c => c.dataset.due).map(c => c.dataset.rule + ' ' + c.dataset.due)"))
    assert calculated
    assert stored(page)["conference"] == "rcpc" and stored(page)["date"] == DAY

    # Another page: the reader's own dates on the authority's page for professionals, the same as the calculator's.
    page.get_by_role("link", name=first.name, exact=True).first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(first.id)}/$"))
    page.goto(f"/{first.id}/professionals/")
    wait(page)
    box = page.locator(".cp-your-dates")
    box.wait_for(state="visible")
    assert "Friday 29 May 2026" in box.locator(".admonition-title").inner_text()
    shown = set(box.locator("li[data-due]").evaluate_all("items => items.map(i => i.dataset.rule + ' ' + i.dataset.due)"))
    assert shown and shown <= calculated, (shown, calculated)
    # …and on the professionals' hub, for the remembered authority.
    page.goto("/for/professionals/")
    wait(page)
    page.locator(".cp-your-dates").wait_for(state="visible")
    assert first.name in page.locator(".cp-your-dates .admonition-title").inner_text()
    # Another authority's page does not show these dates.
    page.goto(f"/{second.id}/professionals/")
    wait(page)
    assert page.locator(".cp-your-dates").count() == 0

    # Back to the picker: the choice shows there; choosing another authority leaves the date behind.
    page.goto("/authorities/")
    wait(page)
    assert page.get_by_role("button", name=f"Use this authority: {first.name}").get_attribute("aria-pressed") == "true"
    page.get_by_label("Search for your local authority").fill(second.name)
    page.get_by_role("button", name=f"Use this authority: {second.name}").click()
    assert stored(page) == {"v": 1, "authority": {"id": second.id, "name": second.name, "path": f"{second.id}/"}}
    open_calculator(page, "/calculator/")
    assert page.input_value("#cp-calc-authority") == second.id
    assert page.input_value("#cp-calc-date") == ""
    # The calculator changes the authority: the picker and the line on every page follow.
    page.select_option("#cp-calc-authority", first.id)
    page.goto("/glossary/")
    wait(page)
    assert page.locator(".cp-your-authority").inner_text().startswith(f"Your authority: {first.name}")
    page.goto("/authorities/")
    wait(page)
    assert page.get_by_role("button", name=f"Use this authority: {first.name}").get_attribute("aria-pressed") == "true"

    # Forget my choices: nothing is kept, every page says nothing chosen.
    page.locator(".cp-your-authority").get_by_role("button", name="Forget my choices").click()
    assert stored(page) is None
    assert page.locator(".cp-your-authority").count() == 0
    assert page.get_by_role("button", name=f"Use this authority: {first.name}").get_attribute("aria-pressed") == "false"
    open_calculator(page, "/calculator/")
    assert page.input_value("#cp-calc-authority") == ""
    assert not page.console_errors, page.console_errors
    assert not page.offsite_requests, page.offsite_requests


def test_calculator_opens_on_the_remembered_conference_and_forgets_it(page, two):
    first, _ = two
    page.goto("/glossary/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(
        {"v": 1, "authority": {"id": first.id, "name": first.name, "path": f"{first.id}/"},
         "conference": "rcpc", "date": DAY})])
    open_calculator(page, "/calculator/professionals/")
    assert page.input_value("#cp-calc-authority") == first.id
    assert page.is_checked("#cp-calc-conference-rcpc")
    assert page.input_value("#cp-calc-date") == DAY
    page.wait_for_selector(".cp-calc__result h2")  # answered at once
    line = page.locator(".cp-calc__remembered")
    assert "Kept in this browser only" in line.inner_text()
    assert "Friday 29 May 2026" in line.inner_text() and DAY not in line.inner_text(), "the date is not in words"
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    line.get_by_role("button", name="Forget my choices").click()
    assert stored(page) is None
    assert page.input_value("#cp-calc-authority") == ""
    assert line.is_hidden()


def test_an_old_value_reads_as_nothing_chosen(page, two):
    first, _ = two
    page.goto("/glossary/")
    page.evaluate("id => localStorage.setItem('cpguide.authority', id)", first.id)  # the old calculator's format
    open_calculator(page, "/calculator/")
    assert page.input_value("#cp-calc-authority") == ""
    page.goto("/glossary/")
    wait(page)
    assert page.locator(".cp-your-authority").count() == 0


def test_forget_my_choices_removes_the_old_key_too(page, two):
    """A reader who chose with an earlier version has its key as well: forgetting removes both."""
    first, _ = two
    page.goto("/glossary/")
    page.evaluate("([k, v, id]) => { localStorage.setItem(k, v); localStorage.setItem('cpguide.authority', id); }",
                  [KEY, json.dumps({"v": 1, "authority": {"id": first.id, "name": first.name, "path": f"{first.id}/"}}),
                   first.id])
    page.reload()
    wait(page)
    old = "() => localStorage.getItem('cpguide.authority')"
    assert page.evaluate(old) == first.id, "opening a page writes nothing: the removal below is the forgetting's"
    page.locator(".cp-your-authority").get_by_role("button", name="Forget my choices").click()
    assert stored(page) is None
    assert page.evaluate(old) is None


@pytest.mark.parametrize("query, field, words", [
    ("time=24:00", "time", "is not a time"),
    ("time=25", "time", "is not a time"),
    ("date=2026-02-30", "date", "not a real date"),
    ("date=29/05/2026", "date", "not a real date"),
])
def test_an_invalid_value_in_the_address_is_an_error(page, two, query, field, words):
    first, _ = two
    name, value = query.split("=")
    params = {"authority": first.id, "conference": "rcpc", "date": DAY, name: value}
    open_calculator(page, "/calculator/?" + "&".join(f"{k}={v}" for k, v in params.items()))
    error = page.locator(f"#cp-calc-{field}-error")
    assert error.is_visible()
    assert words in error.inner_text(), error.inner_text()
    assert page.locator(".cp-calc__result").inner_text().strip() == ""
    assert "No start time was given" not in page.locator("article").inner_text()
    # Correcting the box clears the refused value: the form answers.
    page.fill(f"#cp-calc-{field}", "10:30" if field == "time" else DAY)
    page.get_by_role("button", name="Work out the dates").click()
    page.wait_for_selector(".cp-calc__result h2")


def test_a_time_in_the_address_is_written_as_the_box_writes_it(page, two):
    first, _ = two
    open_calculator(page, f"/calculator/?authority={first.id}&conference=rcpc&date={DAY}&time=9:05")
    assert page.input_value("#cp-calc-time") == "09:05"
    page.wait_for_selector(".cp-calc__result h2")
    assert "at 09:05" in page.locator(".cp-calc__result h2").inner_text()
    assert "No start time was given" not in page.locator(".cp-calc__result").inner_text()


def test_checklists_open_on_the_remembered_authority_and_show_its_date(page, two):
    first, second = two
    page.goto("/glossary/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(
        {"v": 1, "authority": {"id": first.id, "name": first.name, "path": f"{first.id}/"},
         "conference": "rcpc", "date": DAY})])
    page.reload()
    wait(page)
    page.locator(".cp-your-authority").get_by_role("link", name=f"Checklists for {first.name}").click()
    page.wait_for_url(re.compile(rf"/{re.escape(first.id)}/checklists/$"))
    page.locator('article a[href$="rcpc/pack/"]').first.click()
    page.wait_for_function("() => window.__checklistReady && window.__checklistReady.endsWith('/rcpc/pack/')", timeout=10_000)
    assert "Your conference: Friday 29 May 2026" in page.locator(".cp-checklist-conference").inner_text()
    dates = page.locator("dd .cp-conference-date").all_inner_texts()
    assert dates and set(dates) == {"Friday 29 May 2026"}, dates
    # Another conference type's pack: no date of the reader's.
    page.goto(f"/{first.id}/checklists/icpc/pack/")
    page.wait_for_function("() => window.__checklistReady && window.__checklistReady.endsWith('/icpc/pack/')", timeout=10_000)
    assert page.locator(".cp-checklist-conference, dd .cp-conference-date").count() == 0
