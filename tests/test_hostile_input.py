"""Hostile or broken files: each is refused with the file and line, quickly, and nothing leaks.

Every case starts from the good fixture (tests/fixtures/good) and breaks one thing, the way a
mistaken or malicious pull request could. `cpguide validate` and the build share the loader, so
each refusal here holds for both; the command-line cases check that no traceback is ever shown.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cpguide.gate import valid_content
from cpguide.safefiles import UnsafeFile, read_bytes

from good_tree import errors_for

TOWN = "checklists/test-town"
RULES = f"{TOWN}/timescales.yml"
SECRET = "SECRET-TOKEN-do-not-publish"
GLOSSARY_HEADER = "# yaml-language-server: $schema=../../schema/glossary.schema.json\n"




def write(tree: Path, rel: str, text: str | bytes) -> None:
    path = tree / rel
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def append_rule_field(tree: Path, line: str) -> int:
    """Replace the rule's `amount` line with `line`; return its line number (1-based)."""
    text = (tree / RULES).read_text()
    lines = text.splitlines()
    number = next(i for i, l in enumerate(lines) if l.strip().startswith("amount:"))
    lines[number] = "    " + line
    write(tree, RULES, "\n".join(lines) + "\n")
    return number + 1


def only_error(tree: Path) -> str:
    errors = errors_for(tree)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "outside" / "environ"
    path.parent.mkdir()
    path.write_text(f"DEPLOY_TOKEN={SECRET}\n")
    return path


# --- files: only regular files inside the project ------------------------------------------------

def test_content_file_that_is_a_symlink_is_refused_without_showing_its_target(tree, secret_file):
    os.remove(tree / RULES)
    os.symlink(secret_file, tree / RULES)
    error = only_error(tree)
    assert error.startswith(f"{RULES}:") and "symbolic link" in error
    assert SECRET not in error


def test_source_copy_that_is_a_symlink_is_refused(tree, secret_file):
    os.remove(tree / "sources" / "t-doc.txt")
    os.symlink(secret_file, tree / "sources" / "t-doc.txt")
    errors = errors_for(tree)
    line = next(i for i, l in enumerate((tree / f"{TOWN}/authority.yml").read_text().splitlines(), 1) if "file: t-doc.txt" in l)
    assert any(e.startswith(f"{TOWN}/authority.yml:{line}:") and "symbolic link" in e for e in errors), errors
    assert any(e.startswith("sources/t-doc.txt:") and "symbolic link" in e for e in errors), errors
    assert SECRET not in "".join(errors)


def test_sources_folder_that_is_a_symlink_is_refused(tree, tmp_path):
    shutil.move(tree / "sources", tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", tree / "sources")
    errors = errors_for(tree)
    assert errors and all("symbolic link" in e for e in errors), errors


def test_a_link_in_the_middle_of_a_path_is_refused(tmp_path, secret_file):
    """A folder on the way to a file that is a link: opening the file itself without following links
    (O_NOFOLLOW) does not see it, so each part of the path is checked."""
    root = tmp_path / "project"
    (root / "sources").mkdir(parents=True)
    os.symlink(secret_file.parent, root / "sources" / "copies")
    with pytest.raises(UnsafeFile) as refused:
        read_bytes(root / "sources" / "copies" / secret_file.name, root)
    assert refused.value.reason.startswith("sources/copies is a symbolic link"), refused.value.reason
    assert SECRET not in str(refused.value)


def test_authority_folder_that_is_a_symlink_is_refused(tree):
    os.symlink(tree / "checklists" / "test-town", tree / "checklists" / "copy-town")
    error = only_error(tree)
    assert error.startswith("checklists/copy-town:") and "symbolic link" in error


def test_a_folder_where_a_file_belongs_is_an_error_naming_it(tree):
    (tree / TOWN / "glossary.yml").mkdir()
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/glossary.yml:") and "folder" in error


@pytest.mark.parametrize("name", ["family.YML", "family.yml ", "timescales.yaml", "notes.txt", ".DS_Store"])
def test_every_entry_of_an_authority_folder_is_a_known_file_or_an_error(tree, name):
    write(tree, f"{TOWN}/{name}", "topics: []\n")
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/{name}:") and "unknown content file" in error


def test_misnamed_file_gets_the_right_name_as_its_hint(tree):
    write(tree, f"{TOWN}/Family.YML", "topics: []\n")
    assert "rename it to family.yml" in only_error(tree)


def test_a_stray_file_beside_the_authority_folders_is_an_error(tree):
    write(tree, "checklists/notes.md", "hello\n")
    assert only_error(tree).startswith("checklists/notes.md:")


# --- YAML: bounded, plain, text ------------------------------------------------------------------

def test_alias_bomb_is_refused_before_it_expands(tree):
    """Ten levels of aliases would build 10**10 strings: the loader must refuse the first anchor."""
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 11)]
    write(tree, f"{TOWN}/glossary.yml", "\n".join(bomb) + "\n")
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/glossary.yml:1:") and "anchors and aliases" in error


