"""The authority picker, as a new reader uses it in a real browser.

From the home page to "Authorities", type part of a council's name, choose it, and find it
remembered after a reload and on other pages ("Your authority: X · change"), then reach its
checklists and its deadline calculator. Also: the plain list without JavaScript, corrupted or
missing storage, axe-core, no console errors, no other host.
"""

from __future__ import annotations

import json
import re

import pytest

from .browser_helpers import describe_violations, run_axe, wait_for_page_scripts

KEY = "cpguide.conference"  # docs/assets/js/conference-store.mjs
PICKER = "/authorities/"


def wait_for_picker(page) -> None:
    page.wait_for_function("p => window.__pickerReady === p", arg=page.evaluate("location.pathname"), timeout=10_000)


def _fragment(name: str) -> str:
    """Part of an authority's name a reader might type: its longest word, in lower case."""
    return max(re.findall(r"[A-Za-z]+", name), key=len).lower()


@pytest.fixture
def chosen(content):
    """The authority the reader picks: one with checklists and deadline rules if there is one."""
    local = content.local_authorities
    assert local, "no local authority in the content"
    found = next((a for a in local if a.rules and (a.agendas or a.standard_sets)), None)
    assert found is not None, "no authority has both deadline rules and checklists to follow the reader through"
    return found


def test_new_reader_picks_an_authority_and_finds_it_everywhere(page, chosen, content):
    page.set_viewport_size({"width": 1280, "height": 900})  # wide enough for Material's tabs
    page.goto("/")
    wait_for_page_scripts(page)
    assert page.locator(".cp-your-authority").count() == 0, "nothing is remembered yet"

    page.locator(".md-tabs").get_by_role("link", name="Authorities", exact=True).click()
    page.wait_for_url(re.compile(re.escape(PICKER) + "$"))
    wait_for_picker(page)
    assert page.get_by_role("heading", level=1).inner_text().strip().startswith("Choose your local authority")
    items = page.locator(".cp-picker li")
    assert items.count() == len(content.local_authorities)

    search = page.get_by_label("Search for your local authority")
    search.fill(_fragment(chosen.name))
    visible = page.locator(".cp-picker li:visible")
    names = [t.strip() for t in visible.locator("a[data-authority]").all_inner_texts()]
    assert chosen.name in names, names
    assert len(names) <= len(content.local_authorities)
    count = page.locator("#cp-picker-count")
    assert count.get_attribute("aria-live") == "polite"
    assert re.match(rf"(Showing {len(names)} of {len(content.local_authorities)}|{len(names)} author)", count.inner_text())

    search.fill("zzzz no such council")
    assert page.locator(".cp-picker li:visible").count() == 0
    assert "No authority matches" in count.inner_text()
    search.fill(_fragment(chosen.name))

    assert "only in this browser" in page.locator(".cp-picker__notice").inner_text()
    page.get_by_role("button", name=f"Use this authority: {chosen.name}").click()
    assert f"{chosen.name} is now your authority" in page.locator(".cp-picker__status").inner_text()
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))["authority"]["id"] == chosen.id
    others = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('cpguide.'))")
    assert others == [KEY], "the choice uses one key only"
    assert page.locator(".cp-your-authority").inner_text().startswith(f"Your authority: {chosen.name}")

    page.reload()
    wait_for_picker(page)
    assert page.get_by_role("button", name=f"Use this authority: {chosen.name}").get_attribute("aria-pressed") == "true"
    badge = page.locator(".cp-your-authority")
    assert badge.count() == 1 and chosen.name in badge.inner_text()

    # Another page, reached the way a reader does (a link in the tabs).
    page.locator(".md-tabs").get_by_role("link", name="Glossary", exact=True).click()
    page.wait_for_url(re.compile(r"/glossary/$"))
    wait_for_picker(page)
    badge = page.locator(".md-content .cp-your-authority")
    assert badge.count() == 1, "the line appears once, at the top of the content"
    assert badge.inner_text().strip() == f"Your authority: {chosen.name} · checklists · change · Forget my choices"
    assert badge.get_by_role("link", name="Change your authority").get_attribute("href").endswith(PICKER)

    badge.get_by_role("link", name=chosen.name, exact=True).click()
    page.wait_for_url(re.compile(rf"/{re.escape(chosen.id)}/$"))
    wait_for_picker(page)
    assert page.get_by_role("heading", level=1).inner_text().strip().startswith(chosen.name)

    article = page.locator("article")
    checklists = article.locator('a[href$="checklists/"]')
    assert checklists.count(), "the authority's page links to its checklists"
    checklists.first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(chosen.id)}/checklists/$"))
    wait_for_picker(page)
    assert page.locator(".cp-your-authority").count() == 1
    page.go_back()
    page.wait_for_url(re.compile(rf"/{re.escape(chosen.id)}/$"))

    # Its deadline calculator, through its own page for parents and families.
    page.goto(f"/{chosen.id}/parents/")
    wait_for_picker(page)
    calculator = page.locator(f'article a[href*="calculator/"][href*="authority={chosen.id}"]')
    assert calculator.count(), "the authority's page for parents links to its calculator"
    calculator.first.click()
    page.wait_for_url(re.compile(rf"/calculator/.*authority={re.escape(chosen.id)}"))
    wait_for_picker(page)
    assert page.locator("[data-cpguide-calculator]").count() >= 1
    assert page.locator(".cp-your-authority").count() == 1

    assert not page.console_errors, page.console_errors
    assert not page.offsite_requests, page.offsite_requests


