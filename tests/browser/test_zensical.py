"""The site built with Zensical, the successor of Material for MkDocs 9 (end of life 5 May 2027).

As MAINTAINERS.md's "Building with Zensical" says: `cpguide generate --out DIR --links sources`, then
`zensical build --strict` in DIR, then `cpguide publish DIR/site` (search index, offline lists,
service worker). Checked here: the same set of pages as the MkDocs build, and in Chromium a reader
works out a date with the calculator, ticks a checklist and finds it ticked after a reload, and finds
something with search, with no script error and no request to another host. The build is the
session's (`zensical_site` in tests/browser/conftest.py, which the accessibility and print tests
share), and one browser context serves the whole walk, to keep its cost small.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SITE_TODAY
from cpguide.cli import main
from cpguide.site import routes

from .browser_helpers import PHONE, wait_for_checklist, wait_for_page_scripts


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")
            if not p.relative_to(site).parts[0] in ("pagefind", "offline")}


def test_same_pages_as_the_mkdocs_build(zensical_site, site_dir):
    pages = _pages(zensical_site)
    assert pages == _pages(site_dir)
    assert routes.output_path("calculator/parents.md") in pages  # generated pages are there, not only written ones


def test_offline_lists_and_service_worker_are_written(zensical_site, content):
    """What "Keep them on this device" saves (docs/assets/js/offline.mjs) names pages the build has."""
    assert (zensical_site / "sw.js").is_file()
    for authority in content.local_authorities:
        urls = json.loads((zensical_site / "offline" / f"{authority.id}.json").read_text())["urls"]
        assert f"{authority.id}/" in urls
        missing = [u for u in urls if not (zensical_site / (u + "index.html" if u.endswith("/") or not u else u)).is_file()]
        assert not missing, missing


def test_a_reader_uses_the_zensical_build(browser, zensical_server, urls, content, capsys, monkeypatch):
    context = browser.new_context(base_url=zensical_server)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(zensical_server)
            and problems.append(f"request to another host: {r.url}"))
    try:
        _calculator_works_out_a_date(page, content, capsys, monkeypatch)
        _a_tick_survives_a_reload(page, urls["checklist"])
        _search_finds_something(page)
    finally:
        context.close()
    assert not problems, problems


def _calculator_works_out_a_date(page, content, capsys, monkeypatch):
    authority = next(a for a in content.local_authorities if a.rules)
    page.goto("/calculator/")
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    page.select_option("#cp-calc-authority", authority.id)
    page.check("#cp-calc-conference-icpc")
    page.fill("#cp-calc-date", "2027-06-15")
    page.fill("#cp-calc-time", "10:00")
    page.click("[data-cpguide-calculator] button[type=submit]")
    page.wait_for_selector(".cp-calc__result h2")
    shown = page.eval_on_selector_all(".cp-calc__result [data-rule]", "els => els.map(e => [e.dataset.rule, e.dataset.due])")
    # the same deadlines as the engine's command line works out for the same meeting
    monkeypatch.setenv("CPGUIDE_TODAY", SITE_TODAY)
    capsys.readouterr()
    assert main(["deadlines", "--authority", authority.id, "--conference", "icpc", "--date", "2027-06-15",
                 "--time", "10:00", "--format", "json"]) == 0
    expected = {(d["rule_id"], d["due"] or "") for d in json.loads(capsys.readouterr().out)["deadlines"]}
    assert any(due for _, due in expected), "the scenario has no dated deadline"
    assert {tuple(s) for s in shown} == expected


def _a_tick_survives_a_reload(page, checklist_url):
    boxes = 'article input[type="checkbox"][data-item]'
    page.goto(checklist_url)
    wait_for_checklist(page)
    assert page.locator(boxes).count() >= 2
    page.locator(boxes).nth(1).check()
    page.evaluate("window.__checklistReady = null")
    page.reload()
    wait_for_checklist(page)
    assert page.locator(boxes).nth(1).is_checked()
    assert not page.locator(boxes).nth(0).is_checked()


def _search_finds_something(page):
    page.goto("/glossary/")
    wait_for_page_scripts(page)
    page.locator("#cp-search-input").focus()
    page.wait_for_function("() => window.__searchReady === true", timeout=15_000)
    page.keyboard.type("core group", delay=30)
    page.wait_for_function("t => document.querySelector('[data-cpguide-search]').dataset.shown === t", arg="core group",
                           timeout=20_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs, "search found nothing for 'core group'"


def test_the_zensical_build_looks_like_the_mkdocs_one(page, zensical_page):
    """Zensical in Material's look (mkdocs.yml theme.variant: classic), which the site's styles are made
    for: the same colours, type and sizes for the danger line, the header, the search box (Zensical's
    themes no longer style it: docs/assets/vendor/material-search.css) and a title, on a phone and a desk."""
    parts = {"danger line": "#cp-urgent", "header": ".md-header", "search box": ".md-search__form",
             "search results": ".md-search__output", "title": "article h1"}
    looks = []
    for pg in (page, zensical_page):
        look = {}
        for name, size in (("phone", PHONE), ("desk", {"width": 1280, "height": 720})):
            pg.set_viewport_size(size)
            pg.goto("/for/parents/")
            wait_for_page_scripts(pg)
            look[name] = pg.evaluate("""parts => Object.fromEntries(Object.entries(parts).map(([name, sel]) => {
                const s = getComputedStyle(document.querySelector(sel));
                return [name, [s.color, s.backgroundColor, s.fontWeight, s.fontSize, s.display, s.opacity, s.height]]; }))""",
                                     parts)
            # a reader opens search: on a phone from the header's button, on a desk in the box itself
            pg.locator("label[for=__search]" if name == "phone" else "#cp-search-input").first.click()
            look[name]["search opens"] = pg.locator("#cp-search-input").is_visible()
        looks.append(look)
    differ = {f"{size} {name}": (looks[0][size][name], looks[1][size][name]) for size in looks[0] for name in looks[0][size]
              if looks[0][size][name] != looks[1][size][name]}
    assert not differ, repr(differ)
    assert looks[0]["phone"]["search opens"] and looks[0]["desk"]["search opens"]
