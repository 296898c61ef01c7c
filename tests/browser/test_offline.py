"""Using the site without signal, in a real browser.

After one visit in which the reader chooses their authority, the browser is cut off from the network
and pages of that authority the reader never opened still load, as do its checklists and the deadline
calculator with its rules and the bank holidays. A page that was not kept leads to the page saying
so. Updates made to the site reach the kept copy at the next visit online. Built for `file://`, the
calculator, the checklists and search say plainly that they cannot work there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SITE_TODAY

from .browser_helpers import build_with_zensical, wait_for_page_scripts

ROOT = Path(__file__).resolve().parents[2]


def _keep(page, authority) -> None:
    """One visit: choose the authority in the picker, go to its pages, ask to keep them, wait until they are kept."""
    page.goto("/authorities/")
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    page.get_by_role("button", name=f"Use this authority: {authority.name}").click()
    page.get_by_role("link", name="Go to its pages").click()
    page.wait_for_url(f"**/{authority.id}/")
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    assert _kept_anything(page) == [], "pages were kept before the reader asked"
    page.locator(".cp-keep").get_by_role("button", name="Keep them on this device").click()
    page.wait_for_function("id => window.__offlineReady === id", arg=authority.id, timeout=60_000)


def _kept_anything(page) -> list:
    """Service workers registered and caches opened by this site (nothing until the reader asks)."""
    return page.evaluate("async () => [...(await navigator.serviceWorker.getRegistrations()).map(r => r.scope), ...await caches.keys()]")


@pytest.fixture
def chosen(content):
    return next(a for a in content.local_authorities if a.rules and a.agendas)


def _checklist_page(site_dir: Path, authority_id: str) -> str:
    folder = site_dir / authority_id / "checklists"
    sheets = sorted(p for p in folder.rglob("index.html") if p.parent != folder)
    assert sheets, "the authority has no checklist"
    return "/" + sheets[0].parent.relative_to(site_dir).as_posix() + "/"


def test_authority_opens_without_signal_after_one_visit(page, chosen, content, site_dir):
    failed = []
    # A module still loading when the test moves to the next page is cancelled (net::ERR_ABORTED) by
    # that navigation, online or not; any other failure means something was not kept.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"{r.url} {r.failure}"))
    _keep(page, chosen)
    assert page.locator(".cp-offline-status").is_visible(), "the page does not say its authority is kept"
    page.context.set_offline(True)
    failed.clear()  # from here on, nothing may fail

    page.goto(f"/{chosen.id}/agenda/")  # never opened
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert chosen.short_name in page.title() or chosen.name in page.title(), page.title()

    page.goto(_checklist_page(site_dir, chosen.id))
    page.wait_for_function("() => window.__checklistReady === location.pathname", timeout=15_000)
    box = page.locator('article input[type="checkbox"][data-item]').first
    box.check(force=True)
    assert box.is_checked()

    page.goto("/calculator/")
    form = page.locator(".cp-calc__form")
    form.wait_for(state="visible", timeout=15_000)
    page.locator("#cp-calc-authority").select_option(chosen.id)
    assert not failed and not page.console_errors, (failed, page.console_errors)
    assert not page.offsite_requests, page.offsite_requests


def test_a_reader_who_came_straight_to_a_page_can_keep_its_authority(page, chosen):
    """A parent who followed a link to their authority's page, never the picker: the page offers to keep
    it; one tap, and a page they never opened loads with no signal."""
    page.goto(f"/{chosen.id}/parents/")
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    offer = page.locator(".cp-keep")
    assert offer.is_visible(), "no offer to keep the authority's pages"
    assert chosen.name in offer.inner_text()
    offer.get_by_role("button", name="Keep them on this device").click()
    page.wait_for_function("id => window.__offlineReady === id", arg=chosen.id, timeout=60_000)
    assert not offer.is_visible()
    assert chosen.name in page.locator(".cp-your-authority").inner_text(), "the choice is not shown as remembered"
    page.context.set_offline(True)
    page.goto(f"/{chosen.id}/agenda/")  # never opened
    assert page.get_by_role("heading", level=1).first.is_visible()
    page.reload()
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    assert not page.locator(".cp-keep").is_visible(), "the offer is still made once the authority is kept"


def test_a_page_not_kept_says_so_and_the_list_shows_what_is(page, chosen, content):
    other = next(a for a in content.local_authorities if a.id != chosen.id)
    _keep(page, chosen)
    page.context.set_offline(True)
    page.goto(f"/{other.id}/agenda/")
    page.wait_for_url("**/about/offline/?missing=page")
    page.wait_for_function("() => window.__offlineListReady === true", timeout=15_000)
    assert page.locator(".cp-offline-missing").inner_text() == _notice("offline_missing")
    kept = page.locator("[data-cpguide-offline-list] a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(h.endswith(f"/{chosen.id}/agenda/") for h in kept), kept
    assert not any(f"/{other.id}/" in h for h in kept), kept


def _notice(key: str) -> str:
    """The site's own words for a page script (mkdocs.yml extra.notices; one line each here)."""
    import yaml

    line = next(l for l in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if l.strip().startswith(f"{key}:"))
    return yaml.safe_load(line.strip())[key]


