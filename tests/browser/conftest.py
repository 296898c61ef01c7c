"""Helpers for the real-browser tests: which page shows each template, waiting for scripts, axe-core.

The browser, the built site and the local server come from tests/conftest.py (one of each per
session). Page addresses are picked from the real content, so the tests follow the content as it
grows instead of naming pages copied from the code.
"""

from __future__ import annotations

import pytest

from cpguide.site import routes

from .browser_helpers import AXE, PHONE


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
