"""The site as each reader uses it, on a phone (390x844) and on paper, for every authority in the content:

- a parent can leave any family page in one tap wherever they are on it (the exit on screen at the end
  of a long page, at least 44 px square, and reached within three Tabs);
- no phone number or e-mail address on a parents' or professionals' page is left as text that cannot
  be tapped;
- GOV.UK's "Report child abuse to your local council" is one tap from every page;
- a professional's first screen names their report;
- printed pages carry no controls; a chair's pack carries the saved conference's dates on its first
  page and every point the content records about its documents, once.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from cpguide.expected import expected_data

from .browser_helpers import PHONE, describe_violations, run_axe, wait_for_checklist, wait_for_page_scripts

REPORT_URL = "https://www.gov.uk/report-child-abuse-to-local-council"
# Written here from how UK numbers and addresses look, not from the generator's own pattern.
NUMBER = r"(?:\+44\s?|\b0)\d{3,4}\s?\d{3}\s?\d{3,4}\b"
ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
SAVED_DAY = "2026-12-08"  # a Tuesday (Christmas Day 2026 is a Friday, 17 days later)
SAVED_DAY_WORDS = "Tuesday 8 December 2026"


def _ready(page) -> None:
    wait_for_page_scripts(page)
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)


def _save_conference(page, authority_id: str, name: str, conference: str) -> None:
    """What the calculator keeps once a reader has worked out their dates (conference-store.mjs)."""
    page.goto("/")
    page.evaluate("""([id, name, conference, date]) => localStorage.setItem('cpguide.conference', JSON.stringify(
        {v: 1, authority: {id, name, path: id + '/'}, conference, date, time: '09:30'}))""",
                  [authority_id, name, conference, SAVED_DAY])


@pytest.fixture
def local(content):
    return [a for a in content.local_authorities]


def test_the_exit_stays_on_screen_to_the_end_of_every_family_page_and_is_the_first_tab_stops(phone, local):
    for authority in local:
        phone.goto(f"/{authority.id}/parents/")
        phone.wait_for_function("() => window.__familyReady === location.pathname", timeout=10_000)
        exit_button = phone.locator(".govuk-exit-this-page__button")
        for where in ("0", "document.body.scrollHeight / 2", "document.body.scrollHeight"):
            phone.evaluate(f"window.scrollTo(0, {where})")
            phone.wait_for_timeout(100)
            box = exit_button.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"{authority.id}: exit off screen at {where}: {box}"
            assert box["width"] >= 44 and box["height"] >= 44, f"{authority.id}: exit is {box['width']}x{box['height']} px"
            # nothing drawn over it: a tap at its centre reaches it
            hit = phone.evaluate("([x, y]) => !!document.elementFromPoint(x, y)?.closest('.govuk-exit-this-page__button')",
                                 [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
            assert hit, f"{authority.id}: something covers the exit at {where}"
        assert phone.evaluate("document.body.scrollHeight") > 3 * PHONE["height"], "not a long page: the test proves nothing"
        phone.evaluate("window.scrollTo(0, 0)")
        phone.evaluate("document.activeElement && document.activeElement.blur()")
        tabs = 0
        for tabs in range(1, 4):
            phone.keyboard.press("Tab")
            if phone.evaluate("document.activeElement.matches('.govuk-exit-this-page__button')"):
                break
        else:
            pytest.fail(f"{authority.id}: the exit is not reached within three Tabs")
        assert tabs <= 2, f"{authority.id}: {tabs} Tabs"  # the skip link, then the exit


def _untappable(page) -> list[str]:
    """Phone numbers and e-mail addresses in the article that are text, not inside a link."""
    return page.evaluate("""([number, address]) => {
        const found = [];
        const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement.closest('a, script, style')) continue;
          for (const re of [number, address]) for (const m of n.textContent.matchAll(new RegExp(re, 'g'))) found.push(m[0]);
        }
        return found;
    }""", [NUMBER, ADDRESS])


def test_every_number_and_address_on_parents_and_professionals_pages_can_be_tapped(phone, local):
    tapped = 0
    for authority in local:
        for audience in ("parents", "professionals"):
            phone.goto(f"/{authority.id}/{audience}/")
            wait_for_page_scripts(phone)
            assert not _untappable(phone), f"{authority.id}/{audience}: {_untappable(phone)[:5]}"
            links = phone.locator("article a[href^='tel:'], article a[href^='mailto:']")
            for i in range(links.count()):
                href, text = links.nth(i).get_attribute("href"), links.nth(i).text_content()
                if href.startswith("tel:"):
                    assert re.sub(r"\D", "", text) == href[4:], (href, text)
                else:
                    assert href[7:] == text, (href, text)
            tapped += links.count()
    assert tapped, "no number or address on any page: the test proves nothing"


def test_the_report_link_is_one_tap_from_every_page(site_dir, phone, urls):
    pages = sorted(site_dir.rglob("*.html"))
    without = [p.relative_to(site_dir).as_posix() for p in pages
               if p.name == "index.html" and f'href="{REPORT_URL}"' not in p.read_text(encoding="utf-8")]
    assert not without, f"{len(without)} of {len(pages)} pages have no link to GOV.UK's report page: {without[:5]}"
    for name in ("agenda", "glossary", "checklist", "role guide (parents)"):
        phone.goto(urls[name])
        wait_for_page_scripts(phone)
        link = phone.locator(f'a[href="{REPORT_URL}"]').first
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], f"{name}: the report link is not on the first screen"
        assert box["height"] >= 44, f"{name}: the report link is {box['height']} px high"
        call = phone.locator('.cp-urgent a[href="tel:999"]').bounding_box()
        assert call["width"] >= 44 and call["height"] >= 44, f"{name}: 999 is {call['width']}x{call['height']} px"


def test_from_the_end_of_a_long_page_the_danger_line_is_one_tap_away(phone, urls):
    """A worried neighbour deep in a long page: the danger line has scrolled away with the page; the
    header's "Help now" (still on screen) brings 999 and the report link back in one tap."""
    for name in ("agenda", "glossary", "role guide (parents)"):
        phone.goto(urls[name])
        wait_for_page_scripts(phone)
        phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        phone.wait_for_timeout(300)
        report = phone.locator(f'.cp-urgent a[href="{REPORT_URL}"]')
        assert not on_screen(report), f"{name}: the page is too short to test this"
        help_now = phone.get_by_role("link", name="Help now")
        assert on_screen(help_now) and help_now.bounding_box()["height"] >= 44, f"{name}: no 'Help now' on screen"
        help_now.click()
        phone.wait_for_timeout(300)
        assert on_screen(report) and on_screen(phone.locator('.cp-urgent a[href="tel:999"]')), name


