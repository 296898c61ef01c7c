"""CONTRIBUTING.md's walkthrough, as a test: in a copy of the repository, a maintainer adds an authority
from a source (tests/fixtures/walkthrough, a made-up council) using only the commands and files
CONTRIBUTING names — `cpguide new-authority`, the source file, sources/sources.yml, the two YAML
files, examples.yml, `cpguide sources-readme`, `cpguide validate`, `cpguide coverage` and
`make preview-build` — and nothing else. Then the pages exist and say nothing false about what the
folder holds, and a session of the suite's data-driven tests (content, both deadline engines
against its hand-worked examples, the parents' page, the parents' calculator in a real browser)
passes on that content, with no test changed.

(The copy runs its commands with this checkout's virtual environment; CPGUIDE_CONTENT stands for
"the content of the clone you are in", which is what a maintainer's own checkout gives them.)

Why a session of selected modules and not the whole suite: the whole suite, browser tests included,
takes most of CI's time on its own. The suite is data-driven instead (no test names an authority;
the deadline and calculator tests take every authority's examples.yml), and this session proves it
on an authority no test has heard of; tests/test_smallest_authority.py does the same for the
smallest (two-file) authority with the content and build tests.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "walkthrough"
ID, NAME = "exampleshire", "Exampleshire County Council"
SOURCE = "exampleshire-timescales.txt"
URL = "https://www.example.org/exampleshire/child-protection-conferences"
# The suite's data-driven modules run on the new authority's content (see the module's docstring).
SESSION = ["tests/deadlines/test_deadlines_examples.py", "tests/test_parents_page.py",
           "tests/browser/test_parents_calculator.py"]

AUTHORITY_DOCUMENT = f"""  - id: ex-timescales
    file: {SOURCE}
    title: "Child protection conferences: timescales"
    publisher: "{NAME}"
    date: not given
    url: "{URL}"
    retrieved: "2026-12-06"
    extent: partial
    missing: "Only the timescales of the page; the rest was not read."
    copy: summary
"""

RULES = """rules:
  - id: ex-reports-to-family-icpc
    kind: reports-to-family
    label: Reports shared with the family
    conference_types: [icpc]
    amount: 2
    unit: working_days
    direction: before
    limit: at-least
    from: conference
    responsible: [professionals]
    audiences: [parents, professionals]
    text: "Reports are shared with the family at least 2 working days before an initial conference and 5 working days before a review conference."
    span: "at least 2 working days before an initial conference"
    source: {document: ex-timescales, section: "Timescales"}
  - id: ex-reports-to-family-rcpc
    kind: reports-to-family
    label: Reports shared with the family
    conference_types: [rcpc]
    amount: 5
    unit: working_days
    direction: before
    limit: at-least
    from: conference
    responsible: [professionals]
    audiences: [parents, professionals]
    text: "Reports are shared with the family at least 2 working days before an initial conference and 5 working days before a review conference."
    span: "5 working days before a review conference"
    source: {document: ex-timescales, section: "Timescales"}
  - id: ex-minutes-circulated
    kind: minutes-circulated
    label: Minutes sent out
    conference_types: [icpc, rcpc]
    amount: 20
    unit: working_days
    direction: after
    limit: within
    from: conference
    responsible: [chair]
    audiences: [parents, professionals]
    text: "The minutes are sent out within 20 working days of the conference."
    source: {document: ex-timescales, section: "Timescales"}
"""

# Worked out by hand with a calendar of England's bank holidays (Good Friday 26 March, Easter Monday
# 29 March and the Spring Bank Holiday 31 May 2027), not with cpguide.
EXAMPLES = """# yaml-language-server: $schema=../../schema/examples.schema.json
examples:
  - id: ex-example-icpc-easter-2027
    conference: icpc
    date: "2027-03-30"
    time: "10:00"
    worked_by: "cpguide maintainers"
    worked_on: "2026-12-06"
    expect:
      - rule: ex-reports-to-family-icpc
        date: "2027-03-24"
        working: "2 working days before Tuesday 30 March: Monday 29 is Easter Monday, Friday 26 Good Friday; Thursday 25 (1), Wednesday 24 (2)."
      - rule: ex-minutes-circulated
        date: "2027-04-27"
        working: "20 working days after Tuesday 30 March: 31 Mar, 1-2 Apr (3), 5-9 (8), 12-16 (13), 19-23 (18), 26 (19), 27 (20)."
  - id: ex-example-rcpc-june-2027
    conference: rcpc
    date: "2027-06-01"
    time: "10:00"
    worked_by: "cpguide maintainers"
    worked_on: "2026-12-06"
    expect:
      - rule: ex-reports-to-family-rcpc
        date: "2027-05-24"
        working: "5 working days before Tuesday 1 June: 31 May is the Spring Bank Holiday; 28 (1), 27 (2), 26 (3), 25 (4), Monday 24 May (5)."
