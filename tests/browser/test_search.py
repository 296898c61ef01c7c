"""Search, as a reader uses it in a real browser: Pagefind behind Material's search box.

Reading a page downloads nothing of the search index; a search downloads only what it needs
(budgets: first visit 500 KB, a query 300 KB, here at the real site's size; the benchmark weighs
150 authorities). The danger notice comes first for words of worry; "complain" finds the reader's
own authority's complaints first; results can be kept to one authority and one audience; it all
works with the keyboard.
"""

from __future__ import annotations

import re

import pytest

from .browser_helpers import wait_for_page_scripts
from .weighing import FIRST_VISIT_BUDGET, QUERY_BUDGET, CountingServer, first_visit, query_bytes


@pytest.fixture(scope="module")
def counting(site_dir):
    server = CountingServer(site_dir)
    yield server
    server.close()


@pytest.fixture
def parents_page(content) -> str:
    return f"/{content.local_authorities[0].id}/parents/"


def _search(page, text: str) -> None:
    page.locator("#cp-search-input").focus()
    page.wait_for_function("() => window.__searchReady === true", timeout=15_000)
    page.keyboard.type(text, delay=30)
    page.wait_for_function("t => document.querySelector('[data-cpguide-search]').dataset.shown === t", arg=text,
                           timeout=20_000)


def _results(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(li => ({text: li.innerText, href: li.querySelector('a').getAttribute('href'),"
        " urgent: li.classList.contains('cp-search__urgent')}))")


def _choose(page, authority) -> None:
    """Choose an authority in the picker, as a reader does."""
    page.goto("/authorities/")
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    page.get_by_role("button", name=f"Use this authority: {authority.name}").click()


def test_first_visit_downloads_no_index_and_stays_within_budget(browser, counting, parents_page):
    total = first_visit(browser, counting, parents_page)
    paths = [p for p, _ in counting.sent]
    assert not [p for p in paths if "pagefind" in p or "search_index" in p], paths
    assert not [p for p in paths if "sitemap" in p], paths
    assert "/sw.js" not in paths, "the service worker starts once the reader chooses an authority"
    assert total <= FIRST_VISIT_BUDGET, f"first visit {total / 1024:.0f} KB:\n{counting.describe()}"


def test_a_query_stays_within_budget(browser, counting, parents_page):
    total = query_bytes(browser, counting, parents_page, "child protection plan")
    paths = [p for p, _ in counting.sent]
    assert any("/pagefind/" in p for p in paths), paths
    assert total <= QUERY_BUDGET, f"one query {total / 1024:.0f} KB:\n{counting.describe()}"


@pytest.mark.parametrize("words", ["report a concern", "worried about a child", "abuse"])
def test_danger_notice_comes_first(page, words):
    page.goto("/glossary/")
    wait_for_page_scripts(page)
    _search(page, words)
    results = _results(page)
    notice = page.locator(".cp-urgent").inner_text().strip()
    assert results and results[0]["urgent"], results[:2]
    assert results[0]["text"].strip() == notice
    assert len(results) > 1 or "abuse" not in words, "the notice hid the other results"


def test_no_danger_notice_for_other_words(page):
    page.goto("/")
    wait_for_page_scripts(page)
    _search(page, "minutes")
    assert not any(r["urgent"] for r in _results(page))


def test_complain_finds_the_readers_authority_first(page, content):
    chosen = next(a for a in content.local_authorities if a.statements)
    _choose(page, chosen)
    page.goto("/glossary/")
    wait_for_page_scripts(page)
    _search(page, "complain")
    results = [r for r in _results(page) if not r["urgent"]]
    assert results, "no result"
    first = results[0]
    assert first["href"].startswith(f"/{chosen.id}/"), results[:3]
    assert re.search(r"complain", first["text"], re.I), first


def test_results_kept_to_the_readers_authority_and_an_audience(page, content):
    chosen, other = content.local_authorities[0], content.local_authorities[1]
    _choose(page, chosen)
    page.goto("/")
    wait_for_page_scripts(page)
    _search(page, "conference")
    mine = page.get_by_label(re.compile(f"Only {re.escape(chosen.name)}"))
    assert mine.is_checked()
    hrefs = [r["href"] for r in _results(page)]
    assert hrefs and not [h for h in hrefs if h.startswith(f"/{other.id}/")], hrefs
    assert any(h.startswith(f"/{chosen.id}/") for h in hrefs), hrefs

    box = page.locator("[data-cpguide-search]")
    box.evaluate("el => { delete el.dataset.shown; }")
    mine.uncheck()
    page.wait_for_function("() => document.querySelector('[data-cpguide-search]').dataset.shown === 'conference'")
    box.evaluate("el => { delete el.dataset.shown; }")
    page.get_by_label("Pages for", exact=True).select_option(label="Parents and families")
    page.wait_for_function("() => document.querySelector('[data-cpguide-search]').dataset.shown === 'conference'")
    hrefs = [r["href"] for r in _results(page)]
    others = ("/professionals/", "/social-workers/", "/chairs/")
    assert hrefs and not [h for h in hrefs if h.split("#")[0].endswith(others)], hrefs


def test_search_works_with_the_keyboard(page, content):
    page.goto("/")
    wait_for_page_scripts(page)
    _search(page, "glossary")
    assert page.evaluate("document.getElementById('__search').checked"), "the dialog did not open"
    assert page.evaluate("document.activeElement.id") == "cp-search-input"  # the box takes Tab like any field
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused, "arrow down did not reach the first result"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(focused.split("#")[0]) + "(#.*)?$"))
    wait_for_page_scripts(page)
    _search(page, "x")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked"), "Escape did not close search"