def on_screen(locator) -> bool:
    box = locator.bounding_box()
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_search_danger_notice_offers_999_and_the_report_link(phone):
    phone.goto("/glossary/")
    wait_for_page_scripts(phone)
    phone.locator('label[for="__search"]').first.click()
    box = phone.locator("[data-cpguide-search] input[type=search], [data-cpguide-search] input").first
    box.press_sequentially("worried", delay=50)
    phone.wait_for_function("() => document.querySelector('[data-cpguide-search]').dataset.shown === 'worried'", timeout=15_000)
    first = phone.locator(".md-search-result__item").first
    assert first.locator('a[href="tel:999"]').count() == 1
    assert first.locator(f'a[href="{REPORT_URL}"]').count() == 1


def test_the_first_screen_of_each_professionals_page_names_the_report(phone, local, content):
    heading = expected_data(content)["sections"]["report"]
    for authority in local:
        phone.goto(f"/{authority.id}/professionals/")
        wait_for_page_scripts(phone)
        link = phone.locator("article").get_by_role("link", name=heading, exact=True).first
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], f"{authority.id}: '{heading}' is not on the first screen"
        first_screen = phone.evaluate("""h => [...document.querySelectorAll('article *')]
            .filter(e => e.children.length === 0 && e.getBoundingClientRect().bottom <= h && e.getBoundingClientRect().height > 0)
            .map(e => e.textContent).join(' ')""", PHONE["height"])
        assert re.search(r"\breport\b", first_screen, re.I), f"{authority.id}: {first_screen[:300]}"
        link.click()
        section = phone.locator(f"h2#{phone.evaluate('location.hash.slice(1)')}")
        assert section.is_visible() and section.bounding_box()["y"] < PHONE["height"] / 2, f"{authority.id}: the jump link does not lead to the report"
        violations = run_axe(phone)
        assert not violations, f"{authority.id}/professionals: " + describe_violations(violations)


CONTROLS = """() => [...document.querySelectorAll(
    'button, .md-button, [role=button], input[type=search], .cp-your-authority, .cp-keep, .cp-listen, .cp-forget, .md-search')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => (e.className || e.tagName) + ': ' + e.textContent.trim().slice(0, 40))"""


def test_printed_pages_show_no_controls(page, urls, local):
    authority = local[0]
    _save_conference(page, authority.id, authority.name, "icpc")
    for path in (f"/{authority.id}/parents/", f"/{authority.id}/professionals/", f"/{authority.id}/checklists/icpc/pack/",
                 f"/calculator/?authority={authority.id}&conference=icpc&date={SAVED_DAY}", urls["checklist"]):
        page.goto(path)
        _ready(page)
        page.wait_for_timeout(300)
        page.emulate_media(media="screen")
        assert page.evaluate(CONTROLS), f"{path}: no control on screen, the test proves nothing"
        page.emulate_media(media="print")
        shown = page.evaluate(CONTROLS)
        assert not shown, f"{path} prints its controls: {shown[:5]}"
        page.emulate_media(media="screen")


