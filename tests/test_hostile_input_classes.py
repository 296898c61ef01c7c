"""Hostile input, second round (issue 24): each finding of the second review as a class, refused by
one mechanism, with the case the review found. Starts from the good fixture like
tests/test_hostile_input.py, whose helpers it shares."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cpguide.loader import _strings as strings_of  # every (path, string) of loaded YAML, as the loader walks it
import yaml

from cpguide.errors import ContentInvalid
from cpguide.gate import valid_content
from cpguide.site.html import Html
from cpguide.wording import WordingError, fill

from good_tree import errors_for
from test_hostile_input import RULES, TOWN, cli, only_error, write

INTERFACE = "checklists/national/interface.yml"
GLOSSARY = "checklists/national/glossary.yml"
CANARY = "{authority.join.__globals__[macros].__wrapped__.__globals__[Path].__new__.__globals__[os].environ[CANARY]}"


def replace_line(tree: Path, rel: str, start: str, new: str) -> int:
    """Replace the first line of `rel` that starts (after its indent) with `start`; its number."""
    lines = (tree / rel).read_text(encoding="utf-8").split("\n")
    number = next(i for i, l in enumerate(lines) if l.strip().startswith(start))
    indent = lines[number][:len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = indent + new
    write(tree, rel, "\n".join(lines))
    return number + 1


# --- 1. wording templates: {name} from a fixed list per key, nothing else -------------------------

@pytest.mark.parametrize("template", [
    CANARY + " Checklists made from the procedures of {authority}.",  # the review's: reached os.environ
    "From {authority.name}.", "From {authority[0]}.", "From {authority!r}.", "From {authority:>90}.",
    "From {0}.", "From {}.", "From {{authority}}.", "From {authority} }", "From {name}.",
])
def test_a_wording_template_may_use_only_its_own_placeholders(tree, template):
    line = replace_line(tree, INTERFACE, "index_intro:", f"index_intro: {template!r}".replace("'", '"'))
    error = only_error(tree)
    assert error.startswith(f"{INTERFACE}:{line}:") and "placeholder" in error and "{authority}" in error


def test_every_placeholder_a_template_is_allowed_is_accepted(tree):
    replace_line(tree, INTERFACE, "index_intro:", 'index_intro: "{authority}, {authority} and no other."')
    valid_content(tree / "checklists")


def _schema_node(schema: dict, path: tuple) -> dict:
    node = schema
    for step in path:
        if node.get("$ref", "").startswith("#/$defs/"):  # a definition of the same file
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        if isinstance(step, int):
            node = node["items"]
        else:
            node = node.get("properties", {}).get(step) or node["additionalProperties"]
    return node


@pytest.mark.parametrize("name", ["interface", "questions", "expected-deadlines", "law"])
def test_every_template_of_the_sites_words_has_its_list_of_placeholders(name):
    """A key added with a {placeholder} and no x-placeholders in its schema would not be checked."""
    project = Path(__file__).resolve().parent.parent
    data = yaml.safe_load((project / f"checklists/national/{name}.yml").read_text(encoding="utf-8"))
    schema = json.loads((project / f"schema/{name}.schema.json").read_text(encoding="utf-8"))
    missing = ["/".join(map(str, path)) for path, text in strings_of(data)
               if "{" in text and "x-placeholders" not in _schema_node(schema, path)]
    assert not missing, f"schema/{name}.schema.json: add x-placeholders to " + ", ".join(missing)


@pytest.mark.parametrize("template", ["{a.__class__}", "{a[0]}", "{a!r}", "{a:>9}", "{0}", "{}", "{{a}}", "a}", "{b}"])
def test_the_formatter_refuses_anything_but_a_given_name(template):
    with pytest.raises(WordingError):
        fill(template, a="x")
    with pytest.raises(WordingError):
        Html.filled(template, a="x")


def test_the_formatter_fills_names_and_escapes_text_in_html():
    assert fill("{a} and {b}", a=1, b="<b>") == "1 and <b>"
    assert Html.filled("<{a}> & {b}", a="<i>", b=Html("<em>x</em>")) == "&lt;&lt;i&gt;&gt; &amp; <em>x</em>"


# --- 2. one id grammar, and the two schema checks agree -----------------------------------------

def test_an_id_ending_in_a_newline_is_refused(tree):
    line = replace_line(tree, RULES, "- id: t-rule-plan", '- id: "t-rule-plan\\n"')
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{line}:") and "not a valid id" in error


def test_a_document_file_name_ending_in_a_newline_is_refused(tree):
    text = (tree / f"{TOWN}/authority.yml").read_text()
    assert "file: t-doc.txt" in text
    write(tree, f"{TOWN}/authority.yml", text.replace("file: t-doc.txt", 'file: "t-doc.txt\\n"'))
    assert any("authority.yml:" in e for e in errors_for(tree))


def test_an_authority_folder_whose_name_is_not_an_id_is_refused(tree):
    shutil.copytree(tree / TOWN, tree / "checklists" / "copy-town\n")
    errors = errors_for(tree)
    assert any(e.startswith("checklists/copy-town\\x0a:") and "not an id" in e for e in errors), errors


def test_a_file_the_quick_check_refuses_is_never_a_pass(tree, monkeypatch):
    """If the quick and the full schema check ever disagree again, the file is refused, not passed."""
    import cpguide.loader

    monkeypatch.setattr(cpguide.loader, "is_valid", lambda name, data: False)
    errors = errors_for(tree)
    assert errors and all("cannot say where" in e for e in errors)


# --- 3. numbers as every YAML reader reads them ------------------------------------------------

@pytest.mark.parametrize("value", ["010", "00", "-07", "0_1"])
def test_a_number_with_a_leading_zero_is_refused(tree, value):
    line = replace_line(tree, RULES, "amount:", f"amount: {value}")
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{line}:") and "zero" in error


# --- 4. what a command prints cannot drive the terminal --------------------------------------------

FAKE_PASS = "\x1b[1A\x1b[2K\rOK: 2 folders"


def test_validate_shows_control_characters_in_an_unknown_key(tree):
    replace_line(tree, RULES, "amount:", 'amount: 1\n    "\\e[1A\\e[2K\\rOK: 2 folders": 1')
    result = cli(tree, "validate")
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\r" not in result.stderr
    assert "\\x1b[1A\\x1b[2K\\x0dOK: 2 folders" in result.stderr


def test_coverage_shows_control_characters_in_a_source(tree):
    write(tree, "sources/t-doc.txt", f"Test procedures\n\nChair welcomes everyone. {FAKE_PASS}\n\nA new line.\n")
    result = cli(tree, "coverage", "--source", "t-doc.txt")
    assert "\x1b" not in result.stdout + result.stderr and "\r" not in result.stdout + result.stderr
    assert "\\x1b[1A" in result.stdout


def test_a_command_line_argument_is_shown_escaped(tree):
    result = cli(tree, "new-authority", f"x{FAKE_PASS}", "--name", "X", "--region", "South West")
    assert result.returncode == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


# --- 6. control characters in content -----------------------------------------------------------

@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\x08", "\\r", "\\x7f", "\\x9b"])
def test_a_control_character_written_as_a_yaml_escape_is_refused(tree, escape):
    line = replace_line(tree, RULES, "label:", f'label: "Plan{escape} sent out"')
    error = only_error(tree)
    assert error.startswith(f"{RULES}:{line}:") and "control character" in error


def test_newlines_and_tabs_are_still_text(tree):
    replace_line(tree, RULES, "label:", 'label: "Plan\\tsent\\nout"')
    valid_content(tree / "checklists")


# --- 7. every required text says something; generate explains itself -----------------------------

@pytest.mark.parametrize("value", ['""', '"   "'])
def test_an_empty_glossary_term_is_refused(tree, value):
    line = replace_line(tree, GLOSSARY, "term:", f"term: {value}")
    error = only_error(tree)
    assert error.startswith(f"{GLOSSARY}:{line}:") and ("empty" in error or "only spaces" in error)


def test_an_empty_rule_label_is_refused(tree):
    line = replace_line(tree, RULES, "label:", 'label: ""')
    assert only_error(tree).startswith(f"{RULES}:{line}:")


def test_generate_into_a_symlink_says_so(tree, tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    result = cli(tree, "generate", "--out", str(tmp_path / "link"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is a symbolic link" in result.stderr, result.stderr


def test_an_unexpected_failure_is_one_line_not_a_traceback(tree, monkeypatch, capsys):
    import cpguide.cli
    import cpguide.site

    monkeypatch.setattr(cpguide.site, "build_site", lambda *a: [][1])
    assert cpguide.cli.main(["--content", str(tree / "checklists"), "generate", "--out", "/nonexistent/x"]) == 70
    err = capsys.readouterr().err
    assert "internal error (IndexError" in err and "Traceback" not in err


# --- 8. new-authority writes nothing a value could turn into YAML ---------------------------------

@pytest.mark.parametrize("args", [
    ["north-somerset\n", "--name", "North Somerset Council", "--region", "South West"],
    ["north-somerset", "--name", "North Somerset\nregion: London", "--region", "South West"],
    ["north-somerset", "--name", "North Somerset\x1b[2J", "--region", "South West"],
    ["north-somerset", "--name", "North Somerset", "--region", "South West", "--prefix", "ns\n"],
])
def test_new_authority_refuses_a_value_with_a_newline_or_control(tree, args):
    result = cli(tree, "new-authority", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert sorted(p.name for p in (tree / "checklists").iterdir()) == ["national", "test-town"]


def test_new_authority_with_quotes_in_its_name_validates(tree):
    name = 'North "Somerset": Council # not a comment'
    result = cli(tree, "new-authority", "north-somerset", "--name", name, "--region", "South West")
    assert result.returncode == 0, result.stderr
    assert valid_content(tree / "checklists").authorities["north-somerset"].name == name


# --- 9. the calendar file: one rule for text, in the browser and on the command line ----------------

def test_the_browsers_calendar_text_is_escaped_as_the_command_lines():
    """A bare carriage return stayed raw in the browser's SUMMARY; icalendar (the command line) writes "\\n"."""
    from icalendar import vText

    texts = ["Plan\rsent", "Plan\r\nsent", "Plan\nsent", "a;b,c\\d", "end\r", "\r\r\n\n"]
    project = Path(__file__).resolve().parent.parent
    node = shutil.which("node")
    assert node, "node not found: install Node.js 20 (Debian package nodejs)"
    script = ("import { icsEscape } from './docs/assets/js/deadline-text.mjs';"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[1]).map(icsEscape)));")
    out = subprocess.run([node, "--input-type=module", "-e", script, json.dumps(texts)], capture_output=True,
                         text=True, cwd=project, check=True)
    assert json.loads(out.stdout) == [vText(t).to_ical().decode() for t in texts]


