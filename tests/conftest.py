"""Shared fixtures: the content, a strict build of the site, a local server, a real browser."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CPGUIDE_CHROMIUM", "/usr/bin/chromium")
# "Today" for the built site (the calculator's covered range of bank holidays), so that tests can use fixed dates.
SITE_TODAY = "2026-11-22"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def content():
    """The content the site is built from: checklists/, or CPGUIDE_CONTENT (the suite runs against
    other content too, e.g. the smallest authority in tests/test_smallest_authority.py)."""
    from hand_worked import session_content

    return session_content()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def _httpd():
    """A server bound to a free port on 127.0.0.1 before the build, so the site is built for its real address
    (Material's instant navigation only takes over links listed in sitemap.xml for that address)."""
    holder = {}
    handler = lambda *a, **kw: _QuietHandler(*a, directory=holder["dir"], **kw)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.holder = holder
    yield httpd
    httpd.server_close()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, _httpd) -> Path:
    """The site built once per test session with `mkdocs build --strict`, for the address it is served at
    (or CPGUIDE_BUILT_SITE, a site already built from the same content, for tests that only read it)."""
    if os.environ.get("CPGUIDE_BUILT_SITE"):
        return Path(os.environ["CPGUIDE_BUILT_SITE"])
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CPGUIDE_TODAY=SITE_TODAY,
               CPGUIDE_SITE_URL=f"http://127.0.0.1:{_httpd.server_address[1]}/")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def server(site_dir, _httpd) -> str:
    """Serve the built site on 127.0.0.1; yields the base URL."""
    _httpd.holder["dir"] = str(site_dir)
    thread = threading.Thread(target=_httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{_httpd.server_address[1]}"
    _httpd.shutdown()


def _require_chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package with "
                    "'apt-get install -y --no-install-recommends chromium' (the browser tests never skip)",
                    pytrace=False)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def recording_page(context, server: str):
    """A new page of `context` that records console errors and requests to any host but `server`."""
    pg = context.new_page()
    pg.console_errors = []
    pg.offsite_requests = []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))

    def _record(request):
        if not request.url.startswith(server) and not request.url.startswith(("data:", "blob:", "about:")):
            pg.offsite_requests.append(request.url)
    pg.on("request", _record)
    return pg


@pytest.fixture
def page(browser, server):
    """A fresh browser context per test (empty localStorage); records console errors and off-site requests."""
    context = browser.new_context(base_url=server)
    yield recording_page(context, server)
    context.close()


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of the good fixture (tests/fixtures/good) to change in the test."""
    from good_tree import GOOD

    shutil.copytree(GOOD, tmp_path / "good")
    return tmp_path / "good"
