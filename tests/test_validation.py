"""Broken content must fail with the file, the line and what to fix — and never load partially."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cpguide.gate import valid_content

from good_tree import GOOD, errors_for

AGENDA = "checklists/test-town/agenda.yml"



def replace_in(tree: Path, rel: str, old: str, new: str) -> None:
    path = tree / rel
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1))


def line_of(tree: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((tree / rel).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")



def test_good_fixture_loads(tree):
    content = valid_content(tree / "checklists")
    assert {"national", "test-town"} <= set(content.authorities)
    assert content.index["t-agenda-1-welcome"].item["source"]["document"] == "t-doc"  # inherited provenance


def test_yaml_syntax_error_names_file_and_line(tree):
    replace_in(tree, AGENDA, '            text: "Chair welcomes everyone."', '            text: Chair: welcomes: everyone')
    errors = errors_for(tree)
    assert any(f"{AGENDA}:{line_of(tree, AGENDA, 'Chair: welcomes')}:" in e and "YAML error" in e for e in errors), errors


def test_unknown_key_names_file_line_and_allowed_keys(tree):
    replace_in(tree, AGENDA, "            actors: [chair]", "            actor: [chair]")
    errors = errors_for(tree)
    expected = f"{AGENDA}:{line_of(tree, AGENDA, 'actor: [chair]')}: unknown key 'actor'"
    assert any(e.startswith(expected) and "allowed keys" in e and "actors" in e for e in errors), errors


def test_duplicate_id_names_both_places(tree):
    replace_in(tree, AGENDA, "id: t-agenda-1-icpc", "id: t-agenda-1-welcome")
    errors = errors_for(tree)
    first = line_of(tree, AGENDA, "id: t-agenda-1-welcome")
    assert any("duplicate id 't-agenda-1-welcome'" in e and f"{AGENDA}:{first}" in e for e in errors), errors


def test_duplicate_key_in_one_mapping(tree):
    replace_in(tree, AGENDA, "            kind: agenda", "            kind: agenda\n            kind: guidance")
    errors = errors_for(tree)
    assert any(f"{AGENDA}:{line_of(tree, AGENDA, 'kind: guidance')}:" in e and "duplicate key 'kind'" in e for e in errors), errors


def test_dangling_reference_names_the_missing_id(tree):
    replace_in(tree, AGENDA, "related: [t-rule-plan]", "related: [t-rule-nowhere]")
    errors = errors_for(tree)
    assert any(f"{AGENDA}:{line_of(tree, AGENDA, 'related: [t-rule-nowhere]')}:" in e and "'t-rule-nowhere'" in e
               for e in errors), errors


@pytest.mark.parametrize("bad", ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'click javascript:alert(1)'])
def test_script_or_html_in_text_is_refused(tree, bad):
    replace_in(tree, AGENDA, '"Chair welcomes everyone."', f"'{bad}'")
    errors = errors_for(tree)
    assert any(f"{AGENDA}:{line_of(tree, AGENDA, bad[:10])}:" in e and "raw HTML or script" in e for e in errors), errors


def test_wrong_enum_value_lists_allowed_values(tree):
    replace_in(tree, "checklists/test-town/timescales.yml", "unit: working_days", "unit: fortnights")
    errors = errors_for(tree)
    rel = "checklists/test-town/timescales.yml"
    assert any(f"{rel}:{line_of(tree, rel, 'fortnights')}:" in e and "working_days" in e for e in errors), errors


def test_unknown_document_in_source(tree):
    replace_in(tree, "checklists/test-town/timescales.yml", "document: t-doc", "document: t-nope")
    errors = errors_for(tree)
    assert any("cites document 't-nope'" in e and "timescales.yml:" in e for e in errors), errors


def test_folder_id_mismatch(tree):
    replace_in(tree, "checklists/test-town/authority.yml", "id: test-town", "id: test-city")
    errors = errors_for(tree)
    assert any("authority.yml:2:" in e and "does not match the folder name" in e for e in errors), errors


def test_every_error_reported_at_once(tree):
    replace_in(tree, AGENDA, "actors: [chair]", "actor: [chair]")
    replace_in(tree, "checklists/test-town/timescales.yml", "unit: working_days", "unit: fortnights")
    assert len(errors_for(tree)) >= 2


def test_cli_validate_exits_non_zero_and_prints_location(tree):
    replace_in(tree, AGENDA, "actors: [chair]", "actor: [chair]")
    result = subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tree / "checklists"), "validate"],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{AGENDA}:" in result.stderr and "unknown key 'actor'" in result.stderr
    assert result.stdout == ""


def test_build_stops_on_broken_content(tree, tmp_path):
    """The MkDocs build runs the same validation: a broken file means no site at all."""
    replace_in(tree, AGENDA, "actors: [chair]", "actor: [chair]")
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=root,
                            capture_output=True, text=True,
                            env={**__import__("os").environ, "CPGUIDE_CONTENT": str(tree / "checklists"),
                                 "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "unknown key 'actor'" in result.stderr + result.stdout
    assert not (out / "index.html").exists()


# --- the quick schema check and the full one give the same verdict ----------------------------------
def _mutations(data, path=()):
    """Small breakages at every place in a document: a key removed, an unknown key, a value retyped."""
    import copy

    def at(root, path):
        for step in path:
            root = root[step]
        return root

    if isinstance(data, dict):
        children = list(data.items())
    elif isinstance(data, list):
        children = list(enumerate(data))
    else:
        return
    for key, value in children:
        for change in ("remove", "retype"):
            mutated = copy.deepcopy(_mutations.root)
            parent = at(mutated, path)
            if change == "remove":
                del parent[key]
            else:
                parent[key] = 12345 if isinstance(value, str) else "text" if isinstance(value, (int, list)) else [value]
            yield f"{change} {'/'.join(map(str, path + (key,)))}", mutated
        yield from _mutations(value, path + (key,))
    if isinstance(data, dict):
        mutated = copy.deepcopy(_mutations.root)
        at(mutated, path)["zz-unknown"] = "x"
        yield f"unknown key at {'/'.join(map(str, path))}", mutated


def test_quick_and_full_schema_checks_agree_on_content_and_its_breakages():
    import yaml

    from cpguide.schemas import is_valid, validator_for
    files = sorted((GOOD / "checklists").rglob("*.yml"))
    real = sorted((Path(__file__).parent.parent / "checklists").rglob("*.yml"))
    checked, disagreements = 0, []
    for path in files + real:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = [("as written", data)]
        if path in files:
            _mutations.root = data
            cases += list(_mutations(data))
        for what, case in cases:
            full = not any(True for _ in validator_for(path.name).iter_errors(case))
            if is_valid(path.name, case) != full:
                disagreements.append(f"{path.name}, {what}: quick says {not full}, full says {full}")
            checked += 1
    assert checked > 200, "the fixture has shrunk: too few cases to compare the checks"
    assert not disagreements, "\n".join(disagreements[:20])


def test_schemas_use_only_keywords_that_mean_the_same_in_draft_07_and_2020_12():
    """fastjsonschema knows draft-07; the schemas say 2020-12. Keywords whose meaning changed
    between them (`$ref` beside other keywords, `items` as an array, `unevaluated*`, `prefixItems`,
    `$dynamicRef`, `dependentRequired`...) would make the quick check and the full one disagree."""
    import json

    same = {"$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "examples", "default",
            "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
            "propertyNames", "minProperties", "maxProperties", "items", "minItems", "maxItems", "uniqueItems",
            "contains", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "oneOf", "anyOf", "allOf", "not", "if", "then", "else"}
    problems = []

    def walk(node, where, in_properties=False):
        if isinstance(node, dict):
            for key, value in node.items():
                if key.startswith("x-") and not in_properties:
                    continue  # the vocabulary's display names (cpguide/vocabulary.py): both drafts ignore them
                if in_properties or key in ("$defs", "properties", "patternProperties"):
                    pass
                elif key not in same:
                    problems.append(f"{where}: keyword '{key}'")
                # x- annotations may stand beside a $ref: schemas.py moves the $ref into allOf when an
                # annotation becomes a keyword (x-placeholders)
                beside = {k for k in node if not k.startswith("x-")} - {"$ref", "description", "title", "$comment"}
                if key == "$ref" and beside:
                    problems.append(f"{where}: '$ref' beside {sorted(beside)}")
                if key == "items" and isinstance(value, list):
                    problems.append(f"{where}: 'items' as an array")
                walk(value, f"{where}/{key}", in_properties=key in ("$defs", "properties", "patternProperties")
                     and not in_properties)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    for path in sorted((Path(__file__).parent.parent / "schema").glob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")), path.name)
    assert not problems, "\n".join(problems)


# --- a document's provenance and the conferences worked out by hand ----------------------------

EXAMPLES = "checklists/test-town/examples.yml"
AUTHORITY = "checklists/test-town/authority.yml"


def test_a_partial_copy_must_say_what_is_missing(tree):
    replace_in(tree, AUTHORITY, "    missing: \"Only the agenda and the plan's timing; the appendices were not read.\"\n", "")
    assert errors_for(tree) == [f"{AUTHORITY}:{line_of(tree, AUTHORITY, '- id: t-doc')}: "
                                "'missing' is a required property at documents/0 — add the missing key"]


@pytest.mark.parametrize("field, bad", [("retrieved", '"2026-02-30"'), ("retrieved", '"6 December 2026"'),
                                        ("url", '"www.example.org"'), ("extent", "some")])
def test_a_document_address_date_and_extent_are_checked(tree, field, bad):
    old = {"retrieved": '"2026-12-06"', "url": '"https://test-town.example/procedures"', "extent": "partial"}[field]
    replace_in(tree, AUTHORITY, f"{field}: {old}", f"{field}: {bad}")
    errors = errors_for(tree)
    assert len(errors) == 1 and errors[0].startswith(f"{AUTHORITY}:{line_of(tree, AUTHORITY, field + ':')}:"), errors


@pytest.mark.parametrize("old, new, says", [
    ("rule: t-rule-plan", "rule: t-rule-nothing", "'t-rule-nothing', which is not a rule of this authority"),
    ("conference: icpc", "conference: rcpc", None),  # t-rule-plan is for both: no error (control)
    ('date: "2027-03-31"', 'date: "2027-02-30"', "'2027-02-30' is not a real date"),
    ('time: "10:00"', 'time: "25:00"', "does not match"),
    ('time: "10:00"', 'time: "10.00"', "does not match"),
    ("        working:", "        time: \"10:00\"\n        working:", "gives a time for 't-rule-plan', a rule counted in working_days"),
    ("        working:", "        occurrence: 2\n        working:", "gives occurrence 2 of 't-rule-plan', which does not recur"),
])
def test_an_example_names_real_rules_real_dates_and_times(tree, old, new, says):
    replace_in(tree, EXAMPLES, old, new)
    if says is None:
        valid_content(tree / "checklists")
        return
    errors = errors_for(tree)
    assert len(errors) == 1 and errors[0].startswith(f"{EXAMPLES}:") and says in errors[0], errors


def test_an_example_for_a_rule_of_another_conference_type_is_refused(tree):
    replace_in(tree, "checklists/test-town/timescales.yml", "conference_types: [icpc, rcpc]", "conference_types: [rcpc]")
    errors = errors_for(tree)
    assert errors == [f"{EXAMPLES}:{line_of(tree, EXAMPLES, 'rule: t-rule-plan')}: rule 't-rule-plan' is not for a icpc "
                      "conference (rcpc only) — remove this line, or expect it in an example of the conference type the rule is for"]


def test_validate_notes_an_authority_without_examples(tree):
    (tree / EXAMPLES).unlink()
    result = subprocess.run([sys.executable, "-m", "cpguide.cli", "--content", str(tree / "checklists"), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "note: checklists/test-town has no examples.yml" in result.stdout
    assert "OK:" in result.stdout


def test_a_hand_made_mailto_or_tel_link_names_file_and_line(tree):
    """Phone numbers and e-mail addresses become links from the text itself (cpguide/site/html.py): a
    mailto: or tel: written by hand in the YAML is refused where it is."""
    for url in ("mailto:office@example.org", "tel:01234567890"):
        replace_in(tree, AGENDA, '            text: "Chair welcomes everyone."',
                   f'            text: "Chair welcomes everyone."\n            links:\n              - {{url: "{url}"}}')
        errors = errors_for(tree)
        assert any(f"{AGENDA}:{line_of(tree, AGENDA, url)}:" in e for e in errors), errors
        replace_in(tree, AGENDA, f'            links:\n              - {{url: "{url}"}}\n', "")
