"""The smallest authority works: only authority.yml and timescales.yml, from a maintainer's summary
(tests/fixtures/smallest), added to the real content. It validates, is 100% covered, builds strictly,
passes the suite's content and build tests, gets no page it has no content for (and nothing links
to one), and still has a page for families at reading grade 6 or lower."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "smallest"
ID = "small-town"
MISSING = ("agenda", "standards", "statements", "disagreements")
# The suite's tests of content and of the built site (the browser tests run on the real content).
SUITE = ["tests/test_content.py", "tests/test_consistency.py", "tests/test_family_readability.py",
         "tests/test_build.py", "tests/test_checklists.py", "tests/test_render.py", "tests/test_checks.py",
         "tests/deadlines/test_deadlines_content.py", "tests/test_prepare.py"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("smallest")
    shutil.copytree(ROOT / "checklists", out / "checklists")
    shutil.copytree(ROOT / "sources", out / "sources")
    shutil.copytree(FIXTURE / "checklists" / ID, out / "checklists" / ID)
    for source in (FIXTURE / "sources").iterdir():
        shutil.copyfile(source, out / "sources" / source.name)
    assert sorted(p.name for p in (out / "checklists" / ID).iterdir()) == ["authority.yml", "timescales.yml"]
    # as CONTRIBUTING says: the source listed in sources.yml, then the README's table written again
    with (out / "sources" / "sources.yml").open(encoding="utf-8") as f:
        listing = f.read()
    (out / "sources" / "sources.yml").write_text(listing.replace("sources:\n", "sources:\n  - file: small-town-timescales.txt\n"
                                                                 f"    authority: {ID}\n    what: \"Maintainer's summary of the "
                                                                 "timescales\"\n    date: not given\n", 1), encoding="utf-8")
    assert _cpguide(out, "sources-readme").returncode == 0
    return out


def _env(tree: Path, **more) -> dict:
    return {**os.environ, "CPGUIDE_CONTENT": str(tree / "checklists"), "NO_MKDOCS_2_WARNING": "1", **more}


@pytest.fixture(scope="module")
def built(tree, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("smallest-site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=_env(tree))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _cpguide(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tree / "checklists"), *args],
                          capture_output=True, text=True)


def test_it_validates_and_its_source_is_kept_completely(tree):
    assert _cpguide(tree, "validate").returncode == 0
    result = _cpguide(tree, "coverage", "--source", "small-town-timescales.txt")
    assert result.returncode == 0 and "(100.0%)" in result.stdout, result.stdout


def test_pages_it_has_no_content_for_are_not_built_nor_linked(built):
    assert (built / ID / "index.html").exists() and (built / ID / "timescales" / "index.html").exists()
    for page in MISSING:
        assert not (built / ID / page).exists(), page
    links = re.compile(rf'href="[^"]*\b{ID}/({"|".join(MISSING)})\b')
    offenders = [str(p.relative_to(built)) for p in built.rglob("*.html") if links.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders
    for page in (built / ID).rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "agenda and standards pages" not in text and "agenda page" not in text, page


def test_its_source_is_shown_as_a_summary_not_word_for_word(built):
    html = (built / ID / "timescales" / "index.html").read_text(encoding="utf-8")
    assert "Child protection conference timescales (summary)</strong> (summarised here)" in html
    assert "quoted word for word" not in html


def test_its_family_page_reads_at_grade_6_or_lower(built):
    from test_family_readability import MAX_GRADE, _own_text, grade

    text = _own_text((built / ID / "parents" / "index.html").read_text(encoding="utf-8"))
    assert len(text.split()) > 100
    assert grade(text) <= MAX_GRADE


def test_its_family_page_answers_from_its_rules_where_it_has_no_family_topics(tree, built):
    """Small Town has no family.yml, but its timescales give the reports (reviews only), the plan and the
    minutes: its page for parents gives those in plain words, the rule's source one tap away, and
    never says its papers are silent on them."""
    from test_parents_page import silent_where_rules_answer

    from cpguide.gate import valid_content

    content = valid_content(tree / "checklists")
    page = (built / ID / "parents" / "index.html").read_text(encoding="utf-8")
    assert not silent_where_rules_answer(content, content.authorities[ID], page)
    text = html.unescape(page)
    reports = text[text.index('<h2 id="reports"'):text.index("<h2", text.index('<h2 id="reports"') + 1)]
    assert "should give you the reports at least 5 working days before the conference." in reports
    assert "This part is about a review meeting." in reports
    rule = next(r for r in content.authorities[ID].rules if r["id"] == "st-reports-to-family-rcpc")
    quote = re.search(r'<details class="quote">.*?</details>', reports, re.S)
    assert quote and rule["text"] in quote[0] and "<blockquote>" in quote[0]


def test_the_suite_passes_with_it(tree, built):
    """The content and build tests, run against this content and this site (tests/conftest.py reads
    CPGUIDE_CONTENT and CPGUIDE_BUILT_SITE)."""
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUITE], cwd=ROOT,
                            capture_output=True, text=True, env=_env(tree, CPGUIDE_BUILT_SITE=str(built)))
    assert result.returncode == 0, result.stdout[-4000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