WORDS = "Call 07700 900123 now, this page is fake"


@pytest.mark.parametrize("address", [f"/about/offline/?missing={WORDS}", "/about/offline/?missing=__proto__",
                                     "/about/offline/?missing=constructor", f"/calculator/?date={WORDS}&time={WORDS}"])
def test_words_in_the_address_are_never_shown_as_the_sites(page, address):
    """Only a code the site sets maps to its own words (issue 24, finding 5: any text showed in an alert)."""
    page.goto(address.replace(" ", "%20"))
    wait_for_page_scripts(page)
    page.wait_for_load_state("networkidle")
    if "/calculator/" in address:  # a date in the address is answered at once
        page.wait_for_function("() => window.__calculatorReady === true", timeout=15_000)
    shown = page.locator("body").inner_text()
    assert "07700" not in shown and "proto" not in shown and "constructor" not in shown
    assert page.locator(".cp-offline-missing").count() == 0


def _another_build(site_dir: Path, tmp_path: Path, name: str) -> Path:
    """The site as a later build that changed only one JavaScript module (deadlines.mjs), stamped as
    every build is (cpguide/publish.py)."""
    import shutil

    from cpguide.publish import offline_version

    copy = tmp_path / name
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
    module = copy / "assets" / "js" / "deadlines.mjs"
    module.write_text(module.read_text(encoding="utf-8") + f'\nglobalThis.__cpguideBuild = "{name}";\n', encoding="utf-8")
    offline_version(copy)
    return copy


def test_a_code_only_update_reaches_a_kept_authority(page, chosen, site_dir, _httpd, tmp_path):
    """Issue 24, finding 10: the offline version was a hash of the YAML alone, so a reader who had kept
    their authority kept running the old deadlines.mjs without signal after the site was updated."""
    _keep(page, chosen)
    try:
        _httpd.holder["dir"] = str(_another_build(site_dir, tmp_path, "b"))
        page.goto(f"/{chosen.id}/")  # one visit online, to any page: the kept copy is brought up to date
        page.wait_for_function("id => window.__offlineReady === id", arg=chosen.id, timeout=60_000)
        page.context.set_offline(True)
        page.goto("/calculator/")
        page.wait_for_function("() => window.__cpguideBuild === 'b'", timeout=15_000)
        page.context.set_offline(False)
        _httpd.holder["dir"] = str(_another_build(site_dir, tmp_path, "c"))
        page.goto("/calculator/")  # online: the new module at once
        page.wait_for_function("() => window.__cpguideBuild === 'c'", timeout=15_000)
    finally:
        _httpd.holder["dir"] = str(site_dir)


def test_updates_reach_the_kept_copy_at_the_next_visit_online(page, chosen, site_dir):
    _keep(page, chosen)
    url = f"/{chosen.id}/timescales/"
    file = site_dir / chosen.id / "timescales" / "index.html"
    published = file.read_text(encoding="utf-8")
    try:
        file.write_text(published.replace("</h1>", " (updated)</h1>", 1), encoding="utf-8")  # published later
        page.goto(url)
        assert "(updated)" in page.get_by_role("heading", level=1).first.inner_text()
    finally:
        file.write_text(published, encoding="utf-8")
    page.context.set_offline(True)
    page.goto(url)
    assert "(updated)" in page.get_by_role("heading", level=1).first.inner_text(), "the kept copy is the old one"


def test_a_first_visit_keeps_no_other_authority(page, chosen, content):
    """Nothing of another authority is downloaded, and nothing kept until the reader asks: the offer only
    reads how much keeping would download (the build's list for this authority)."""
    requests = []
    page.context.on("request", lambda r: requests.append(r.url))
    page.goto(f"/{chosen.id}/parents/")
    wait_for_page_scripts(page)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/agenda/" in u or ("/offline/" in u and not u.endswith(f"/offline/{chosen.id}.json"))], requests
    assert _kept_anything(page) == []
    _keep(page, chosen)
    others = [a.id for a in content.local_authorities if a.id != chosen.id]
    assert not [u for u in requests if any(f"/{o}/" in u or f"/{o}.json" in u for o in others)], requests


