"""The MkDocs adapter for pages written as HTML: MkDocs gets their content, table of contents and
anchors as they are, and checks their links as it checks a Markdown page's (a strict build fails)."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from cpguide.site.html import Abbreviations, HtmlWriter
from cpguide.site.model import SiteContext

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def hooks():
    spec = importlib.util.spec_from_file_location("cpguide_hooks_under_test", ROOT / "hooks" / "cpguide_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def written(hooks, config, files: Files, src: str, make):
    w = HtmlWriter(src, SiteContext.url, Abbreviations({}))
    body = w.body(make(w), {"title": "Full title"})
    file = File(src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    files.append(file)
    return hooks.WrittenPage("Short", file, config, body)


def rendered(page, config, files):
    page.read_source(config)
    page.render(config, files)
    return page


def test_content_toc_anchors_and_title_reach_mkdocs(hooks, config):
    files = Files([])
    page = written(hooks, config, files, "town/agenda.md", lambda w: [
        w.heading(1, "Agenda"), w.heading(2, "One", "s1"), w.heading(3, "Two"), w.heading(2, "Three", "s3"),
        w.bullets([w.item(["a prompt"], "p1")])])
    rendered(page, config, files)
    assert page.content.startswith('<h1 id="agenda">Agenda')
    assert page.meta["title"] == "Full title" and page.title == "Short"
    [top] = list(page.toc)
    assert [(c.id, c.title, [g.id for g in c.children]) for c in top.children] == [("s1", "One", ["two"]), ("s3", "Three", [])]
    assert page.present_anchor_ids == {"agenda", "s1", "two", "s3", "p1"}


def test_a_link_to_a_missing_page_or_anchor_is_reported(hooks, config, caplog):
    files = Files([])
    target = written(hooks, config, files, "town/timescales.md", lambda w: [w.heading(2, "Rule", "x-rule")])
    page = written(hooks, config, files, "town/agenda.md", lambda w: [w.paragraph(
        w.a("fine", "town/timescales.md", "x-rule") + w.a("no anchor", "town/timescales.md", "x-gone")
        + w.a("no page", "town/nowhere.md", "x"))])
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        rendered(target, config, files)
        rendered(page, config, files)
        page.validate_anchor_links(files=files, log_level=logging.WARNING)
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert "'town/nowhere.md' which is not found" in messages
    assert "does not contain an anchor '#x-gone'" in messages
    assert "x-rule'" not in messages
