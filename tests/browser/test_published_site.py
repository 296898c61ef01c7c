"""The site as it is published: built exactly as .github/workflows/pages.yml builds it (`make build` with
CPGUIDE_SITE_URL and CPGUIDE_REPO_URL set), opened at its published address in a real browser.

The browser asks for that address and Playwright answers from the built folder, so the pages run as
they do on GitHub Pages: any request to another host (Material's repository statistics from
api.github.com, a font, a script) is recorded and refused. The privacy page says what is stored in
the browser: the test reads the browser's storage after using the site, and every key found must be
on that page, as written there.
"""

from __future__ import annotations

import mimetypes
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .browser_helpers import wait_for_checklist, wait_for_page_scripts

ROOT = Path(__file__).resolve().parents[2]
# What the workflow passes: ${{ steps.pages.outputs.base_url }}/ and ${{ github.server_url }}/${{ github.repository }}
SITE = "https://cpguide-example.github.io/cpguide/"
REPO = "https://github.com/cpguide-example/cpguide"


@pytest.fixture(scope="session")
def published_dir(tmp_path_factory) -> Path:
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "run: make build" in workflow and "CPGUIDE_SITE_URL:" in workflow and "CPGUIDE_REPO_URL:" in workflow, \
        "pages.yml no longer builds as this test does: change the test with it"
    out = tmp_path_factory.mktemp("published")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CPGUIDE_SITE_URL=SITE, CPGUIDE_REPO_URL=REPO)
    env.pop("CPGUIDE_CONTENT", None)
    # `make build` is `mkdocs build --strict`; built into a folder of our own
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"build as published failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def published(browser, published_dir):
    """A browser context where SITE is served from the built folder and every other host is refused."""
    context = browser.new_context(service_workers="block")
    elsewhere: list[str] = []

    def answer(route):
        url = route.request.url
        if not url.startswith(SITE):
            elsewhere.append(url)
            return route.abort()
        path = unquote(urlsplit(url).path)[len(urlsplit(SITE).path):]
        file = published_dir / path
        if file.is_dir() or path.endswith("/") or not path:
            file = file / "index.html"
        if not file.is_file():
            return route.fulfill(status=404, path=str(published_dir / "404.html"), content_type="text/html")
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return route.fulfill(status=200, path=str(file), content_type=kind)

    context.route("**/*", answer)
    page = context.new_page()
    page.elsewhere = elsewhere
    yield page
    context.close()


def test_the_repository_is_a_plain_link_that_asks_nothing(published_dir):
    home = (published_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}"' in home, "the repository link is missing from the header"
    assert 'data-md-component="source"' not in home, "Material's source component fetches api.github.com"


def test_published_pages_ask_no_other_host(published, urls):
    page = published
    paths = [urls[name] for name in ["home", "authority overview", "timescales", "glossary", "checklist", "calculator", "about"]]
    for path in paths + ["/authorities/", "/compare/timescales/", "/for/parents/", "/data/"]:
        assert page.goto(SITE + path.lstrip("/")).ok, path
        page.wait_for_load_state("networkidle")
    # search as a reader would: type into the box
    page.goto(SITE)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("core group", delay=30)
    page.wait_for_load_state("networkidle")
    assert page.elsewhere == [], f"the published site asked other hosts: {sorted(set(page.elsewhere))}"


def _storage_keys(page) -> set[str]:
    keys = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    # Material keeps its own keys per site, prefixed with the site's path ("/cpguide/.__tabs")
    return {re.sub(r"^.*?\.(?=__)", "", k) for k in keys}


def test_privacy_page_names_everything_the_site_stores(published, urls, published_dir):
    page = published
    # tick a box, choose an authority, use the content tabs: everything that stores something
    page.goto(SITE + urls["checklist"].lstrip("/"))
    wait_for_checklist(page, urlsplit(SITE).path + urls["checklist"].lstrip("/"))
    page.locator("input[type=checkbox][data-item]").first.check(force=True)
    page.goto(SITE + "authorities/")
    wait_for_page_scripts(page)
    page.locator("a[data-authority]").first.click()
    page.wait_for_load_state("networkidle")
    page.goto(SITE + urls["agenda"].lstrip("/"))
    wait_for_page_scripts(page)
    labels = page.locator(".tabbed-labels > label")
    if labels.count() > 1:
        labels.nth(1).click()
    keys = _storage_keys(page)
    assert keys, "nothing was stored: the test did not use the site"
    privacy = page.goto(SITE + "about/privacy/")
    assert privacy.ok
    shown = page.locator("article").inner_text()
    missing = [k for k in sorted(keys) if not any(k.startswith(named) for named in _named_keys(shown))]
    assert not missing, f"stored in the browser but not on the privacy page: {missing}"
    assert "asks no other website for anything" in shown
    assert page.elsewhere == [], f"the published site asked other hosts: {sorted(set(page.elsewhere))}"


def _named_keys(shown: str) -> list[str]:
    """The storage keys the privacy page names: written in code style, a trailing … for a family of keys."""
    return [k.rstrip("…") for k in re.findall(r"\b(?:cpguide[.:][\w.:-]*…?|__\w+)", shown)]
