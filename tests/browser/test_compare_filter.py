"""Comparison pages stay usable with many authorities: typing a name filters the rows and agendas."""

from __future__ import annotations

from collections import Counter


def open_with_filter(page, path: str):
    """The comparison page, loaded, and its name filter box."""
    page.goto(path)
    page.wait_for_function("window.__pageReady")
    box = page.get_by_label("Show only authorities whose name contains")
    box.wait_for()
    return box


def busiest_kind(content) -> str:
    """The kind of deadline most authorities' rules have: its page has the most rows."""
    kinds = Counter(rule["kind"] for a in content.local_authorities for rule in a.rules)
    return kinds.most_common(1)[0][0]


def test_filter_shows_only_matching_authorities(page, content):
    kind = busiest_kind(content)
    names = [a.short_name for a in content.local_authorities if any(r["kind"] == kind for r in a.rules)]
    box = open_with_filter(page, f"/compare/timescales/{kind}/")
    rows = page.locator("article table tbody tr")
    total = rows.count()
    assert total >= len(names)
    box.fill(names[0][:6])
    visible = [r.locator("td").first.inner_text() for r in rows.all() if r.is_visible()]
    assert visible and all(names[0][:6].lower() in v.lower() for v in visible)
    assert len(visible) < total
    assert "Showing" in page.get_by_role("status").filter(has_text="Showing").inner_text()
    box.fill("")
    assert sum(1 for r in rows.all() if r.is_visible()) == total
    assert not page.console_errors and not page.offsite_requests


def test_agenda_cards_filter(page, content):
    with_agenda = [a.short_name for a in content.local_authorities if a.agendas]
    box = open_with_filter(page, "/compare/agendas/")
    cards = page.locator(".cp-compare-card")
    total = cards.count()
    box.fill(with_agenda[0][:6])
    shown = [c for c in cards.all() if c.is_visible()]
    assert 0 < len(shown) < total