def test_no_wording_goes_through_str_format():
    """str.format follows attributes and indexes of what it is given: only the code's own literal
    templates may use it; the site's words go through cpguide/wording.py (fill, Html.filled, filled)."""
    import ast

    project = Path(__file__).resolve().parent.parent
    found = []
    for path in sorted((project / "cpguide").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("format", "format_map")):
                continue
            template = node.func.value
            literal = isinstance(template, ast.Constant) and isinstance(template.value, str)
            literal_html = (isinstance(template, ast.Call) and getattr(template.func, "id", "") == "Html"
                            and all(isinstance(a, ast.Constant) for a in template.args))
            code_constant = isinstance(template, ast.Name) and template.id.isupper()  # scaffold's file templates
            html_itself = path.name == "markup.py" and isinstance(template, ast.Name) and template.id == "str"  # Html.format
            if not (literal or literal_html or code_constant or html_itself):
                found.append(f"{path.relative_to(project)}:{node.lineno}")
    assert not found, "use cpguide.wording.fill / Html.filled for: " + ", ".join(found)


# --- 11. valid, but misleading ---------------------------------------------------------------------

AUTHORITY = f"{TOWN}/authority.yml"


def _second_authority(tree: Path, folder: str, name: str) -> None:
    text = (tree / AUTHORITY).read_text(encoding="utf-8")
    text = text.replace("id: test-town", f"id: {folder}").replace("id: t-doc", "id: t2-doc")
    text = text.replace("name: Test Town Council", f"name: {name}").replace("short_name: Test Town\n", "")
    (tree / "checklists" / folder).mkdir()
    write(tree, f"checklists/{folder}/authority.yml", text)


