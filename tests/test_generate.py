"""`cpguide generate --out DIR`: the site as a plain MkDocs project, without hooks, that builds strictly
into the same pages as the normal build; links MkDocs cannot check there are checked by cpguide."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import SITE_TODAY
from cpguide.cli import main
from cpguide.site import routes

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
TOC = re.compile(r'<nav class="md-nav md-nav--secondary"[^>]*>(.*?)</nav>', re.S)


def _project(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("project") / "site-project"
    os.environ["CPGUIDE_TODAY"] = SITE_TODAY  # as the normal build of conftest.site_dir
    try:
        assert main(["generate", "--out", str(out)]) == 0
    finally:
        del os.environ["CPGUIDE_TODAY"]
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return _project(tmp_path_factory)


@pytest.fixture(scope="module")
def project_site(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("project-site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CPGUIDE_TODAY=SITE_TODAY)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"mkdocs build --strict of the generated project failed:\n{result.stderr[-3000:]}"
    return out


def test_the_project_is_plain_mkdocs_without_hooks(project):
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    assert "hooks" not in config and "watch" not in config
    assert not list(project.rglob("*.py")), "no Python in the project"
    nav = yaml.safe_dump(config["nav"])
    assert "(generated pages)" not in nav and "glossary.md" in nav and "calculator/index.md" in nav
    abbr = next(e for e in config["markdown_extensions"] if isinstance(e, dict) and "abbr" in e)
    assert abbr["abbr"]["glossary"]["ICPC"] == "Initial Child Protection Conference"
    index = (project / "docs" / "index.md").read_text(encoding="utf-8")
    assert "cpguide:" not in index, "markers in hand-written pages are expanded"
    for asset in ("data/calculator/words.json", "assets/js/calculator.mjs", "overrides/main.html"):
        assert (project / "docs" / asset).is_file(), asset


def test_every_page_is_the_same_as_in_the_normal_build(site_dir, project_site, content):
    """Each page's article and table of contents, whitespace between blocks aside."""
    pages = sorted(p.relative_to(site_dir) for p in site_dir.rglob("index.html"))
    assert len(pages) > 10
    assert {p.relative_to(project_site) for p in project_site.rglob("index.html")} == set(pages)
    differ = []
    for rel in pages:
        normal, generated = ((d / rel).read_text(encoding="utf-8") for d in (site_dir, project_site))
        if _article(normal) != _article(generated) or _toc(normal) != _toc(generated):
            differ.append(str(rel))
    assert not differ, f"{len(differ)} pages differ, e.g. {differ[:5]}"
    # the table of contents of a page written as HTML is there, not only equally empty
    town = next((a for a in content.local_authorities if a.agendas), None)
    if town is not None:
        section = town.agendas[0]["sections"][0]["id"]
        assert f'href="#{section}"' in _toc((project_site / routes.output_path(f"{town.id}/agenda.md")).read_text(encoding="utf-8"))


def _article(page: str) -> str:
    match = ARTICLE.search(page)
    assert match, "no article"
    return re.sub(r"\n\s*\n", "\n", match.group(1))


def _toc(page: str) -> str:
    match = TOC.search(page)
    return re.sub(r"\s+", " ", match.group(1)) if match else ""


def test_a_broken_link_in_a_page_written_as_html_stops_generate(tmp_path, monkeypatch, capsys):
    """MkDocs does not check links inside raw HTML: cpguide does, and writes nothing."""
    import cpguide.site as site
    from cpguide.site.html import Abbreviations, HtmlWriter
    from cpguide.site.model import Page

    real = site.build_site

    def with_broken_links(content, version="dev", links="urls"):
        build = real(content, version, links)
        w = HtmlWriter("some-town/agenda.md", routes.relative_url, Abbreviations({}))
        body = w.body([w.heading(1, "Broken"), w.paragraph(w.a("gone", "some-town/nowhere.md")
                                                           + w.a("no anchor", "glossary.md", "no-such-term")
                                                           + w.a("fine", "glossary.md"))])
        build.pages.append(Page("broken/page.md", "Broken", "", ("Broken",), html=body))
        return build

    monkeypatch.setattr(site, "build_site", with_broken_links)
    out = tmp_path / "out"
    assert main(["generate", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "broken/page.md: link to 'some-town/nowhere.md', which is not a page or file" in err
    assert "broken/page.md: link to 'glossary.md#no-such-term', which has no such anchor" in err
    assert "'glossary.md'," not in err and "nothing was written" in err
    assert not out.exists()


def test_links_as_served_or_to_source_files(project, tmp_path, content):
    """MkDocs leaves links in raw HTML as they are: by default they are the URLs it serves. Zensical rewrites
    them as it rewrites Markdown links: `--links sources` writes them to the source files."""
    town = content.local_authorities[0].id
    assert 'href="../checklists/"' in (project / "docs" / town / "chairs.md").read_text(encoding="utf-8")
    out = tmp_path / "for-zensical"
    assert main(["generate", "--out", str(out), "--links", "sources"]) == 0
    page = (out / "docs" / town / "chairs.md").read_text(encoding="utf-8")
    assert 'href="checklists/index.md"' in page and 'href="../checklists/"' not in page


def test_a_folder_not_written_by_generate_is_left_alone(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["generate", "--out", str(tmp_path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


class _EnvLoader(yaml.SafeLoader):
    pass


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))
