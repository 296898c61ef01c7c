"""Currency as data: each document's dates, "review overdue" on the build date, documents older than
the national guidance in force, and national figures not yet checked against the edition in force.
Every date below is worked out by hand; the build date is passed in, never today's."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cpguide.currency import currency, parse_when, unchecked, with_review_state
from cpguide.gate import valid_content

GOOD = Path(__file__).parent / "fixtures" / "good"
TOWN = "checklists/test-town/authority.yml"
NATIONAL = "checklists/national/authority.yml"


def test_dates_are_days_months_or_years():
    assert (parse_when("2022-09-01").first, parse_when("2022-09-01").last) == (date(2022, 9, 1), date(2022, 9, 1))
    assert (parse_when("2024-02").first, parse_when("2024-02").last) == (date(2024, 2, 1), date(2024, 2, 29))
    assert (parse_when("2026").first, parse_when("2026").last) == (date(2026, 1, 1), date(2026, 12, 31))
    assert [parse_when(t).words for t in ("2022-09-01", "2022-09", "2022")] == ["1 September 2022", "September 2022", "2022"]


@pytest.mark.parametrize("next_review, on, overdue", [
    ("2025-09", date(2025, 9, 30), False),     # due some time in September: not over until it ends
    ("2025-09", date(2025, 10, 1), True),
    ("2025-09-15", date(2025, 9, 15), False),  # due that day
    ("2025-09-15", date(2025, 9, 16), True),
    ("2025", date(2025, 12, 31), False),
    ("2025", date(2026, 1, 1), True),
])
def test_review_overdue_once_the_next_review_is_past(content, next_review, on, overdue):
    document = {"id": "x-doc", "title": "X", "publisher": "X", "date": "not given", "next_review": next_review}
    assert currency(content, document, on).overdue is overdue
    # the same answer where the calculator's data and the command line mark their documents
    assert with_review_state([document], on)[0]["review_overdue"] is overdue


@pytest.fixture
def tree(tmp_path) -> Path:
    shutil.copytree(GOOD, tmp_path / "good")
    return tmp_path / "good"


def _edit(tree: Path, rel: str, old: str, new: str) -> None:
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _with_currency(tree: Path):
    """Test Town's document reviewed in September 2022, next due September 2025; the national 2023
    edition replaced by one published in 2026."""
    _edit(tree, TOWN, "    date: not given\n", '    date: not given\n    published: "2021-03"\n'
          '    last_reviewed: "2022-09"\n    next_review: "2025-09"\n')
    _edit(tree, NATIONAL, '    date: "2023"\n', '    date: "2023"\n    published: "2023-12"\n    superseded_by: t-wt-2026\n'
          '  - id: t-wt-2026\n    title: Working Together 2026 (test)\n    publisher: Test\n    date: "2026"\n'
          '    published: "2026"\n')
    return valid_content(tree / "checklists")


def test_a_document_older_than_the_guidance_in_force_is_flagged(tree):
    content = _with_currency(tree)
    town = content.documents["t-doc"][1]
    found = currency(content, town, date(2025, 1, 1), content.documents["t-wt-2026"][1])
    assert found.predates["id"] == "t-wt-2026" and not found.overdue
    town["last_reviewed"] = "2026-03"  # within 2026: not certainly older than "2026"
    assert currency(content, town, date(2025, 1, 1), content.documents["t-wt-2026"][1]).predates is None


def test_national_figures_say_they_are_unchecked_until_a_maintainer_records_the_check(tree):
    content = _with_currency(tree)
    rule = content.index["t-nat-first-core-group"].item
    old, new = unchecked(content, rule)
    assert (old["id"], new["id"]) == ("t-wt", "t-wt-2026")
    # Local procedures stating the figure do not make it checked against the new edition's text…
    assert rule["checked_against"] and unchecked(content, rule) == (old, new)
    # …a check of the guidance itself, naming the edition, does.
    rule["checked_against"] = rule["checked_against"] + [
        {"kind": "statutory-guidance", "document": "Working Together 2026 (test)", "publisher": "Test", "edition": "2026",
         "guidance": "t-wt-2026", "where": "paragraph 9", "url": "https://example.org/wt26", "checked": "2026-12-01"}]
    assert unchecked(content, rule) is None


def test_pages_show_the_dates_and_the_overview_lists_what_is_overdue(tree):
    from cpguide.site import SiteContext
    from cpguide.site.authority_pages import AuthorityPages

    content = _with_currency(tree)
    ctx = SiteContext(content, build_date=date(2025, 10, 1))
    pages = {p.src_uri: p.html.html for p in AuthorityPages(ctx, content.authorities["test-town"]).pages()}
    for uri, html in pages.items():
        assert "Published: March 2021" in html and "Last reviewed: September 2022" in html, uri
        assert "Next review due: September 2025" in html and "Review overdue" in html, uri
    overview = pages["test-town/index.md"]
    assert "Check these documents are still current" in overview
    assert "review overdue (next review was due September 2025)" in overview
    assert "older than Working Together 2026 (test), the national guidance in force" in overview
    ctx = SiteContext(content, build_date=date(2025, 9, 30))
    html = next(p.html.html for p in AuthorityPages(ctx, content.authorities["test-town"]).pages())
    assert "Review overdue" not in html and "review overdue" not in html


def test_every_page_says_where_its_documents_came_from(tree):
    """authority.yml's url (a link), retrieved and extent under every page; a summary says so at the top
    of every page, with the date it was retrieved and a link to the council's current version."""
    from cpguide.site import SiteContext
    from cpguide.site.authority_pages import AuthorityPages

    def pages():
        content = valid_content(tree / "checklists")
        ctx = SiteContext(content, build_date=date(2026, 12, 6))
        return {p.src_uri: p.html.html for p in AuthorityPages(ctx, content.authorities["test-town"]).pages()}

    link = '<a href="https://test-town.example/procedures">https://test-town.example/procedures</a>'
    for uri, html in pages().items():
        assert f"Found at: {link}" in html and "Retrieved: 6 December 2026" in html, uri
        assert "This site holds part of the document. Left out: Only the agenda and the plan's timing; " \
               "the appendices were not read." in html, uri
        assert "summarises" not in html, uri  # the copy is the document's own words
    _edit(tree, TOWN, "    file: t-doc.txt\n", "    file: t-doc.txt\n    copy: summary\n")
    for uri, html in pages().items():
        notice = html.index("This page sums up the council's public pages as we read them on 6 December 2026. They may "
                            'have changed since. For the latest version, see <a href="https://test-town.example/procedures">'
                            "the council's page</a>.")
        assert notice < html.index("Found at:"), uri


