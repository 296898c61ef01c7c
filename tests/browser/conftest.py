"""Helpers for the real-browser tests: which page shows each template, waiting for scripts, axe-core.

The browser, the built site and the local server come from tests/conftest.py (one of each per
session). Page addresses are picked from the real content, so the tests follow the content as it
grows instead of naming pages copied from the code.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from conftest import SITE_TODAY, recording_page
from cpguide.site import routes

from .browser_helpers import AXE, PHONE, build_with_zensical


def _first(authorities, has):
    """The first local authority (by name) that has a kind of content."""
    found = next((a for a in authorities if has(a)), None)
    assert found is not None, "no authority has this kind of content"
    return found


@pytest.fixture(scope="session")
def urls(content) -> dict[str, str]:
    """One address per page template, chosen from the content."""
    from cpguide.site.checklists import checklists_of
    from cpguide.site.model import SiteContext

    local = content.local_authorities
    rich = _first(local, lambda a: a.agendas and a.standard_sets and a.statements)
    ctx = SiteContext(content)
    checklists = checklists_of(ctx, rich)
    # a role sheet (before / during / after) with several groups: items with links and deadlines
    sheet = next(c for c in checklists if c.key != "pack" and c.sheets[0].phase and c.sheets[0].kind == c.sheets[0].phase
                 and len(c.sheets[0].groups) > 1)
    pack = next(c for c in checklists if c.key == "pack")
    return {
        "home": "/",
        "audience hub": "/for/parents/",
        "authority overview": f"/{rich.id}/",
        "agenda": f"/{_first(local, lambda a: a.agendas).id}/agenda/",
        "standards": f"/{_first(local, lambda a: a.standard_sets).id}/standards/",
        "statements": f"/{_first(local, lambda a: a.statements).id}/statements/",
        "role guide (parents)": f"/{rich.id}/parents/",
        "role guide (chairs)": f"/{rich.id}/chairs/",
        "timescales": f"/{_first(local, lambda a: a.rules).id}/timescales/",
        "national framework": "/national/",
        "glossary": "/glossary/",
        "checklists index": f"/{rich.id}/checklists/",
        "checklist": "/" + routes.page_url(sheet.src),
        "conference pack": "/" + routes.page_url(pack.src),
        "calculator": "/calculator/",
        "about": "/about/",
    }


@pytest.fixture(scope="session", autouse=True)
def _axe_present():
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run 'npm ci' in the project folder (make test does)", pytrace=False)


@pytest.fixture
def phone(browser, server):
    """A page on a phone (390x844, touch), recording script errors and any request to another host in
    `page.errors`; downloads allowed (the calendar file)."""
    context = browser.new_context(base_url=server, viewport=PHONE, has_touch=True, is_mobile=True, accept_downloads=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(server)
          and pg.errors.append(f"request to another host: {r.url}"))
    yield pg
    context.close()


# --- The same site built with Zensical (MAINTAINERS.md, "Building with Zensical") ---------------------

@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The site built once per session with Zensical, for the tests that check it as well."""
    env = dict(os.environ, CPGUIDE_TODAY=SITE_TODAY)
    env.pop("CPGUIDE_OFFLINE", None)
    return build_with_zensical(tmp_path_factory.mktemp("zensical") / "project", env)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def zensical_server(zensical_site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(zensical_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def zensical_page(browser, zensical_server):
    """As `page`, on the Zensical build: a fresh context recording console errors and other hosts."""
    context = browser.new_context(base_url=zensical_server)
    yield recording_page(context, zensical_server)
    context.close()


@pytest.fixture(params=["mkdocs", "zensical"])
def built_page(request):
    """`page` on each build in turn: MkDocs with the hooks, then Zensical. `page.engine` says which."""
    pg = request.getfixturevalue("page" if request.param == "mkdocs" else "zensical_page")
    pg.engine = request.param
    return pg