def test_the_offer_says_how_much_near_the_top_and_the_calculator_keeps_nothing_by_itself(page, chosen, site_dir):
    """A parent works out their dates: nothing is kept. The offer to keep the pages then sits under the
    dates and near the top of their parents' page, saying how much it downloads, as the build measured it."""
    import json

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/calculator/parents/?authority={chosen.id}&conference=icpc&date=2026-12-08")
    page.wait_for_function("window.__calculatorReady === true", timeout=15_000)
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    offer = page.locator(".cp-keep")
    offer.wait_for(state="visible")
    assert _kept_anything(page) == [], "working out dates started keeping pages"
    size = json.loads((site_dir / "offline" / f"{chosen.id}.json").read_text(encoding="utf-8"))["bytes"]
    assert size > 100_000
    shown = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{round(size / 1e3)} KB"
    assert shown in offer.inner_text(), (shown, offer.inner_text())
    page.goto(f"/{chosen.id}/parents/")
    page.wait_for_function("() => window.__pickerReady === location.pathname", timeout=10_000)
    offer.wait_for(state="visible")
    # near the top: right after the jump links to the answers, which fill the first screen (it was 9.5 screens down)
    assert offer.bounding_box()["y"] < 1.5 * 844, f"the offer is {offer.bounding_box()['y']:.0f} px down the parents' page"
    assert _kept_anything(page) == []
    offer.get_by_role("button", name="Keep them on this device").click()
    page.wait_for_function("id => window.__offlineReady === id", arg=chosen.id, timeout=60_000)
    assert _kept_anything(page) != []


# --- Built for file:// ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def file_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("file-site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CPGUIDE_OFFLINE="true")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"CPGUIDE_OFFLINE=true mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def file_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def _open_file(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("() => window.__pageReady === location.pathname", timeout=15_000)


def test_file_build_has_no_service_worker_or_index_and_links_open_pages(file_site, content):
    assert not (file_site / "sw.js").exists() and not (file_site / "pagefind").exists()
    home = (file_site / "index.html").read_text(encoding="utf-8")
    authority = content.local_authorities[0].id
    assert f'href="{authority}/index.html"' in home, "links must name index.html to open from files"


def test_file_build_says_where_calculator_checklists_and_search_cannot_work(file_page, file_site, content):
    authority = content.local_authorities[0].id
    for path in (file_site / "calculator" / "index.html",
                 next(p for p in (file_site / authority / "checklists").rglob("index.html")
                      if p.parent.name != "checklists")):
        _open_file(file_page, path)
        notice = file_page.locator(".cp-file-notice")
        assert notice.count() == 1 and notice.is_visible(), path
        assert "files on this computer" in notice.inner_text()
    file_page.locator("#cp-search-input").click()
    meta = file_page.locator("#cp-search-meta")
    meta.wait_for(state="visible")
    assert "files on this computer" in meta.inner_text()


@pytest.fixture(scope="module")
def zensical_file_site(tmp_path_factory) -> Path:
    """The build for files made with Zensical: CPGUIDE_OFFLINE=true for generate, build and publish."""
    env = dict(os.environ, CPGUIDE_TODAY=SITE_TODAY, CPGUIDE_OFFLINE="true")
    return build_with_zensical(tmp_path_factory.mktemp("zensical-files") / "project", env)


def test_zensical_file_build_opens_pages_and_follows_links(file_page, zensical_file_site, content):
    """Opened from files, a reader goes from the home page to their authority and on to its parents'
    page by clicking links; the calculator says it cannot work there. No search index, no service worker."""
    site = zensical_file_site
    assert not (site / "sw.js").exists() and not (site / "pagefind").exists()
    authority = next(a for a in content.local_authorities if (site / a.id / "parents" / "index.html").is_file())
    _open_file(file_page, site / "index.html")
    file_page.locator(f'article a[href="{authority.id}/index.html"]').first.click()
    file_page.wait_for_url(f"**/{authority.id}/index.html")
    file_page.wait_for_function("() => window.__pageReady === location.pathname", timeout=15_000)
    assert authority.short_name in file_page.locator("h1").first.inner_text()
    file_page.locator('article a[href$="parents/index.html"]').first.click()
    file_page.wait_for_url(f"**/{authority.id}/parents/index.html")
    assert file_page.get_by_role("heading", level=1).first.is_visible()
    _open_file(file_page, site / "calculator" / "index.html")
    notice = file_page.locator(".cp-file-notice")
    assert notice.count() == 1 and notice.is_visible()
    assert "files on this computer" in notice.inner_text()
