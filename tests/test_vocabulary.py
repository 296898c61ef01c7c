"""One vocabulary: the Python, the exported JSON and the JavaScript all use the schema's words.

The truth is read here straight from schema/*.schema.json (each enum and its `x-labels`), not through
cpguide/vocabulary.py, and the JavaScript is run with Node on the words.json the site publishes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schema"
JS = ROOT / "docs" / "assets" / "js"
CALCULATOR_JS = ROOT / "cpguide" / "site" / "components" / "calculator" / "calculator.mjs"


def _labelled_enums() -> dict[tuple[str, str], dict]:
    """(schema file, JSON pointer) -> the node, for every enum in the schemas that has display names."""
    found = {}

    def walk(node, file, path):
        if isinstance(node, dict):
            if "x-labels" in node:
                found[(file, "/".join(path))] = node
            for key, value in node.items():
                if not key.startswith("x-"):
                    walk(value, file, path + [key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, file, path + [str(i)])

    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        walk(json.loads(schema.read_text(encoding="utf-8")), schema.name, [])
    return found


ENUMS = _labelled_enums()


def schema_words(file: str, pointer: str, key: str = "x-labels") -> dict[str, str]:
    node = ENUMS[(file, pointer)]
    return {value: node[key][value] for value in node["enum"]}


COMMON = "common.schema.json"
AUDIENCES = schema_words(COMMON, "$defs/audience")
CONFERENCE_TYPES = schema_words(COMMON, "$defs/conferenceType")
OUTCOMES = schema_words(COMMON, "$defs/outcome")


def test_every_value_of_a_named_enum_has_its_name():
    assert len(ENUMS) >= 8
    for (file, pointer), node in ENUMS.items():
        for key in ("x-labels", "x-abbreviations"):
            if key in node:
                assert list(node[key]) == node["enum"], f"{file} {pointer}: {key} in the enum's order, every value once"
                assert all(isinstance(v, str) and v.strip() for v in node[key].values()), (file, pointer)


def test_the_vocabulary_module_reads_every_named_enum():
    from cpguide import vocabulary

    assert set(vocabulary.WHERE.values()) == set(ENUMS)
    for name, where in vocabulary.WHERE.items():
        assert getattr(vocabulary, name.upper()) == schema_words(*where), name
        assert list(getattr(vocabulary, name.upper())) == ENUMS[where]["enum"], f"{name}: the schema's order"


def test_the_python_names_are_the_schema_s():
    from cpguide.deadlines import engine, words
    from cpguide.site import authority_pages, render

    exported = words.vocabulary()  # what the calculator's JavaScript reads (words.json)
    assert exported["audiences"] == render.AUDIENCE_NAMES == AUDIENCES
    assert exported["conference_types"] == CONFERENCE_TYPES
    assert render.CONFERENCE_NAMES == schema_words(COMMON, "$defs/conferenceType", "x-abbreviations")
    assert exported["outcomes"] == OUTCOMES
    assert exported["actors"] == render.ACTOR_NAMES == schema_words(COMMON, "$defs/actor")
    assert render.PHASE_NAMES == schema_words(COMMON, "$defs/phase")
    assert render.FACT_TOPICS == schema_words("authority.schema.json", "properties/facts/items/properties/topic")
    assert authority_pages.KIND_NAMES == schema_words(COMMON, "$defs/itemKind")
    assert engine.CHOICES == {"conference": tuple(CONFERENCE_TYPES), "outcome": tuple(OUTCOMES),
                              "audience": tuple(AUDIENCES)}


def test_a_value_without_a_name_stops_the_build(tmp_path, monkeypatch):
    from cpguide import vocabulary

    schema = json.loads((SCHEMAS / COMMON).read_text(encoding="utf-8"))
    del schema["$defs"]["audience"]["x-labels"]["chairs"]
    (tmp_path / COMMON).write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(vocabulary, "SCHEMA_DIR", tmp_path)
    with pytest.raises(vocabulary.VocabularyError, match=r"audience.*missing: \['chairs'\]"):
        vocabulary.labels(COMMON, "$defs/audience")


@pytest.fixture(scope="module")
def published(content) -> dict:
    """words.json and the bank-holiday table as the site publishes them."""
    from cpguide.site.calculator import generate
    from cpguide.site.model import Asset, SiteContext

    assets = {a.src_uri: a for a in generate(SiteContext(content)) if isinstance(a, Asset)}
    return {name: json.loads(assets[f"data/calculator/{name}.json"].content) for name in ("words", "bank-holidays")}


def test_the_exported_json_is_the_schema_s(published):
    words = published["words"]
    for (file, pointer), node in ENUMS.items():
        exported = [v for v in words.values() if isinstance(v, dict) and list(v) == node["enum"]]
        assert schema_words(file, pointer) in exported, f"{file} {pointer} is not in words.json"
    assert words["audiences"] == AUDIENCES and words["outcomes"] == OUTCOMES
    assert words["conference_types"] == CONFERENCE_TYPES
    assert words["choices"] == {"conference": list(CONFERENCE_TYPES), "outcome": list(OUTCOMES),
                                "audience": list(AUDIENCES)}
    assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", words["default_time"])


def test_the_javascript_uses_the_exported_words(published):
    node = shutil.which("node")
    if not node:
        pytest.fail("node not found: install Node.js 20 (Debian package nodejs)", pytrace=False)
    words = published["words"]
    result = subprocess.run([node, str(ROOT / "tests" / "vocabulary.mjs")], capture_output=True, text=True, cwd=ROOT,
                            input=json.dumps({"words": words, "table": published["bank-holidays"]}), timeout=60)
    assert result.returncode == 0, result.stderr
    js = json.loads(result.stdout)
    assert js["accepted"] == words["choices"], "the form accepts exactly the schema's values"
    assert all(js["refused"].values())
    assert js["outcomes"] == {"cp": "Only if the conference decides on a child protection plan.",
                              "cin": "Only if the conference decides on a child in need plan."}
    assert js["assumed"] == words["default_time"]


def test_the_javascript_holds_no_word_list_of_its_own():
    values = set(AUDIENCES) | set(CONFERENCE_TYPES) | set(OUTCOMES)
    for path in (JS / "deadlines.mjs", JS / "deadline-text.mjs", CALCULATOR_JS):
        name = path.name
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
        literals = set(re.findall(r"'([^'\n]*)'|\"([^\"\n]*)\"", code))
        found = {v for pair in literals for v in pair if v in values}
        assert not found, f"{name} spells out {sorted(found)}: read them from words.json"