def test_change_link_leads_back_to_the_picker(page, chosen):
    page.goto("/glossary/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [KEY, json.dumps({"v": 1, "authority": {"id": chosen.id, "name": chosen.name, "path": f"{chosen.id}/"}})])
    page.reload()
    wait_for_picker(page)
    page.locator(".cp-your-authority").get_by_role("link", name="Change your authority").click()
    page.wait_for_url(re.compile(re.escape(PICKER) + "$"))
    wait_for_picker(page)
    assert page.get_by_label("Search for your local authority").is_visible()


@pytest.mark.parametrize("stored", [
    "{not json", json.dumps({"v": 1, "authority": {"id": 3}}),
    json.dumps({"v": 1, "authority": {"id": "x", "name": "X", "path": "//evil.example/"}}),
    json.dumps({"v": 2, "authority": {"id": "x", "name": "X", "path": "x/"}}),  # a format this site does not know
    "OLD PICKER",  # the picker's old format, with a real authority of the content
    "OLD CALCULATOR",  # the calculator's old format: the id alone
])
def test_corrupted_choice_is_ignored(page, stored, content):
    real = content.local_authorities[0]
    stored = {"OLD PICKER": json.dumps({"id": real.id, "name": real.name, "path": f"{real.id}/"}),
              "OLD CALCULATOR": real.id}.get(stored, stored)
    page.goto("/glossary/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    page.reload()
    wait_for_picker(page)
    assert page.locator(".cp-your-authority").count() == 0
    page.goto(PICKER)
    wait_for_picker(page)
    assert page.locator(".cp-picker__use").count() >= 1
    assert not page.console_errors, page.console_errors


def test_without_storage_the_picker_still_works(browser, server, chosen):
    context = browser.new_context(base_url=server)
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(e.stack or str(e)))
    try:
        page.goto(PICKER)
        wait_for_picker(page)
        page.get_by_label("Search for your local authority").fill(_fragment(chosen.name))
        page.get_by_role("button", name=f"Use this authority: {chosen.name}").click()
        assert "would not keep your choice" in page.locator(".cp-picker__status").inner_text()
        ours = [e for e in errors if "picker.mjs" in e or "cpguide.js" in e]  # Material's own scripts may throw
        assert not ours, ours
    finally:
        context.close()


def test_without_javascript_the_list_is_plain_links(browser, server, content):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(PICKER)
        links = page.locator(".cp-picker a[data-authority]")
        assert links.count() == len(content.local_authorities)
        for a in content.local_authorities:
            assert page.locator(f'.cp-picker a[data-authority="{a.id}"]').inner_text().strip() == a.name
        regions = page.locator(".cp-picker h2").all_inner_texts()
        assert regions and len(regions) == len(set(regions)), regions
        assert page.locator(".cp-picker input, .cp-picker button").count() == 0
    finally:
        context.close()


def test_picker_and_badge_are_accessible(page, chosen):
    page.goto(PICKER)
    wait_for_picker(page)
    page.get_by_label("Search for your local authority").fill(_fragment(chosen.name))
    page.get_by_role("button", name=f"Use this authority: {chosen.name}").click()
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    page.goto(f"/{chosen.id}/")
    wait_for_picker(page)
    assert page.locator(".cp-your-authority").count() == 1
    violations = run_axe(page)
    assert not violations, describe_violations(violations)


def test_keyboard_only(page, chosen):
    page.goto(PICKER)
    wait_for_picker(page)
    search = page.get_by_label("Search for your local authority")
    search.focus()
    page.keyboard.type(_fragment(chosen.name))
    button = page.get_by_role("button", name=f"Use this authority: {chosen.name}")
    button.focus()
    page.keyboard.press("Enter")
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))["authority"]["id"] == chosen.id


def test_sidebar_shows_regions_not_every_authority(page, chosen, content):
    """No 150-item menu: an authority's sidebar lists the regions, and only its own region's authorities."""
    from cpguide.site.sections import region_of

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/{chosen.id}/")
    wait_for_page_scripts(page)
    sidebar = page.locator("nav.md-nav--primary")
    texts = [t.strip() for t in sidebar.locator("a, label").all_inner_texts()]
    own = region_of(chosen)
    for a in content.local_authorities:
        shown = a.short_name in texts
        assert shown == (region_of(a) == own), f"{a.short_name} ({region_of(a)}) in the sidebar of {chosen.id}: {shown}"
    for region in {region_of(a) for a in content.local_authorities}:
        assert region in texts, f"region {region} missing from the sidebar"
    other = next((region_of(a) for a in content.local_authorities if region_of(a) != own), None)
    if other:  # a region in the sidebar opens the list of its authorities
        sidebar.get_by_role("link", name=other, exact=True).first.click()
        page.wait_for_url(re.compile(r"/authorities/[a-z0-9-]+/$"))
        wait_for_picker(page)
        assert page.get_by_role("heading", level=1).inner_text().strip().startswith(other)
        assert page.locator(".cp-picker a[data-authority]").count() == \
            sum(1 for a in content.local_authorities if region_of(a) == other)
