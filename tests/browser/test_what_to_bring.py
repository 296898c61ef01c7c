"""A teacher invited to a conference, on a phone (390x844), goes from the home page to what they should
bring and prepare: the authority's own wording (its roles.yml `prepare`), quoted, with a way to the
point in its place; axe-core finds nothing on the way. Every authority whose folder says what to
bring is visited."""

from __future__ import annotations

import re

import pytest

from .browser_helpers import describe_violations, run_axe, wait_for_page_scripts




def pytest_generate_tests(metafunc):
    if "prepared" in metafunc.fixturenames:
        from hand_worked import session_content
        from cpguide.prepare import prepare_ids

        content = session_content()
        found = [(a.id, prepare_ids(a)[0]) for a in content.local_authorities if prepare_ids(a)]
        metafunc.parametrize("prepared", found or [pytest.param(None, marks=pytest.mark.skip(
            reason="no authority's folder says what a professional brings"))], ids=[a for a, _ in found] or None)


def test_a_teacher_reaches_what_to_bring_from_the_home_page(phone, content, prepared):
    authority_id, first = prepared
    authority = content.authorities[authority_id]
    page = phone
    page.goto("/")
    wait_for_page_scripts(page)
    page.locator("article").get_by_role("link", name="Professionals", exact=True).click()
    page.wait_for_url(re.compile(r"/for/professionals/$"))
    wait_for_page_scripts(page)
    page.locator("article").get_by_role("link", name=authority.name, exact=True).click()
    page.wait_for_url(re.compile(rf"/{authority.id}/professionals/$"))
    wait_for_page_scripts(page)

    page.locator("article").get_by_role("link", name="What to bring and prepare", exact=True).click()
    page.wait_for_url(re.compile(r"#what-to-bring$"))
    heading = page.get_by_role("heading", name="What to bring and prepare")
    page.wait_for_function("""() => { const r = document.getElementById('what-to-bring').getBoundingClientRect();
                                      return r.top >= 0 && r.top < innerHeight; }""", timeout=5_000)
    quote = page.locator("#what-to-bring ~ blockquote").first
    assert heading.is_visible() and quote.is_visible()
    wording = " ".join(content.resolve(content.index[first].item)["text"].split())
    assert wording[:40] in " ".join(quote.inner_text().split())
    # The quotation fits the phone's width: nothing cut off at the right.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)

    page.locator("p.cp-prepare-source").first.get_by_role("link", name="see it in its place").click()
    page.wait_for_url(re.compile(rf"#{first}$"))
    assert page.locator(f"#{first}").is_visible()
