"""The pages a family reads, used as a parent would on a phone (390x844): the four questions within two
taps of the home page, the quick exit and Listen from the keyboard, tap-to-call, axe clean."""

from __future__ import annotations

import re

import pytest

from .browser_helpers import PHONE, describe_violations, run_axe, wait_for_page_scripts

FOUR = ["reports", "what-happens", "bring-someone", "complain"]  # the four questions (questions.yml anchors)
# Stands in for the browser's speech synthesis and records what the page asks of it.
FAKE_SPEECH = """
window.__spoken = []; window.__speech = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak(u) { window.__spoken.push(u.text); }, pause() { window.__speech.push("pause"); },
  resume() { window.__speech.push("resume"); }, cancel() { window.__speech.push("cancel"); } } });
"""
NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"



def family_ready(page) -> None:
    page.wait_for_function("() => window.__familyReady === location.pathname", timeout=10_000)


def in_view(page, selector: str) -> bool:
    """Whether the element is on the screen once the page has settled (instant navigation scrolls to the top)."""
    try:
        page.wait_for_function("""s => { const r = document.querySelector(s).getBoundingClientRect();
                                         return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }""",
                               arg=selector, timeout=5_000)
        return True
    except Exception:  # Playwright's TimeoutError
        return False


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element has the keyboard focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus with Tab")


def test_the_four_answers_are_two_taps_from_the_home_page(phone, content):
    for authority in content.local_authorities:
        phone.goto("/")
        wait_for_page_scripts(phone)
        phone.get_by_role("link", name="Parents and families").first.tap()  # tap 1
        phone.wait_for_url(re.compile(r"/for/parents/$"))
        wait_for_page_scripts(phone)
        phone.locator("article").get_by_role("link", name=authority.name, exact=True).first.tap()  # tap 2
        phone.wait_for_url(re.compile(rf"/{authority.id}/parents/$"))
        family_ready(phone)
        for anchor in FOUR:  # each answer is one jump link away, on the first screen
            assert in_view(phone, f'.cp-jump a[href$="#{anchor}"]'), f"{authority.id}: #{anchor} link not on the first screen"
        for anchor in FOUR:
            phone.locator(f'.cp-jump a[href$="#{anchor}"]').tap()
            phone.wait_for_function("a => location.hash === '#' + a", arg=anchor)
            phone.wait_for_function("""a => { const r = document.getElementById(a).getBoundingClientRect();
                                            return r.top >= 0 && r.top < innerHeight / 2; }""", arg=anchor)
            phone.evaluate("window.scrollTo(0, 0)")
    assert not phone.errors, phone.errors


def test_quick_exit_from_the_keyboard_opens_a_blank_page_of_this_site(phone, content, server):
    url = f"/{content.local_authorities[0].id}/parents/"
    phone.goto(url)
    family_ready(phone)
    assert "does not clear your browser history" in phone.locator(".cp-family-tools").inner_text()
    tab_to(phone, ".govuk-exit-this-page__button")
    phone.keyboard.press("Enter")
    phone.wait_for_url(f"{server}/exit.html")
    assert phone.locator("body").inner_text().strip() == ""
    phone.goto(url)  # and Shift pressed three times, from anywhere on the page
    family_ready(phone)
    for _ in range(3):
        phone.keyboard.press("Shift")
    phone.wait_for_url(f"{server}/exit.html")
    assert not phone.errors, phone.errors


def test_the_quick_exit_is_a_plain_link_without_javascript(browser, server):
    context = browser.new_context(base_url=server, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/for/parents/")
    page.locator(".govuk-exit-this-page__button").click()
    page.wait_for_url(f"{server}/exit.html")
    context.close()


def test_listen_reads_the_pages_own_words_with_pause_and_stop_from_the_keyboard(phone, content):
    authority = content.local_authorities[0]
    phone.add_init_script(FAKE_SPEECH)
    phone.goto(f"/{authority.id}/parents/")
    family_ready(phone)
    tab_to(phone, '[data-listen="play"]')
    phone.keyboard.press("Enter")
    spoken = phone.evaluate("window.__spoken")
    assert spoken[0].startswith("Parents and families"), spoken[:3]
    assert "When will I get the reports?" in spoken  # a question's heading, read as part of the page
    text = " ".join(spoken)
    assert "Questions on this page" not in text and "Exit this page" not in text  # not the navigation or the toolbar
    assert "Source:" not in text  # the closed quotations are not read
    # the focus moved to Pause; pause, go on, stop, all with the keyboard
    assert phone.evaluate("document.activeElement.dataset.listen") == "pause"
    phone.keyboard.press("Enter")
    assert phone.locator('[data-listen="play"]').inner_text() == "Go on listening"
    phone.keyboard.press("Enter")  # the focus is back on the play button
    tab_to(phone, '[data-listen="stop"]')
    phone.keyboard.press("Enter")
    assert phone.evaluate("window.__speech") == ["cancel", "pause", "resume", "cancel"]
    assert phone.locator('[data-listen="play"]').inner_text() == "Listen to this page"
    assert not phone.errors, phone.errors


def test_listen_is_hidden_where_the_browser_cannot_speak(phone):
    phone.add_init_script(NO_SPEECH)
    phone.goto("/for/parents/")
    family_ready(phone)
    assert not phone.locator("[data-cpguide-listen]").is_visible()
    assert phone.locator(".govuk-exit-this-page__button").is_visible()


def test_help_numbers_are_tap_to_call_links(phone):
    phone.goto("/for/parents/")
    assert phone.locator('.cp-urgent a[href="tel:999"]').count() == 1
    assert phone.locator('a[href="tel:08088005000"]').first.inner_text() == "0808 800 5000"
    report = phone.locator('a[href="https://www.gov.uk/report-child-abuse-to-local-council"]')
    assert report.count() >= 1


def test_family_pages_are_accessible_at_phone_size(phone, content):
    from cpguide.site import routes
    from cpguide.site.checklists import checklists_of
    from cpguide.site.model import SiteContext

    ctx = SiteContext(content)
    pages = ["/for/parents/", "/national/changing/"] + [f"/{a.id}/parents/" for a in content.local_authorities]
    # the families' first checklist where the folder gives one (a folder without family topics has none)
    pages += ["/" + routes.page_url(c.src) for a in content.local_authorities for c in checklists_of(ctx, a)
              if c.key == "parents-before"]
    for url in pages:
        phone.goto(url)
        family_ready(phone)
        violations = run_axe(phone)
        assert not violations, f"{url} at 390x844:\n{describe_violations(violations)}"
    assert not phone.errors, phone.errors