@pytest.mark.parametrize("name", ["Test Town Council", "TEST TOWN  COUNCIL", "Test-Town Council", "Tést Town Council"])
def test_a_second_authority_with_a_look_alike_name_is_refused(tree, name):
    _second_authority(tree, "testtown", name)
    errors = errors_for(tree)
    assert any(e.startswith("checklists/testtown/authority.yml:3:") and "reads the same" in e for e in errors), errors


def test_a_name_with_letters_of_another_alphabet_is_refused(tree):
    line = replace_line(tree, AUTHORITY, "name:", "name: T\u0435st Town Council")  # Cyrillic ie
    error = only_error(tree)
    assert error.startswith(f"{AUTHORITY}:{line}:") and "Cyrillic" in error


def _prompt_link(tree: Path, link: str) -> int:
    return replace_line(tree, f"{TOWN}/agenda.yml", 'text: "Chair welcomes everyone."',
                        f'text: "Chair welcomes everyone."\n            links: [{link}]') + 1


@pytest.mark.parametrize("text, url", [
    ("www.gov.uk", "https://gov.uk.example.net/"),
    ("westberks.gov.uk/form", "https://westberks.gov.uk.evil.example/form"),
    ("https://www.gov.uk/report-child-abuse", "https://gov-uk.example/report"),
    ("gov.uk", "https://evil.example/gov.uk"),
])
def test_link_text_naming_another_site_is_refused(tree, text, url):
    line = _prompt_link(tree, f'{{text: "{text}", url: "{url}"}}')
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/agenda.yml:{line}:") and "names" in error


