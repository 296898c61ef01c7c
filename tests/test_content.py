"""The bundled content: valid, complete against its sources, and traceable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cpguide.coverage import coverage, report

ROOT = Path(__file__).resolve().parent.parent


def test_every_authority_folder_loads(content):
    """Every folder of the content is an authority that loaded (nothing skipped), the national one included."""
    assert {p.name for p in content.root.iterdir()} == set(content.authorities)
    assert content.national is not None and content.local_authorities


def test_every_content_file_declares_its_schema(content):
    """The check validate makes (cpguide.checks), and every schema named exists."""
    from cpguide.checks import schema_line_errors

    assert not schema_line_errors(content)
    for authority in content.authorities.values():
        for name in authority.docs:
            assert (ROOT / "schema" / name.replace(".yml", ".schema.json")).exists(), name


def test_every_source_is_kept_completely(content):
    results = coverage(content)
    assert {r.file for r in results} == {p.name for p in content.sources_dir.glob("*.txt")}
    assert all(r.documents for r in results), "every source file must be listed by an authority.yml"
    assert all(r.percent == 100.0 for r in results), report(results)


def test_coverage_command_reports_what_is_missing(content, tmp_path):
    """A new version of a document shows exactly its new statements as not covered."""
    import shutil

    shutil.copytree(ROOT / "checklists", tmp_path / "checklists")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    held = sorted(d["file"] for _, d in content.documents.values() if d.get("file"))
    source = tmp_path / "sources" / held[0]
    source.write_text(source.read_text(encoding="utf-8") + "\n11. The Chair will phone every family the day after.\n",
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tmp_path / "checklists"),
                             "coverage", "--source", source.name], capture_output=True, text=True)
    assert result.returncode == 1
    assert "The Chair will phone every family the day after" in result.stdout
    assert source.name in result.stdout and "%" in result.stdout


def test_every_item_has_provenance(content):
    for entry in content.index.values():
        if entry.type in ("agenda", "guide", "discrepancy", "contact", "standards-set", "fact", "family-topic") \
                or "ref" in entry.item:
            continue
        sources = [entry.item["source"]] if entry.item.get("source") else entry.item.get("sources", [])
        assert sources, f"{entry.id} has no source"
        for s in sources:
            assert s["document"] in content.documents and s["section"].strip(), entry.id


def test_agendas_keep_the_source_numbering_and_flag_what_is_out_of_order(content):
    """A section numbered out of sequence (a source's '10' between 5 and 6) keeps its number, and is
    flagged as an anomaly (validate refuses it unflagged: tests/test_checks.py)."""
    from cpguide.checks import agenda_order_errors

    assert not agenda_order_errors(content)


def test_glossary_covers_the_abbreviations_the_sources_use(content):
    abbreviations = {t.get("abbreviation") for t in content.terms}
    for abbr in ["ICPC", "RCPC", "CPC", "CP", "CIN", "S47", "S20", "SW", "QAAS", "PAMS"]:
        assert abbr in abbreviations, abbr
    terms = " ".join(t["term"].lower() for t in content.terms)
    for term in ["core group", "strategy discussion", "significant harm", "physical abuse", "emotional abuse",
                 "sexual abuse", "neglect", "danger statement", "safety goal", "scaling", "split conference",
                 "advoca", "dissent", "escalation", "legal gateway panel", "mid-way meeting"]:
        assert term in terms, term


def test_validate_command_passes():
    result = subprocess.run([sys.executable, "-m", "cpguide.cli", "validate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_sources_readme_is_written_from_the_data(content):
    """sources/README.md's table and counts are `cpguide sources-readme`'s: never kept by hand."""
    from cpguide.sources_readme import updated

    readme = (content.sources_dir / "README.md").read_text(encoding="utf-8")
    assert updated(readme, content) == readme, "run: .venv/bin/cpguide sources-readme"
    listed = {line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")}
    assert listed == {p.name for p in content.sources_dir.glob("*.txt")}


def test_the_sources_readme_follows_a_new_source(tmp_path):
    import shutil

    from cpguide.gate import valid_content
    from cpguide.sources_readme import generated

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "checklists", tmp_path / "checklists")
    before = generated(valid_content(tmp_path / "checklists"))
    with (tmp_path / "sources" / "sources.yml").open(encoding="utf-8") as f:
        text = f.read()
    (tmp_path / "sources" / "sources.yml").write_text(text.replace("sources:\n", "sources:\n  - file: extra.txt\n"
                                                                   "    authority: national\n    what: \"An extra\"\n"
                                                                   "    date: not given\n", 1), encoding="utf-8")
    after = generated(valid_content(tmp_path / "checklists"))
    count = lambda table: sum(1 for line in table.splitlines() if line.startswith("| `"))
    assert count(after) == count(before) + 1 and "| `extra.txt` | National" in after
    assert before.split("public documents")[0] != after.split("public documents")[0]