def test_a_single_alias_is_refused_with_its_line(tree):
    text = (tree / RULES).read_text().replace("responsible: [chair]", "responsible: &who [chair]")
    text += "  - *who\n"
    write(tree, RULES, text)
    error = only_error(tree)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "&who" in l)
    assert error.startswith(f"{RULES}:{line}:")


@pytest.mark.parametrize("depth", [30, 1_000])
def test_deep_nesting_is_refused_with_its_line(tree, depth):
    write(tree, f"{TOWN}/glossary.yml", "terms: " + "[" * depth + "]" * depth + "\n")
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/glossary.yml:1:") and "nested more than" in error


def test_very_deep_nesting_neither_crashes_nor_shows_a_traceback(tree):
    """100,000 levels crashed the parser (segfault): run it as a maintainer would, in its own process."""
    write(tree, f"{TOWN}/glossary.yml", "terms: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = cli(tree, "validate")
    assert result.returncode == 2, result.stderr[-500:]
    assert f"{TOWN}/glossary.yml:1: nested more than" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_utf8_is_refused_with_its_line(tree):
    text = (tree / RULES).read_bytes().replace(b"Plan sent out", b"Plan sent \xe9 out")
    write(tree, RULES, text)
    line = text.split(b"\xe9")[0].count(b"\n") + 1
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{line}:") and "not UTF-8" in error


def test_nul_byte_is_refused_with_its_line(tree):
    text = (tree / RULES).read_text().replace("Plan sent out", "Plan sent\x00 out")
    write(tree, RULES, text)
    line = text.split("\x00")[0].count("\n") + 1
    assert only_error(tree).startswith(f"{RULES}:{line}:")


def test_complex_key_is_refused_with_its_line(tree):
    number = append_rule_field(tree, "? [a, b]\n    : 1\n    amount: 1")
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{number}:") and "key" in error


@pytest.mark.parametrize("value, words", [
    ("amount: 3.0", "decimal number"),
    ("amount: .inf", "decimal number"),
    ("amount: " + "9" * 5_000, "whole number"),
    ("amount: 0x10", "whole number"),
    ("amount: 1:30", "whole number"),
    ("amount: !!python/object:os.system 1", "tag"),
])
def test_numbers_that_are_not_plain_whole_numbers_are_refused(tree, value, words):
    number = append_rule_field(tree, value)
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{number}:") and words in error


@pytest.mark.parametrize("unit, too_many", [("minutes", 1441), ("hours", 745), ("working_days", 261),
                                            ("days", 100_000_000), ("weeks", 53), ("months", 13)])
def test_amount_larger_than_a_year_in_its_unit_is_refused(tree, unit, too_many):
    text = (tree / RULES).read_text().replace("unit: working_days", f"unit: {unit}")
    write(tree, RULES, text)
    number = append_rule_field(tree, f"amount: {too_many}")
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{number}:") and "maximum" in error


@pytest.mark.parametrize("date", ["2022-13-01", "2022-09-01"])
def test_unquoted_date_is_refused_with_a_quote_it_hint_and_no_follow_on_noise(tree, date):
    text = (tree / f"{TOWN}/authority.yml").read_text().replace("date: not given", f"date: {date}")
    write(tree, f"{TOWN}/authority.yml", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if f"date: {date}" in l)
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/authority.yml:{line}:") and f'quote it: "{date}"' in error


@pytest.mark.parametrize("date", ["2022-13-01", "2023-02-29", "2022-00"])
def test_quoted_impossible_date_is_refused(tree, date):
    text = (tree / f"{TOWN}/authority.yml").read_text().replace("date: not given", f'date: "{date}"')
    write(tree, f"{TOWN}/authority.yml", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if f'date: "{date}"' in l)
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/authority.yml:{line}:") and "not a real date" in error


def test_quoted_real_dates_and_months_are_accepted(tree):
    text = (tree / f"{TOWN}/authority.yml").read_text().replace("date: not given", 'date: "2024-02-29"')
    write(tree, f"{TOWN}/authority.yml", text)
    assert valid_content(tree / "checklists").documents["t-doc"][1]["date"] == "2024-02-29"


def test_a_large_content_file_is_checked(tree):
    """A glossary of 2,000 terms, the most one list may hold (yamlsource.MAX_ENTRIES), loads: the
    checks do not grow faster than the file (one past the limit: tests/test_hostile_input_classes.py)."""
    terms = "".join(f"  - id: t-term-{i}\n    term: Term {i}\n    definition: Words about term number {i}, "
                    f"written out at some length so that the file grows.\n"
                    f"    sources: [{{document: t-doc, section: Glossary}}]\n" for i in range(2_000))
    write(tree, f"{TOWN}/glossary.yml", GLOSSARY_HEADER + "terms:\n" + terms)
    assert (tree / f"{TOWN}/glossary.yml").stat().st_size > 250_000
    content = valid_content(tree / "checklists")
    assert "t-term-1999" in content.index


def test_schema_errors_do_not_echo_a_whole_file(tree):
    write(tree, f"{TOWN}/glossary.yml", GLOSSARY_HEADER + "- " + "x" * 50_000 + "\n")
    error = only_error(tree)
    assert len(error) < 600 and error.startswith(f"{TOWN}/glossary.yml:")


# --- the command line never shows a traceback ----------------------------------------------------

def cli(tree: Path | None, *args: str, **kwargs) -> subprocess.CompletedProcess:
    content = ["--content", str(tree / "checklists")] if tree else []
    return subprocess.run([sys.executable, "-m", "cpguide.cli", *content, *args], capture_output=True, text=True,
                          **kwargs)


def test_validate_reports_hostile_files_without_a_traceback(tree, secret_file):
    os.remove(tree / RULES)
    os.symlink(secret_file, tree / RULES)
    write(tree, f"{TOWN}/family.YML", "topics: []\n")
    result = cli(tree, "validate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and SECRET not in result.stderr + result.stdout
    assert f"{RULES}:" in result.stderr and f"{TOWN}/family.YML:" in result.stderr


def test_closed_pipe_is_not_a_traceback():
    """`cpguide deadlines … | head -c 1`: the reader stops reading before the command has written."""
    command = [sys.executable, "-m", "cpguide.cli", "deadlines", "--authority", "national", "--conference", "icpc",
               "--date", "2026-06-15", "--format", "json"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait() != 0
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors


def test_unwritable_export_folder_is_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli(None, "export", "--out", str(blocker / "data"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"cpguide export: Not a directory: {blocker / 'data'}"


@pytest.mark.parametrize("args", [
    ["{long}"],
    ["deadlines", "--authority", "{long}", "--conference", "icpc", "--date", "2026-06-15", "--format", "text"],
    ["deadlines", "--authority", "national", "--conference", "{long}", "--date", "2026-06-15", "--format", "text"],
    ["coverage", "--source", "{long}.txt"],
])
def test_a_long_argument_is_cut_short_in_the_message(args):
    long = "x" * 100_000
    result = cli(None, *[a.replace("{long}", long) for a in args])
    assert result.returncode == 2
    assert len(result.stderr) < 1_000 and "(100,000 characters)" in result.stderr or \
        "(100,004 characters)" in result.stderr, result.stderr[:500]


def test_coverage_of_a_source_that_does_not_exist_is_an_error():
    result = cli(None, "coverage", "--source", "sources/typo.txt")
    assert result.returncode == 2
    assert result.stdout == "" and "there is no source 'typo.txt'" in result.stderr


def test_coverage_of_a_source_without_statements_is_an_error(tree):
    write(tree, "sources/t-doc.txt", "\n\n")
    result = cli(tree, "coverage", "--source", "t-doc.txt")
    assert result.returncode == 2 and "holds no statements" in result.stderr


@pytest.mark.parametrize("folder", ["sources", "docs"])
def test_a_symlink_in_a_published_folder_is_refused(tree, secret_file, folder):
    (tree / folder).mkdir(exist_ok=True)
    os.symlink(secret_file, tree / folder / "notes.txt")
    error = only_error(tree)
    assert error.startswith(f"{folder}/notes.txt:") and "symbolic link" in error and SECRET not in error


# --- the build: the same refusals, and a symlink among the hand-written pages -----------------

PROJECT = Path(__file__).resolve().parent.parent


def build(project: Path, tree: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CPGUIDE_CONTENT": str(tree / "checklists"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "--site-dir", str(tmp_path / "site")], capture_output=True, text=True, env=env, cwd=tmp_path)


def test_build_refuses_a_symlink_among_the_hand_written_pages(tree, tmp_path, secret_file):
    project = tree  # the fixture's content and sources, with the project's pages, settings and hooks
    for name in ("mkdocs.yml", "docs", "hooks"):
        (shutil.copytree if (PROJECT / name).is_dir() else shutil.copy)(PROJECT / name, project / name)
    for watched in ("schema", "cpguide"):
        (project / watched).mkdir()
    os.symlink(secret_file, project / "docs" / "environ.txt")
    result = build(project, tree, tmp_path)
    assert result.returncode != 0
    assert "docs/environ.txt is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr and SECRET not in result.stderr
    assert not (tmp_path / "site" / "environ.txt").exists()


def test_build_refuses_hostile_content_without_a_traceback(tree, tmp_path):
    write(tree, f"{TOWN}/glossary.yml", "terms: " + "[" * 5_000 + "]" * 5_000 + "\n")
    result = build(PROJECT, tree, tmp_path)
    assert result.returncode != 0
    assert f"{TOWN}/glossary.yml:1: nested more than" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
