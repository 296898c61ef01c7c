"""Ticking checklists in a real browser: ticks persist exactly as promised, and nothing breaks them.

Ticks live only in localStorage, under the checklist's id and content version. These tests tick,
reload, clear, navigate away and back, change the version, corrupt or remove
storage, use the keyboard, and switch JavaScript off.
"""

from __future__ import annotations

import json
import re

import pytest

from .browser_helpers import wait_for_checklist, wait_for_page_scripts

BOXES = 'article input[type="checkbox"][data-item]'
PREFIX = "cpguide:checklist:"


@pytest.fixture
def checklist(page, urls):
    """The page opened on a checklist sheet, mounted; returns facts about it read from the page."""
    page.goto(urls["checklist"])
    wait_for_checklist(page)
    root = page.locator("[data-cpguide-checklist]")
    return {
        "url": urls["checklist"],
        "id": root.get_attribute("data-checklist-id"),
        "version": root.get_attribute("data-checklist-version"),
        "total": page.locator(BOXES).count(),
    }


def storage_key(info: dict, version: str | None = None) -> str:
    return f"{PREFIX}{info['id']}@{version or info['version']}"


def stored(page, key: str):
    return page.evaluate("k => window.localStorage.getItem(k)", key)


def count_text(page) -> str:
    return page.locator(".cp-checklist-count").inner_text()


def reload(page) -> None:
    page.evaluate("window.__checklistReady = null")
    page.reload()
    wait_for_checklist(page)


def test_tick_reload_still_ticked(page, checklist):
    box = page.locator(BOXES).nth(1)
    assert checklist["total"] >= 2
    box.check()
    assert count_text(page) == f"1 of {checklist['total']} done"
    assert json.loads(stored(page, storage_key(checklist))) == [box.get_attribute("data-item")]
    reload(page)
    assert page.locator(BOXES).nth(1).is_checked()
    assert not page.locator(BOXES).nth(0).is_checked()
    assert count_text(page) == f"1 of {checklist['total']} done"
    assert not page.console_errors