"""


def _ignore(folder, names):
    return {n for n in names if n in {".venv", "node_modules", ".git", "site", "build", ".pytest_cache", "__pycache__"}}


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A copy of the repository as a maintainer has it (node_modules shared: it is only installed)."""
    out = tmp_path_factory.mktemp("walkthrough") / "cpguide"
    shutil.copytree(ROOT, out, ignore=_ignore)
    (out / "node_modules").symlink_to(ROOT / "node_modules")
    return out


def _env(clone: Path, **more) -> dict:
    return {**os.environ, "CPGUIDE_CONTENT": str(clone / "checklists"), "NO_MKDOCS_2_WARNING": "1", **more}


def _cpguide(clone: Path, *args: str) -> subprocess.CompletedProcess:
    """`.venv/bin/cpguide …` run in the clone."""
    return subprocess.run([str(ROOT / ".venv" / "bin" / "cpguide"), *args], cwd=clone, env=_env(clone),
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def added(clone) -> Path:
    """The walkthrough's steps, in CONTRIBUTING's order."""
    # 1. Start the folder.
    result = _cpguide(clone, "new-authority", ID, "--name", NAME, "--region", "South West", "--prefix", "ex")
    assert result.returncode == 0, result.stderr
    folder = clone / "checklists" / ID
    # 2. The source text in sources/, listed in sources/sources.yml.
    shutil.copyfile(FIXTURE / SOURCE, clone / "sources" / SOURCE)
    listing = (clone / "sources" / "sources.yml").read_text(encoding="utf-8")
    (clone / "sources" / "sources.yml").write_text(listing.replace("sources:\n", f"sources:\n  - file: {SOURCE}\n"
                                                                   f"    authority: {ID}\n    what: \"Maintainer's summary "
                                                                   "of the council's page on conference timescales\"\n"
                                                                   "    date: not given\n", 1), encoding="utf-8")
    # 3. The document in authority.yml (the scaffold's example document replaced).
    authority = (folder / "authority.yml").read_text(encoding="utf-8")
    start = authority.index("  - id: ex-procedures")
    (folder / "authority.yml").write_text(authority[:start] + AUTHORITY_DOCUMENT, encoding="utf-8")
    # 4. One rule per timing (a span for each of the sentence's two timings).
    timescales = (folder / "timescales.yml").read_text(encoding="utf-8")
    (folder / "timescales.yml").write_text(timescales.replace("rules: []\n", RULES), encoding="utf-8")
    # 5. A conference worked out by hand.
    (folder / "examples.yml").write_text(EXAMPLES, encoding="utf-8")
    # 6. The sources README's table.
    assert _cpguide(clone, "sources-readme").returncode == 0
    return folder


def test_validate_and_coverage_pass(clone, added):
    result = _cpguide(clone, "validate")
    assert result.returncode == 0, result.stderr
    assert f"checklists/{ID} has no examples.yml" not in result.stdout
    coverage = _cpguide(clone, "coverage", "--source", SOURCE)
    assert coverage.returncode == 0 and "(100.0%)" in coverage.stdout, coverage.stdout + coverage.stderr
    assert _cpguide(clone, "sources-readme", "--check").returncode == 0


def test_a_swapped_timing_is_refused_with_file_and_line(clone, added):
    rules = added / "timescales.yml"
    good = rules.read_text(encoding="utf-8")
    try:
        rules.write_text(good.replace("amount: 2\n", "amount: 5\n", 1), encoding="utf-8")
        result = _cpguide(clone, "validate")
        assert result.returncode == 2
        assert f"checklists/{ID}/timescales.yml:" in result.stderr and "but its span states 2 working days" in result.stderr
    finally:
        rules.write_text(good, encoding="utf-8")


@pytest.fixture(scope="module")
def preview(clone, added) -> Path:
    """`make preview-build AUTHORITY=…`: the authority and the national framework, built once."""
    venv = ROOT / ".venv"
    # -o: this checkout's environment and node_modules count as installed (make must never re-create
    # or re-point them from the copy; a maintainer's own clone has its own)
    result = subprocess.run(["make", "preview-build", f"AUTHORITY={ID}", f"VENV={venv}", "-o", f"{venv}/.installed",
                             "-o", "node_modules/.installed"], cwd=clone,
                            env={k: v for k, v in os.environ.items() if k not in ("CPGUIDE_CONTENT", "CPGUIDE_AUTHORITIES")},
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return clone / "build" / "preview"


def test_its_pages_exist_and_say_nothing_false(clone, preview):
    from cpguide.family import questions_data
    from cpguide.gate import valid_content

    content = valid_content(clone / "checklists")
    at = lambda page: preview / ID / ("" if page == "index" else page) / "index.html"  # noqa: E731
    for page in ("index", "parents", "professionals", "timescales"):
        assert at(page).exists(), page
    assert not (preview / ID / "agenda").exists()  # no page it has no content for
    others = [p.name for p in preview.iterdir() if (clone / "checklists" / p.name).is_dir() and p.name not in (ID, "national")]
    assert not others, f"built other authorities too: {others}"
    parents = html.unescape((preview / ID / "parents" / "index.html").read_text(encoding="utf-8"))
    # the reports question is answered from its rules: never "the papers do not say"
    reports = next(q for q in questions_data(content)["questions"] if q["anchor"] == "reports")
    section = parents[parents.index('<h2 id="reports"'):parents.index("<h2", parents.index('<h2 id="reports"') + 1)]
    assert not [p for p in reports["when_silent"] if p in section]
    assert "at least 2 working days before" in section and "5 working days before" in section
    # a summary says so, with the day it was read and the council's page
    for page in ("index", "parents", "timescales"):
        text = html.unescape(at(page).read_text(encoding="utf-8"))
        assert "sums up the council's public pages as we read them on 6 December 2026" in text, page
        assert f'href="{URL}"' in text and "quoted word for word" not in text, page


def test_the_suites_data_driven_tests_pass_on_it(clone, added, preview):
    """Selected modules of the suite, unchanged, on the clone's content, with only Exampleshire and
    the national framework chosen (CPGUIDE_AUTHORITIES, as `make preview` uses it: the session's site
    stays small)."""
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SESSION], cwd=ROOT,
                            capture_output=True, text=True, env=_env(clone, CPGUIDE_AUTHORITIES=ID), timeout=1500)
    assert result.returncode == 0, result.stdout[-4000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
    assert "ex-example-icpc-easter-2027" in subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider", SESSION[0]], cwd=ROOT,
        capture_output=True, text=True, env=_env(clone, CPGUIDE_AUTHORITIES=ID)).stdout, "its examples were not run"


