"""Every example of every component (cpguide/site/components/<name>/examples.yml) in Chromium, as a person
uses it: each example's markup in a small page with the component's styles and the site's own loader
(assets/js/cpguide.js, which mounts the component's script as on the site), then the example's `browser`
steps; no script error, no request to another host, and axe-core finds no violation, before and after.

The pages are served from a folder holding the site's assets (docs/assets), what the build adds for the
components, docs/exit.html and the calculator's data made from the good fixture (tests/fixtures/good:
Test Town Council, `test-town`): no site build is needed. Each page's article ends with the paragraph
"A page to read." (what Listen reads, for example).

An example may also give the page's wording for its scripts (`notices`), what localStorage holds before
the page opens (`stored`), other files the site serves (`files`) and a script run before the page's own
(`init_script`). Other files that hold `data-pagefind-body` are indexed with Pagefind, for the search box; `page_before` is
markup the theme puts before the component (Material's toggle, the danger line). A component whose
examples.yml says `markdown: true` gives Markdown with HTML blocks: the page gets it through the site's
Markdown extensions (mkdocs.yml), as MkDocs would.
Steps (one key each): click, press (keys), fill ({role, name} or {label}, and text: cleared, then typed as a
person types), date ({label, value}: a date or time box as its picker fills it), select ({role, name, value}),
check ({label}),
reload, see / hidden (an element by role and name), attribute ([element, name, value]), expect (a script
expression that must become true), url_ends (the address the page has gone to).
"""

from __future__ import annotations

import html
import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cpguide.deadlines.export import calculator_data
from cpguide.gate import valid_content
from cpguide.site import components
from cpguide.site.calculator import DATA_DIR
from good_tree import GOOD
from test_templates import site_markdown
from component_examples import every_example, render

from .browser_helpers import ROOT, describe_violations, run_axe

EXAMPLES = every_example()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _page(example) -> str:
    styles = example.styles + [f"assets/css/{example.component}.css"]
    links = "".join(f'<link rel="stylesheet" href="/{s}">' for s in styles)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(example.id)}</title>{links}{_notices(example)}</head><body><main><article class=\"md-typeset\">"
            f"<h1>{html.escape(example.id)}</h1>\n{example.page_before}{_html(example)}\n<p>A page to read.</p></article></main>"
            f'<script src="/assets/js/cpguide.js"></script></body></html>')


def _html(example) -> str:
    """The example's markup as the browser gets it: through the site's Markdown when it is Markdown."""
    return site_markdown(render(example)) if example.markdown else render(example)


def _notices(example) -> str:
    if not example.notices:
        return ""
    text = json.dumps(example.notices).replace("<", "\\u003c")
    return f'<script type="application/json" id="cp-notices">{text}</script>'


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("components")
    shutil.copytree(ROOT / "docs" / "assets", folder / "assets")
    shutil.copy(ROOT / "docs" / "exit.html", folder / "exit.html")
    for path, text in components.served():
        (folder / path).write_text(text, encoding="utf-8")
    _calculator_data(folder / DATA_DIR)
    for example in EXAMPLES:
        (folder / f"{example.component}-{example.number}.html").write_text(_page(example), encoding="utf-8")
        for path, data in example.files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    if any(b"data-pagefind-body" in p.read_bytes() for p in folder.rglob("*.html")):  # pages to search
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--quiet"], check=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a, **kw: _Quiet(*a, directory=str(folder), **kw))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _calculator_data(folder: Path) -> None:
    """What the build writes under data/calculator/ (calculator.generate), for the good fixture."""
    data = calculator_data(valid_content(GOOD / "checklists"))
    folder.mkdir(parents=True)
    files = {"bank-holidays.json": data["bank_holidays"], "words.json": data["words"],
             **{f"{aid}.json": rules for aid, rules in data["authorities"].items()}}
    for name, value in files.items():
        (folder / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _element(page, spec):
    return page.get_by_role(spec["role"], name=spec["name"], exact=True)


def _step(page, step: dict, base: str) -> None:
    (key, value), = step.items()
    if key == "click":
        _element(page, value).click()
    elif key == "press":
        for k in value:
            page.keyboard.press(k)
    elif key == "fill":  # what was there is cleared, then the text typed key by key
        box = _element(page, value) if "role" in value else page.get_by_label(value["label"], exact=True)
        box.fill("")
        box.press_sequentially(value["text"], delay=20)
    elif key == "date":  # a date or time box, filled as its own picker fills it (typed, its order follows the locale)
        page.get_by_label(value["label"], exact=True).fill(value["value"])
    elif key == "select":
        _element(page, value).select_option(value["value"])
    elif key == "check":
        page.get_by_label(value["label"], exact=True).check(force=True)
    elif key == "reload":
        page.reload()
        _ready(page)
    elif key == "see":
        _element(page, value).wait_for(state="visible", timeout=5_000)
    elif key == "hidden":  # there, and not shown
        there = page.get_by_role(value["role"], name=value["name"], exact=True, include_hidden=True)
        assert there.count() >= 1, f"no {value} on the page, shown or not"
        there.first.wait_for(state="hidden", timeout=5_000)
    elif key == "attribute":
        spec, name, expected = value
        assert _element(page, spec).get_attribute(name) == expected
    elif key == "expect":
        page.wait_for_function(value, timeout=5_000)
    elif key == "url_ends":
        page.wait_for_url(lambda url: url.endswith(value), timeout=5_000)
    else:
        raise AssertionError(f"unknown browser step {key!r}")


def _ready(page) -> None:
    """cpguide.js has mounted everything on the page (the last flag it sets)."""
    page.wait_for_function("() => window.__pickerReady === location.pathname && "
                           "(!document.querySelector('[data-cpguide-family]') || window.__familyReady === location.pathname)",
                           timeout=10_000)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example_in_a_browser(browser, example_server, example):
    context = browser.new_context(base_url=example_server)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    said = []
    page.on("console", lambda m: said.append(m.text))
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(example_server)
            and errors.append(f"request to another host: {r.url}"))
    if example.init_script:
        page.add_init_script(example.init_script)
    address = f"/{example.component}-{example.number}.html"
    try:
        page.goto(address)
        if example.stored:  # what the reader chose before, then the page as they open it
            page.evaluate("items => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))",
                          {k: v if isinstance(v, str) else json.dumps(v) for k, v in example.stored.items()})
            page.reload()
        _ready(page)
        violations = run_axe(page)
        assert not violations, describe_violations(violations)
        for number, step in enumerate(example.browser, start=1):
            try:
                _step(page, step, example_server)
            except Exception as exc:  # noqa: BLE001 - which step, in the example's words
                shown = page.evaluate("() => document.querySelector('article').innerText.slice(0, 600)")
                raise AssertionError(f"{example.id}, step {number} {step}: {str(exc).splitlines()[0]}\n"
                                     f"at {page.url}, the page shows: {shown}\nconsole: {said}") from exc
        if page.url.endswith(address):  # still on the example: as it is after the steps
            violations = run_axe(page)
            assert not violations, describe_violations(violations)
        assert not errors, errors
    finally:
        context.close()