def test_count_is_announced_politely(page, checklist):
    count = page.locator(".cp-checklist-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.get_attribute("role") == "status"


def test_clear_all_ticks(page, checklist):
    page.locator(BOXES).nth(0).check()
    page.locator(BOXES).nth(1).check()
    assert count_text(page) == f"2 of {checklist['total']} done"
    page.get_by_role("button", name="Clear all ticks").click()
    assert page.locator(f"{BOXES}:checked").count() == 0
    assert count_text(page) == f"0 of {checklist['total']} done"
    assert stored(page, storage_key(checklist)) is None
    reload(page)
    assert page.locator(f"{BOXES}:checked").count() == 0


def test_ticks_survive_navigation_away_and_back(page, urls):
    """Click through the site as a reader would and come back: ticks stay, controls aren't doubled.
    (Instant navigation is off: it fetched sitemap.xml on every page, 1.2 MB at 150 authorities.)"""
    path = urls["checklist"]
    page.goto(urls["checklists index"])
    wait_for_page_scripts(page)
    sheet_link = f'article a[href$="{path.split("/checklists/")[1]}"]'

    page.locator(sheet_link).first.click()  # index -> sheet
    wait_for_checklist(page, path)
    page.locator(BOXES).nth(0).check()
    total = page.locator(BOXES).count()

    page.evaluate("window.__checklistReady = null")
    page.locator("article li a.cp-explained").first.click()  # sheet -> where the item is explained
    page.wait_for_url(re.compile(r"#"))
    wait_for_page_scripts(page)

    page.go_back()  # explanation -> sheet
    wait_for_checklist(page, path)
    assert page.locator(BOXES).nth(0).is_checked()
    assert page.locator(".cp-checklist-tools").count() == 1
    assert page.locator(".cp-checklist-count").inner_text() == f"1 of {total} done"

    page.evaluate("window.__checklistReady = null")
    page.go_back()  # sheet -> index
    wait_for_page_scripts(page)
    page.locator(sheet_link).first.click()  # index -> sheet again
    wait_for_checklist(page, path)
    assert page.locator(BOXES).nth(0).is_checked()
    assert page.locator(".cp-checklist-tools").count() == 1
    assert not page.console_errors


def test_mounting_twice_does_not_double_bind(page, checklist):
    page.evaluate("""async () => {
        const mod = await import(new URL("checklist.mjs", document.querySelector('script[src*="cpguide.js"]').src).href);
        document.querySelectorAll("[data-cpguide-checklist]").forEach(el => mod.mount(el));
    }""")
    assert page.locator(".cp-checklist-tools").count() == 1
    page.locator(BOXES).nth(0).check()
    assert count_text(page) == f"1 of {checklist['total']} done"


def test_a_changed_checklist_drops_old_ticks(page, checklist):
    box_id = page.locator(BOXES).nth(0).get_attribute("data-item")
    old = storage_key(checklist, "0ld0ld0ld0ld")
    page.evaluate("([k, v]) => window.localStorage.setItem(k, v)", [old, json.dumps([box_id])])
    reload(page)
    assert not page.locator(BOXES).nth(0).is_checked(), "ticks of an older version were shown"
    assert count_text(page) == f"0 of {checklist['total']} done"
    assert stored(page, old) is None, "ticks of the old version were left behind"

    # the same ticks under the current version are shown (the test above is not passing by accident)
    page.evaluate("([k, v]) => window.localStorage.setItem(k, v)", [storage_key(checklist), json.dumps([box_id])])
    reload(page)
    assert page.locator(BOXES).nth(0).is_checked()


@pytest.mark.parametrize("garbage", ["{not json", '{"a": 1}', "[1, null, {}]", "null", '"text"'])
def test_corrupted_storage_does_not_break_the_page(page, checklist, garbage):
    page.evaluate("([k, v]) => window.localStorage.setItem(k, v)", [storage_key(checklist), garbage])
    reload(page)
    assert page.locator(f"{BOXES}:checked").count() == 0
    assert count_text(page) == f"0 of {checklist['total']} done"
    page.locator(BOXES).nth(0).check()
    assert json.loads(stored(page, storage_key(checklist))) == [page.locator(BOXES).nth(0).get_attribute("data-item")]
    assert not page.console_errors


# Two ways a browser refuses storage. Blocking all site data makes every use of localStorage throw
# (Material's own inline scripts then throw too, which is theirs to handle, so only errors from our
# scripts count); a full or read-only storage (old Safari private windows) throws on writing only.
STORAGE_REFUSED = {
    "blocked": """Object.defineProperty(window, "localStorage", {get() { throw new DOMException("denied", "SecurityError"); }});""",
    "read-only": """Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };""",
}


@pytest.mark.parametrize("how", sorted(STORAGE_REFUSED))
def test_unavailable_storage_keeps_the_page_working(browser, server, urls, how):
    """Ticking still works on the page, the count follows, and the page says ticks won't be kept."""
    context = browser.new_context(base_url=server)
    context.add_init_script(STORAGE_REFUSED[how])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(f"{e}\n{e.stack}"))
    try:
        page.goto(urls["checklist"])
        wait_for_checklist(page)
        total = page.locator(BOXES).count()
        page.locator(BOXES).nth(0).check()
        assert page.locator(".cp-checklist-count").inner_text() == f"1 of {total} done"
        assert "not keeping ticks" in page.locator(".cp-checklist-notice").inner_text()
        ours = [e for e in errors if "checklist.mjs" in e or "cpguide.js" in e]
        assert not ours, ours
        if how == "read-only":
            assert not errors
    finally:
        context.close()


def test_keyboard_tab_to_a_checkbox_and_press_space(page, checklist):
    page.get_by_role("button", name="Clear all ticks").focus()
    for _ in range(20):  # the next focusable things after the controls
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input[type=checkbox][data-item]')"):
            break
    else:
        pytest.fail("Tab never reached a checkbox of the checklist")
    focused = page.evaluate("document.activeElement.id")
    page.keyboard.press("Space")
    assert page.locator(f"#{focused}").is_checked()
    assert count_text(page) == f"1 of {checklist['total']} done"
    page.keyboard.press("Space")
    assert not page.locator(f"#{focused}").is_checked()


def test_every_box_has_a_label(page, checklist):
    unnamed = page.evaluate("""() => Array.from(document.querySelectorAll('article input[type=checkbox]'))
        .filter(box => !(box.labels && box.labels.length && box.labels[0].textContent.trim())).map(box => box.id)""")
    assert not unnamed


def test_print_button_opens_the_print_dialog(page, checklist):
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") == 1


def test_notice_says_ticks_stay_on_this_device(page, checklist):
    notice = page.locator(".cp-checklist-notice").inner_text()
    assert "this device" in notice and "not sent anywhere" in notice


def test_without_javascript_it_is_a_plain_list(browser, server, urls):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urls["checklist"])
        boxes = page.locator(BOXES)
        assert boxes.count() > 0
        assert page.locator("article li label").count() == boxes.count()
        assert page.locator(".cp-checklist-tools").count() == 0  # controls that need a script are not shown
        boxes.nth(0).check()  # still a working checkbox
        assert boxes.nth(0).is_checked()
    finally:
        context.close()