def _pdf_first_page(page, tmp_path) -> str:
    pdf = tmp_path / "pack.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_pack_carries_the_saved_dates_and_every_recorded_point_once(page, content, tmp_path):
    packs = 0
    for authority in content.local_authorities:
        for conference in ("icpc", "rcpc"):
            path = f"/{authority.id}/checklists/{conference}/pack/"
            if page.goto(path).status != 200:
                continue
            packs += 1
            _save_conference(page, authority.id, authority.name, conference)
            page.goto(path)
            wait_for_checklist(page)
            page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
            dated = any("chairs" in r["audiences"] and conference in r["conference_types"] for r in authority.rules)
            if dated:
                page.wait_for_selector("[data-cpguide-your-dates]:not([hidden])", timeout=10_000)
            first = " ".join(_pdf_first_page(page, tmp_path).split())
            assert SAVED_DAY_WORDS in first, f"{path}: the saved conference date is not on page 1"
            if dated:
                assert first.count("2026") + first.count("2027") > 3, f"{path}: page 1 has the date but not the conference's dates"
            sources = page.locator(".cp-checklist + dl").inner_text()
            documents = {d for d, (a, doc) in content.documents.items() if a == authority.id and doc["title"] in sources}
            for d in authority.discrepancies:
                cited = {content.resolve(content.index[i].item).get("source", {}).get("document") for i in d["items"]}
                if cited & documents:
                    assert page.locator(f"#point-{d['id']}").count() == 1, f"{path}: {d['id']} ({d.get('type')}) not listed once"
            shown = page.locator(".cp-disagree-timings strong").count()
            distinct = len(set(page.locator(".cp-disagree-timings").evaluate_all(
                "els => els.filter(e => e.querySelector('strong')).map(e => e.textContent.split('(')[1])")))
            assert shown == distinct, f"{path}: a disagreement's timings printed {shown} times for {distinct} points"
    assert packs, "no conference pack in the content"


def test_a_parents_own_dates_show_the_start_time_kept_with_the_date(phone, content):
    """The calculator keeps the start time with the date; the parents' page then says when the chair meets
    them: 30 minutes before 09:30 is 09:00."""
    checked = 0
    for authority in content.local_authorities:
        rules = [r for r in authority.rules if "parents" in r["audiences"] and r.get("limit") == "exactly"
                 and r["unit"] == "minutes" and r["direction"] == "before" and "icpc" in r["conference_types"]]
        if not rules:
            continue
        phone.goto(f"/calculator/parents/?authority={authority.id}&conference=icpc&date={SAVED_DAY}&time=09:30")
        phone.wait_for_function("window.__calculatorReady === true", timeout=15_000)
        phone.goto(f"/{authority.id}/parents/")
        _ready(phone)
        for rule in rules:
            minutes = 9 * 60 + 30 - rule["amount"]
            item = phone.locator(f"[data-cpguide-your-dates][data-view] li[data-rule='{rule['id']}']").first
            item.wait_for(state="attached", timeout=10_000)
            assert f"{minutes // 60:02d}:{minutes % 60:02d}" in item.text_content(), f"{authority.id}: {item.text_content()[:200]}"
        checked += 1
    assert checked, "no authority has a parents' rule at an exact time"


def test_disabled_buttons_look_disabled(phone, local):
    phone.add_init_script("""window.SpeechSynthesisUtterance = function (text) { this.text = text; };
      Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
        speak() {}, pause() {}, resume() {}, cancel() {} } });""")
    phone.goto(f"/{local[0].id}/parents/")
    phone.wait_for_function("() => window.__familyReady === location.pathname", timeout=10_000)
    look = """b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.backgroundColor, s.color, s.cursor]; }"""
    pause = phone.locator("[data-listen=pause]")
    assert pause.is_disabled()
    disabled = pause.evaluate(look)
    phone.locator("[data-listen=play]").click()
    assert pause.is_enabled()
    enabled = pause.evaluate(look)
    assert disabled[0] != enabled[0] and disabled[1] != enabled[1] and disabled[3] == "not-allowed", (disabled, enabled)


def test_no_table_of_the_calculator_is_wider_than_the_phone(phone, content):
    for authority in (a for a in content.local_authorities if a.rules):
        for conference in ("icpc", "rcpc"):
            phone.goto(f"/calculator/?authority={authority.id}&conference={conference}&date={SAVED_DAY}")
            phone.wait_for_function("window.__calculatorReady === true", timeout=15_000)
            phone.wait_for_selector(".cp-calc__result h2")
            wide = phone.evaluate("""w => [...document.querySelectorAll('.md-content table')]
                .filter(t => t.getClientRects().length && (t.getBoundingClientRect().right > w + 0.5 || t.scrollWidth > t.clientWidth + 1))
                .map(t => Math.round(Math.max(t.getBoundingClientRect().right - w, t.scrollWidth - t.clientWidth)))""", PHONE["width"])
            assert not wide, f"{authority.id} {conference}: tables wider than the phone by {wide} px"