@pytest.mark.parametrize("text, url", [("www.gov.uk", "https://www.gov.uk/x"), ("gov.uk", "https://assets.gov.uk/"),
                                       ("The council's form", "https://evil.example/"),
                                       ("A news page that links to the guidance on GOV.UK", "https://news.example/")])
def test_link_text_naming_its_own_site_is_accepted(tree, text, url):
    _prompt_link(tree, f'{{text: "{text}", url: "{url}"}}')
    valid_content(tree / "checklists")


@pytest.mark.parametrize("url", ["mailto:chair@test-town.example?cc=someone@evil.example",
                                 "mailto:chair@test-town.example?bcc=someone@evil.example", "javascript:alert(1)"])
def test_a_link_that_is_not_a_web_address_is_refused(tree, url):
    line = _prompt_link(tree, f'{{text: "Write to the chair", url: "{url}"}}')
    assert any(e.startswith(f"{TOWN}/agenda.yml:{line}") for e in errors_for(tree))


@pytest.mark.parametrize("abbreviation", ["the", "The", "plan", "a1"])
def test_an_abbreviation_that_can_be_an_ordinary_word_is_refused(tree, abbreviation):
    line = replace_line(tree, GLOSSARY, "abbreviation:", f"abbreviation: {abbreviation}")
    error = only_error(tree)
    assert error.startswith(f"{GLOSSARY}:{line}:") and "ordinary word" in error


def test_an_item_id_used_by_a_part_of_the_page_is_refused(tree):
    line = replace_line(tree, f"{TOWN}/agenda.yml", "- id: t-agenda-1-welcome", "- id: your-dates")
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/agenda.yml:{line}:") and "your-dates" in error


def test_a_heading_never_takes_an_items_id(tree):
    """A heading's id made from its text ("Source documents") gave a second element an item's id."""
    import re

    from cpguide.site import build_site

    replace_line(tree, f"{TOWN}/agenda.yml", "- id: t-agenda-1-welcome", "- id: source-documents")
    build = build_site(valid_content(tree / "checklists"))
    for page in build.pages:
        ids = re.findall(r'\bid="([^"]+)"', str(page.html.html if page.html else ""))
        assert len(ids) == len(set(ids)), (page.src_uri, sorted(i for i in ids if ids.count(i) > 1))
    overview = next(p for p in build.pages if p.src_uri == "test-town/index.md")
    assert 'id="source-documents_1"' in str(overview.html.html)