TWO_FILES_ID = "twofold"
TWO_FILES_SOURCE = "twofold-minutes.txt"


def test_a_two_file_authority_passes_the_same_session(clone, added):
    """The smallest folder CONTRIBUTING allows: authority.yml and timescales.yml from a summary, no
    examples.yml (validate notes it), no family.yml (no parents' checklist: the families' pages test
    visits only what exists), through the same session plus the families' pages in a real browser."""
    assert _cpguide(clone, "new-authority", TWO_FILES_ID, "--name", "Twofold Borough Council", "--region", "North West",
                    "--prefix", "tw").returncode == 0
    folder = clone / "checklists" / TWO_FILES_ID
    (clone / "sources" / TWO_FILES_SOURCE).write_text("The minutes are sent out within 15 working days of the conference.\n",
                                                     encoding="utf-8")
    listing = (clone / "sources" / "sources.yml").read_text(encoding="utf-8")
    (clone / "sources" / "sources.yml").write_text(listing.replace("sources:\n", f"sources:\n  - file: {TWO_FILES_SOURCE}\n"
                                                                   f"    authority: {TWO_FILES_ID}\n    what: \"Maintainer's "
                                                                   "summary of the minutes' timescale\"\n    date: not given\n", 1),
                                                   encoding="utf-8")
    authority = (folder / "authority.yml").read_text(encoding="utf-8")
    start = authority.index("  - id: tw-procedures")
    (folder / "authority.yml").write_text(authority[:start] + AUTHORITY_DOCUMENT.replace("ex-timescales", "tw-minutes").replace(
        SOURCE, TWO_FILES_SOURCE).replace(NAME, "Twofold Borough Council"), encoding="utf-8")
    rules = RULES[RULES.index("  - id: ex-minutes-circulated"):].replace("ex-", "tw-").replace("amount: 20", "amount: 15").replace(
        "within 20 working days", "within 15 working days").replace("document: tw-timescales", "document: tw-minutes")
    timescales = (folder / "timescales.yml").read_text(encoding="utf-8")
    (folder / "timescales.yml").write_text(timescales.replace("rules: []\n", "rules:\n" + rules), encoding="utf-8")
    assert _cpguide(clone, "sources-readme").returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["authority.yml", "timescales.yml"]
    result = _cpguide(clone, "validate")
    assert result.returncode == 0, result.stderr
    assert f"note: checklists/{TWO_FILES_ID} has no examples.yml" in result.stdout
    session = SESSION + ["tests/browser/test_family.py::test_family_pages_are_accessible_at_phone_size"]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *session], cwd=ROOT,
                         capture_output=True, text=True, env=_env(clone, CPGUIDE_AUTHORITIES=TWO_FILES_ID), timeout=1500)
    assert run.returncode == 0, run.stdout[-4000:]
    assert " passed" in run.stdout and " failed" not in run.stdout
