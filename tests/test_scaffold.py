"""`cpguide new-authority` starts a folder that validates, and refuses what would not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

GOOD = Path(__file__).parent / "fixtures" / "good"


def cpguide(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tree / "checklists"), *args],
                          capture_output=True, text=True)


def test_a_new_authority_validates_as_written(tmp_path):
    tree = tmp_path / "good"
    shutil.copytree(GOOD, tree)
    result = cpguide(tree, "new-authority", "north-somerset", "--name", "North Somerset Council", "--region", "South West")
    assert result.returncode == 0, result.stderr
    folder = tree / "checklists" / "north-somerset"
    assert sorted(p.name for p in folder.iterdir()) == ["authority.yml", "timescales.yml"]
    authority = (folder / "authority.yml").read_text(encoding="utf-8")
    assert 'name: "North Somerset Council"' in authority and 'region: "South West"' in authority
    assert "id: ns-procedures" in authority and "# next_review:" in authority
    assert cpguide(tree, "validate").returncode == 0
    from cpguide.gate import valid_content

    content = valid_content(tree / "checklists")
    assert content.authorities["north-somerset"].meta["region"] == "South West"


def test_it_refuses_a_bad_id_an_existing_folder_and_an_unknown_region(tmp_path):
    tree = tmp_path / "good"
    shutil.copytree(GOOD, tree)
    bad_id = cpguide(tree, "new-authority", "North_Somerset", "--name", "N", "--region", "South West")
    assert bad_id.returncode == 2 and "not a valid id" in bad_id.stderr
    exists = cpguide(tree, "new-authority", "test-town", "--name", "N", "--region", "South West")
    assert exists.returncode == 2 and "already exists" in exists.stderr
    region = cpguide(tree, "new-authority", "wessex", "--name", "N", "--region", "Wessex")
    assert region.returncode == 2 and "South West" in region.stderr
    assert not (tree / "checklists" / "wessex").exists() and not (tree / "checklists" / "North_Somerset").exists()


def test_a_new_authority_builds_before_it_has_any_rule(tmp_path):
    """Straight after new-authority the site builds strictly: no page links to a timescales page it lacks."""
    import os

    tree = tmp_path / "good"
    shutil.copytree(GOOD, tree)
    assert cpguide(tree, "new-authority", "north-somerset", "--name", "North Somerset Council",
                   "--region", "South West").returncode == 0
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True,
                            env={**os.environ, "CPGUIDE_CONTENT": str(tree / "checklists"), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (out / "north-somerset" / "index.html").exists()
    assert not (out / "north-somerset" / "timescales").exists()
    calculator = (out / "calculator" / "index.html").read_text(encoding="utf-8")
    assert "North Somerset Council: no timescale rules yet" in calculator


def test_the_contributing_walkthrough_from_a_summary(tmp_path):
    """CONTRIBUTING's walkthrough, step by step, on a copy of the real content: three files, then
    coverage 100% and validate pass."""
    root = Path(__file__).resolve().parent.parent
    tree = tmp_path / "repo"
    shutil.copytree(root / "checklists", tree / "checklists")
    shutil.copytree(root / "sources", tree / "sources")
    assert cpguide(tree, "new-authority", "north-somerset", "--name", "North Somerset Council",
                   "--region", "South West").returncode == 0
    (tree / "sources" / "north-somerset-timescales.txt").write_text(
        "Reports are shared with the family at least 5 working days before a review conference.\n"
        "The minutes are sent out within 20 working days of the conference.\n", encoding="utf-8")
    authority = tree / "checklists" / "north-somerset" / "authority.yml"
    text = authority.read_text(encoding="utf-8")
    text = text.replace("  - id: ns-procedures", "  - id: ns-timescales").replace(
        "\"Replace with the document's title\"", '"Child protection conference timescales"').replace(
        "    # file: north-somerset-procedures.txt\n",
        "    file: north-somerset-timescales.txt\n"
        "    url: \"https://www.example.org/north-somerset/timescales\"\n    retrieved: \"2026-12-06\"\n"
        "    extent: partial\n    missing: \"Only the timescales.\"\n").replace(
        "    # copy: summary ", "    copy: summary # ")
    authority.write_text(text, encoding="utf-8")
    rules = tree / "checklists" / "north-somerset" / "timescales.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("rules: []", """rules:
  - id: ns-reports-to-family-rcpc
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
    text: "Reports are shared with the family at least 5 working days before a review conference."
    source: {document: ns-timescales, section: "Timescales"}
  - id: ns-minutes-circulated
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
    source: {document: ns-timescales, section: "Timescales"}
"""), encoding="utf-8")
    coverage = cpguide(tree, "coverage", "--source", "north-somerset-timescales.txt")
    assert coverage.returncode == 0 and "(100.0%)" in coverage.stdout, coverage.stdout + coverage.stderr
    result = cpguide(tree, "validate")
    assert result.returncode == 0, result.stderr