# --- 12. limits that say so --------------------------------------------------------------------------

def _glossary(tree: Path, count: int, words: int = 8) -> None:
    definition = " ".join(["Words about this term, written out at length."] * words)
    terms = "".join(f"  - id: t-term-{i}\n    term: Term {i}\n    definition: {definition}\n"
                    f"    sources: [{{document: t-doc, section: Glossary}}]\n" for i in range(count))
    write(tree, f"{TOWN}/glossary.yml", "# yaml-language-server: $schema=../../../../../schema/glossary.schema.json\n"
          "terms:\n" + terms)


def test_a_list_past_the_stated_limit_is_refused_with_its_line(tree):
    from cpguide.yamlsource import MAX_ENTRIES

    _glossary(tree, MAX_ENTRIES + 1, words=1)
    error = only_error(tree)
    line = 2 + 4 * MAX_ENTRIES + 1  # the header, "terms:", then four lines a term
    assert error.startswith(f"{TOWN}/glossary.yml:{line}:") and f"more than {MAX_ENTRIES:,} entries" in error


def test_a_list_at_the_stated_limit_is_accepted(tree):
    from cpguide.yamlsource import MAX_ENTRIES

    _glossary(tree, MAX_ENTRIES, words=1)
    assert f"t-term-{MAX_ENTRIES - 1}" in valid_content(tree / "checklists").index


def test_a_file_past_the_stated_size_is_refused(tree):
    _glossary(tree, 1_900, words=12)
    assert (tree / TOWN / "glossary.yml").stat().st_size > 1_000_000
    error = only_error(tree)
    assert error.startswith(f"{TOWN}/glossary.yml:") and "1,000,000 bytes" in error


def test_one_error_per_cause_not_per_entry(tree):
    write(tree, f"{TOWN}/glossary.yml", "terms:\n" + "  - []\n" * 1_500)
    errors = errors_for(tree)
    assert len(errors) <= 3, errors
    assert any("(and 1,499 more like it)" in e for e in errors), errors


def test_at_most_a_screenful_of_errors_then_a_count(tree, monkeypatch, capsys):
    import cpguide.cli
    from cpguide.errors import ContentError

    many = [ContentError(f"checklists/f{i}.yml", i, "broken") for i in range(500)]
    monkeypatch.setattr(cpguide.cli, "valid_content", lambda root: (_ for _ in ()).throw(ContentInvalid(many)))
    assert cpguide.cli.main(["validate"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) <= 45 and "460 more" in lines[-2] and "500 error(s)" in lines[-1], lines[-3:]
    assert len(str(ContentInvalid(many)).splitlines()) <= 45


@pytest.mark.parametrize("value", ["t-rule-plan\n", "t-rule-plan\n\n", "\nt-rule-plan", "t-rule-plan "])
def test_the_quick_and_the_full_schema_check_agree_on_an_id(tree, value):
    """Python's `$` also matches before a final newline; JSON Schema's (ECMA 262) does not."""
    from cpguide.schemas import is_valid, validator_for

    data = yaml.safe_load((tree / RULES).read_text(encoding="utf-8"))
    data["rules"][0]["id"] = value
    full = list(validator_for("timescales.yml").iter_errors(data))
    assert not is_valid("timescales.yml", data) and full, full


def test_an_address_in_text_becomes_a_mail_link_to_that_address_only():
    """Link addresses are web addresses only (schema); an address in text is linked without what follows it."""
    from cpguide.site.html import CONTACT, contact_href

    match = CONTACT.search("Write to chair@test-town.example?cc=someone@evil.example&bcc=x@evil.example")
    assert contact_href(match) == "mailto:chair@test-town.example"


def test_the_browsers_id_grammar_is_the_schemas():
    """conference-store.mjs checks a remembered authority id with the same grammar as everything else."""
    import re

    project = Path(__file__).resolve().parent.parent
    common = json.loads((project / "schema/common.schema.json").read_text(encoding="utf-8"))
    script = (project / "docs/assets/js/conference-store.mjs").read_text(encoding="utf-8")
    assert re.search(r"^const ID = /(.*)/;", script, re.MULTILINE)[1] == common["$defs"]["id"]["pattern"]
