"""The site's own wording is written once, in checklists/national/interface.yml: the page scripts and
the page modules hold no English sentence of their own, and a wrong key is a file:line error."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest


from good_tree import errors_for

ROOT = Path(__file__).resolve().parent.parent
INTERFACE = "checklists/national/interface.yml"
SCRIPTS = sorted((ROOT / "docs" / "assets" / "js").glob("*.*js"))
PAGE_MODULES = sorted((ROOT / "cpguide" / "site").glob("*.py"))

# A sentence: a capital letter, then at least two more words (placeholders count as words).
SENTENCE = re.compile(r"^[^A-Za-z]*[A-Z][a-z'’-]*(?:[,:;)]*\s+[(\"'“]*[A-Za-z{0-9][\w{}.'’-]*){2,}")
# Not wording a reader sees: a calendar file's product id (RFC 5545).
ALLOWED = {"-//cpguide//Child protection conference deadlines//EN"}
# Wording still to be moved into interface.yml, file by file (issue 13): this list may only shrink.
NOT_YET_MOVED = {
    "authority_pages.py": 36, "checklists.py": 1, "markers.py": 2, "opendata_pages.py": 6, "render.py": 2, "sections.py": 1,
}


def _js_strings(text: str):
    """(line, literal) for each string and template literal of a script; ${…} parts read as 'x'."""
    i, line, n = 0, 1, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
            continue
        if ch in "'\"`":
            start_line, out, i = line, [], i + 1
            while i < n and text[i] != ch:
                if text[i] == "\\":
                    out.append(text[i + 1])
                    i += 2
                    continue
                if ch == "`" and text.startswith("${", i):
                    depth, i = 1, i + 2
                    while i < n and depth:
                        depth += {"{": 1, "}": -1}.get(text[i], 0)
                        i += 1
                    out.append("x")
                    continue
                line += text[i] == "\n"
                out.append(text[i])
                i += 1
            yield start_line, "".join(out)
        i += 1


def _python_strings(path: Path):
    """(line, literal) for each string constant and f-string of a module, leaving out docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    inside_fstrings = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings | inside_fstrings:
            yield node.lineno, node.value


def _sentences(path: Path) -> list[str]:
    found = _js_strings(path.read_text(encoding="utf-8")) if path.suffix in (".js", ".mjs") else _python_strings(path)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return [f"{shown}:{line}: {text!r}" for line, text in found
            if SENTENCE.match(text) and text not in ALLOWED]


@pytest.mark.parametrize("path", SCRIPTS + PAGE_MODULES, ids=lambda p: p.name)
def test_no_wording_in_page_scripts_or_page_modules(path):
    found = _sentences(path)
    allowed = NOT_YET_MOVED.get(path.name, 0)
    assert len(found) <= allowed, ("site wording belongs in " + INTERFACE + " (schema/interface.schema.json), "
                                   "not in code:\n" + "\n".join(found))


def test_the_scanner_finds_sentences_in_both_languages(tmp_path):
    script = tmp_path / "x.mjs"
    script.write_text("// Not this comment at all\nel('p', {}, 'Clear all ticks');\nconst s = `Your conference: ${name} today`;\n"
                      "const selector = '[data-field=\"a b c\"]';\n")
    module = tmp_path / "x.py"
    module.write_text('"""Not the docstring at all."""\nTITLE = "Deadline calculator here"\nx = f"Deadlines for {a} only"\n'
                      'key = "no-capital letter here"\n')
    assert [s.split(": ", 1)[1] for s in _sentences(script)] == ["'Clear all ticks'", "'Your conference: x today'"]
    assert [s.split(": ", 1)[1] for s in _sentences(module)] == ["'Deadline calculator here'", "'Deadlines for x only'"]




def test_a_misspelt_key_is_a_file_and_line_error(tree):
    path = tree / INTERFACE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, text in enumerate(lines, start=1) if text.startswith("    no_dates:"))
    lines[number - 1] = lines[number - 1].replace("no_dates:", "no_date_s:")
    path.write_text("".join(lines), encoding="utf-8")
    errors = errors_for(tree)
    assert any(e.startswith(f"{INTERFACE}:{number}: unknown key 'no_date_s'") for e in errors), errors
    assert any(f"{INTERFACE}:" in e and "'no_dates' is a required property" in e for e in errors), errors


def test_a_missing_interface_file_is_named(tree):
    (tree / INTERFACE).unlink()
    assert any(e.startswith(INTERFACE) and "interface.yml is missing" in e for e in errors_for(tree))


def test_the_interface_file_belongs_to_the_national_folder_only(tree):
    shutil.copy(tree / INTERFACE, tree / "checklists" / "test-town" / "interface.yml")
    assert any("test-town/interface.yml" in e and "national folder only" in e for e in errors_for(tree))


FIXTURE_COPIES = ["tests/fixtures/good/checklists/national/interface.yml",
                  "tests/deadlines/fixtures/content/national/interface.yml"]


@pytest.mark.parametrize("copy", FIXTURE_COPIES)
def test_the_fixtures_copy_of_the_site_wording_is_the_sites_own(copy):
    """The fixture content carries the site's wording so its pages build; a copy left behind tests old
    words (it still asked for "the strategy discussion" after the national rule was corrected)."""
    own = (ROOT / INTERFACE).read_text(encoding="utf-8").split("\n", 1)[1]
    kept = (ROOT / copy).read_text(encoding="utf-8").split("\n", 1)[1]  # the first line is its schema path
    assert kept == own, f"copy {INTERFACE} over {copy} (keeping its first line)"
