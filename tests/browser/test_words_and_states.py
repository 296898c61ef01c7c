"""Words a reader can read, in every state: comparison headings in words, no doubled or empty labels,
every button's hover and focus states checked by axe-core, and the calculator's table of disagreeing
dates on a phone (nothing cut off at the right, no word broken in the middle).
"""

from __future__ import annotations

import re

import pytest

from .browser_helpers import AXE, WCAG_TAGS, describe_violations, run_axe, wait_for_page_scripts

DAY = "2026-05-29"  # Friday 29 May 2026, inside the bank holidays the site knows


def test_comparison_headings_are_words(page, content):
    page.goto("/compare/timescales/")
    wait_for_page_scripts(page)
    headings = [h.strip().rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings
    kinds = {r["kind"] for a in content.authorities.values() for r in a.rules}
    for heading in headings:
        assert heading not in kinds and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", heading), f"an id as a heading: {heading!r}"
    assert "Child protection visits" in headings  # the kind cp-visits, as a reader says it
    assert page.locator("article h2 code").count() == 0


def test_no_doubled_or_empty_labels(site_dir):
    doubled, empty_who, count, not_given = [], [], [], []
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(site_dir).as_posix()
        if re.search(r"Deadline:\s*(<[^>]+>\s*)*Deadline:", text):
            doubled.append(name)
        if re.search(r"Who:\s*(</em>|</span>|<br|·|$)", text):
            empty_who.append(name)
        if "(1 items)" in text:
            count.append(name)
        if "not given, not given" in text:
            not_given.append(name)
    assert not doubled, f"'Deadline: Deadline:' on {doubled[:5]}"
    assert not empty_who, f"an empty 'Who:' on {empty_who[:5]}"
    assert not count, f"'(1 items)' on {count[:5]}"
    assert not not_given, f"'(not given, not given)' on {not_given[:5]}"


def _axe_content(page) -> list[dict]:
    """axe-core on the page's content only: hovering scrolls the page, and Material's header is then
    caught half-way through its fade (not a state a reader stays in; the whole page is checked elsewhere)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("tags => axe.run('.md-content', {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                         WCAG_TAGS)["violations"]


def _states(page, selector: str) -> list[str]:
    """axe-core run with each matching button hovered, then focused: violations found in any state."""
    found, checked = [], 0
    # the state itself, not Material's 125 ms fade into it
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    buttons = page.locator(selector)
    for i in range(buttons.count()):
        button = buttons.nth(i)
        if not button.is_visible():
            continue
        checked += 1
        button.hover()
        found += [f"hover {selector}#{i}: {describe_violations([v])}" for v in _axe_content(page)]
        button.focus()
        page.mouse.move(0, 0)
        found += [f"focus {selector}#{i}: {describe_violations([v])}" for v in _axe_content(page)]
    assert checked, f"no visible button matches {selector!r} on {page.url}: nothing was checked"
    return found


def test_every_button_state_has_enough_contrast(page, content):
    authority = next(a for a in content.local_authorities if a.rules)
    page.goto("/calculator/")
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    page.select_option("#cp-calc-authority", authority.id)
    page.fill("#cp-calc-date", DAY)
    page.get_by_role("button", name="Work out the dates").click()
    page.wait_for_selector(".cp-calc__result h2")
    problems = _states(page, ".md-content button, .md-content .md-button")
    page.goto(f"/{authority.id}/checklists/icpc/pack/")
    page.wait_for_function("() => window.__checklistReady === location.pathname", timeout=10_000)
    problems += _states(page, ".md-content button")
    page.goto("/authorities/")
    page.wait_for_function("p => window.__pickerReady === p", arg="/authorities/", timeout=10_000)
    problems += _states(page, ".cp-picker__use")
    assert not problems, "\n".join(problems)


def _broken_words(page, root: str) -> list[str]:
    """Words drawn on two lines (each word's text range has more than one line box)."""
    return page.evaluate("""root => {
      const broken = [];
      const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement.offsetParent) continue;
        for (const m of node.textContent.matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
      return broken;
    }""", root)


def test_disagreeing_dates_read_well_on_a_phone(page, content):
    def disagree_on_a_review(a) -> bool:
        """Two review rules of one kind with different timings, recorded together: the calculator shows
        them side by side (two rules of different kinds in one entry, e.g. alternatives, are not that)."""
        review = {r["id"]: r for r in a.rules if "rcpc" in r["conference_types"]}
        for d in a.discrepancies:
            # a recurring series and a single meeting of one kind are not two dates for one thing
            rules = [review[i] for i in d["items"] if i in review and not review[i].get("recurrence")]
            timings = {(r["kind"], r["amount"], r["unit"], r["direction"], r["from"]) for r in rules}
            if len({t[0] for t in timings}) < len(timings):
                return True
        return False

    authority = next((a for a in content.local_authorities if disagree_on_a_review(a)), None)
    if authority is None:
        pytest.skip("no authority's documents disagree on a review conference's timing")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/calculator/?authority={authority.id}&conference=rcpc&date={DAY}")
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    rows = page.locator(".cp-calc__result tr[data-disagreement]")
    assert rows.count() >= 1
    width = page.evaluate("document.documentElement.clientWidth")
    # (left out: what sits inside a visually hidden box, such as the table's column headings for screen readers)
    overflow = page.evaluate("""w => [...document.querySelectorAll('.cp-calc__result *')]
        .filter(e => { for (let p = e; p; p = p.parentElement) if (p.getBoundingClientRect().width <= 1) return false; return true; })
        .filter(e => e.getBoundingClientRect().right > w + 0.5).map(e => e.tagName + ' ' + e.textContent.slice(0, 40))""", width)
    assert not overflow, f"cut off at the right of a {width} px screen: {overflow[:5]}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    broken = _broken_words(page, ".cp-calc__result")
    assert not broken, f"words broken in the middle: {broken[:10]}"
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
