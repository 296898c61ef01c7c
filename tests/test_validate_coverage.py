"""`cpguide validate` is the gate for what the content test `test_every_source_is_kept_completely`
checks: nothing in a source may be lost. A statement missing from the content, and a source file no
authority lists, are refused with the file, the line and what to do."""

from __future__ import annotations

import subprocess
import sys


def validate(tree) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tree / "checklists"), "validate"],
                          capture_output=True, text=True)


def test_the_good_fixture_passes(tree):
    result = validate(tree)
    assert result.returncode == 0, result.stderr


def test_a_statement_not_in_the_content_is_refused_at_its_line(tree):
    source = tree / "sources" / "t-doc.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    source.write_text("\n".join(lines + ["The chair phones every family the day after."]) + "\n", encoding="utf-8")
    result = validate(tree)
    assert result.returncode == 2
    assert f"sources/t-doc.txt:{len(lines) + 1}: this statement is not in the content: 'The chair phones every family the day after'" in result.stderr
    assert "cpguide coverage --source t-doc.txt" in result.stderr


def test_a_source_no_authority_lists_is_refused(tree):
    (tree / "sources" / "stray.txt").write_text("A page nobody described.\n", encoding="utf-8")
    result = validate(tree)
    assert result.returncode == 2
    assert "sources/stray.txt: no authority.yml lists this source file" in result.stderr
