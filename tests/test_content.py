"""The bundled content: valid, complete against its sources, and traceable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cpguide.coverage import coverage, report

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_AUTHORITIES = {"west-berkshire", "bath-and-north-east-somerset", "unnamed-authority", "national"}


def test_every_authority_folder_loads(content):
    assert EXPECTED_AUTHORITIES <= set(content.authorities)


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
    source = tmp_path / "sources" / "001_9ec2914b190489e4.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n11. The Chair will phone every family the day after.\n",
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tmp_path / "checklists"),
                             "coverage", "--source", source.name], capture_output=True, text=True)
    assert result.returncode == 1
    assert "The Chair will phone every family the day after" in result.stdout
    assert "001_9ec2914b190489e4.txt" in result.stdout and "%" in result.stdout


def test_every_item_has_provenance(content):
    for entry in content.index.values():
        if entry.type in ("agenda", "guide", "discrepancy", "contact", "standards-set", "fact", "family-topic") \
                or "ref" in entry.item:
            continue
        sources = [entry.item["source"]] if entry.item.get("source") else entry.item.get("sources", [])
        assert sources, f"{entry.id} has no source"
        for s in sources:
            assert s["document"] in content.documents and s["section"].strip(), entry.id


def test_unnamed_authority_says_so(content):
    meta = content.authorities["unnamed-authority"].meta
    assert meta["name_given_in_sources"] is False
    assert {d["file"] for d in meta["documents"]} == {"003_6f4f6b306f577c38.txt", "004_080d30539bddd87c.txt"}


def test_west_berkshire_keeps_source_order_and_flags_section_10(content):
    agenda = content.authorities["west-berkshire"].agendas[0]
    numbers = [s["number"] for s in agenda["sections"]]
    assert numbers == ["1", "2", "3", "4", "5", "10", "6", "7", "8"]
    assert agenda["sections"][5].get("anomaly")


def test_banes_standards_and_guidance_numbered_as_in_source(content):
    sets = content.authorities["bath-and-north-east-somerset"].standard_sets
    assert [s["number"] for s in sets[0]["standards"]] == [str(n) for n in range(1, 11)]
    assert [g["number"] for g in sets[0]["guidance"]] == [str(n) for n in range(1, 10)]


def test_typo_corrections_keep_the_original_spelling(content):
    typos = [t for e in content.index.values() for t in e.item.get("typos", [])]
    assert any(t["original"] == "Banardo's" and t["corrected"] == "Barnardo's" for t in typos)


def test_west_berkshire_statements_are_all_there(content):
    kinds = {s["kind"] for s in content.authorities["west-berkshire"].statements}
    assert kinds == {"recording", "equal-opportunities", "confidentiality", "dissent-escalation", "complaints"}


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
