"""A teacher invited to a West Berkshire conference, on a phone (390x844), goes from the home page to
what they should bring and prepare: the authority's own wording, quoted, with a way to the point in
its place; axe-core finds nothing on the way."""

from __future__ import annotations

import re

import pytest

from .browser_helpers import describe_violations, run_axe, wait_for_page_scripts




def test_a_teacher_reaches_what_to_bring_from_the_home_page(phone, content):
    if "west-berkshire" not in content.authorities:
        pytest.skip("West Berkshire is not in the content")
    page = phone
    page.goto("/")
    wait_for_page_scripts(page)
    page.locator("article").get_by_role("link", name="Professionals", exact=True).click()
    page.wait_for_url(re.compile(r"/for/professionals/$"))
    wait_for_page_scripts(page)
    page.locator("article").get_by_role("link", name="West Berkshire Council", exact=True).click()
    page.wait_for_url(re.compile(r"/west-berkshire/professionals/$"))
    wait_for_page_scripts(page)

    page.locator("article").get_by_role("link", name="What to bring and prepare", exact=True).click()
    page.wait_for_url(re.compile(r"#what-to-bring$"))
    heading = page.get_by_role("heading", name="What to bring and prepare")
    page.wait_for_function("""() => { const r = document.getElementById('what-to-bring').getBoundingClientRect();
                                      return r.top >= 0 && r.top < innerHeight; }""", timeout=5_000)
    quote = page.locator("#what-to-bring ~ blockquote").first
    assert heading.is_visible() and quote.is_visible()
    assert "written, legible and signed report" in quote.inner_text()
    # The quotation fits the phone's width: nothing cut off at the right.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)

    page.locator("p.cp-prepare-source").first.get_by_role("link", name="see it in its place").click()
    page.wait_for_url(re.compile(r"#wb-prof-before-written-report$"))
    assert page.locator("#wb-prof-before-written-report").is_visible()