def test_the_real_national_framework_states_its_edition(site_dir, content):
    html = (site_dir / "national" / "timescales" / "index.html").read_text(encoding="utf-8")
    assert html.count("not yet checked against") == 4  # one for each national figure
    overview = (site_dir / "national" / "index.html").read_text(encoding="utf-8")
    assert "Replaced by Working Together to Safeguard Children 2026" in overview
    for authority, document in _older_than_2026(content):
        page = (site_dir / authority.id / "index.html").read_text(encoding="utf-8")
        assert f"Published: {parse_when(document['published']).words}" in page, authority.id
        assert "Older than Working Together to Safeguard Children 2026" in page, authority.id


def _older_than_2026(content) -> list:
    """(authority, document) for each local document that says it was published, and reviewed if at
    all, before 2026, the year the national guidance in force was published."""
    return [(a, d) for a in content.local_authorities for d in a.documents
            if d.get("published") and int(max(d["published"], d.get("last_reviewed", ""))[:4]) < 2026]


def _git(tree: Path, *args: str, day: str | None = None) -> None:
    import os
    import subprocess

    env = {**os.environ, **({"GIT_COMMITTER_DATE": f"{day}T12:00:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00"} if day else {})}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", str(tree), *args],
                   check=True, capture_output=True, env=env)


def _amendments(tree: Path) -> str:
    from cpguide.history import _changes_under
    from cpguide.site import SiteContext
    from cpguide.site.authority_pages import AuthorityPages

    _changes_under.cache_clear()
    content = valid_content(tree / "checklists")
    pages = AuthorityPages(SiteContext(content, build_date=date(2026, 1, 1)), content.authorities["test-town"]).pages()
    return next(p.html.html for p in pages if p.src_uri == "test-town/amendments.md")


def test_what_changed_lists_the_changes_to_the_authoritys_folder(tree):
    _git(tree, "init", "-q")
    _git(tree, "add", ".")
    _git(tree, "commit", "-q", "-m", "Test Town added", day="2025-03-04")
    _edit(tree, TOWN, "name: Test Town Council", "name: Test Town Borough Council")
    _edit(tree, NATIONAL, 'date: "2023"', 'date: "2023 (test)"')
    _git(tree, "commit", "-q", "-am", "Test Town renamed, national date", day="2025-06-30")
    _edit(tree, NATIONAL, 'date: "2023 (test)"', 'date: "2023"')
    _git(tree, "commit", "-q", "-am", "National only", day="2025-07-01")
    html = _amendments(tree)
    assert html.index("30 June 2025") < html.index("Test Town renamed, national date") < html.index("4 March 2025") \
        < html.index("Test Town added")
    assert "National only" not in html


def test_what_changed_says_so_without_a_history(tree):
    assert "built without the history of its content" in _amendments(tree)


def test_printed_sheets_say_when_a_document_may_no_longer_be_current(site_dir, content):
    checked = 0
    for authority in content.local_authorities:
        sheet = site_dir / authority.id / "checklists" / "icpc" / "deadlines-chairs" / "index.html"
        if not sheet.exists():
            continue
        html = sheet.read_text(encoding="utf-8")
        assert "chapter 3 (Department for Education (HM Government), December 2023) — replaced by Working Together " \
               "to Safeguard Children 2026 (statutory guidance)" in html, authority.id
        cited = {r["source"]["document"] for r in authority.rules}
        for _, document in _older_than_2026(content):
            if document["id"] in cited:
                assert f"{parse_when(document['published']).words}) — older than Working Together to Safeguard " \
                       "Children 2026 (statutory guidance), the national guidance in force" in html, authority.id
        checked += 1
    assert checked
