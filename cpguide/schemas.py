"""The JSON Schemas in ../schema, loaded once, with `common.schema.json` refs resolved offline.

Two validators read the same schemas. `jsonschema` reports every error with its path, which the
loader turns into file:line messages; it is also slow (half of loading 150 authorities).
`fastjsonschema` compiles each schema to Python once and only answers "valid or not", ten times
faster. The loader asks the fast one first and the full one only about a file that fails.
tests/test_validation.py checks that both give the same verdict. The schemas use no keyword whose
meaning differs between draft 2020-12 and draft-07, the newest draft fastjsonschema knows.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import re

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError
from jsonschema import validators as jsonschema_validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .wording import pattern as placeholder_pattern

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

# content file name -> schema file name
FILE_TYPES = {
    "authority.yml": "authority.schema.json",
    "standards.yml": "standards.schema.json",
    "agenda.yml": "agenda.schema.json",
    "statements.yml": "statements.schema.json",
    "roles.yml": "roles.schema.json",
    "timescales.yml": "timescales.schema.json",
    "glossary.yml": "glossary.schema.json",
    "discrepancies.yml": "discrepancies.schema.json",
    "family.yml": "family.schema.json",
    "examples.yml": "examples.schema.json",
    "questions.yml": "questions.schema.json",
    "interface.yml": "interface.schema.json",
    "expected-deadlines.yml": "expected-deadlines.schema.json",
    "law.yml": "law.schema.json",
}


def _load_all(schema_dir: Path) -> dict[str, dict]:
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["$id"] = path.resolve().as_uri()  # so relative $refs resolve to sibling files
        schemas[path.name] = _with_placeholder_patterns(_texts_not_empty(schema))
    return schemas


def _texts_not_empty(node: Any) -> Any:
    """Every text in content says something: a string without its own minLength gets 1, unless the
    schema says an empty one means something (`"x-may-be-empty": true`)."""
    if isinstance(node, dict):
        for value in node.values():
            _texts_not_empty(value)
        if node.get("type") == "string" and "minLength" not in node and not node.get("x-may-be-empty"):
            node["minLength"] = 1
    elif isinstance(node, list):
        for value in node:
            _texts_not_empty(value)
    return node


def _with_placeholder_patterns(node: Any) -> Any:
    """Each wording template's list of placeholders (`x-placeholders`, cpguide/wording.py) becomes a
    pattern both checkers enforce: a template using any other name, or any other brace, is refused."""
    if isinstance(node, dict):
        for value in node.values():
            _with_placeholder_patterns(value)
        names = node.get("x-placeholders")
        if names is not None:
            # draft-07 (the quick check) ignores every keyword beside a $ref: both go inside allOf
            ref = [{"$ref": node.pop("$ref")}] if "$ref" in node else []
            node["allOf"] = ref + node.get("allOf", []) + [{"pattern": placeholder_pattern(names), "x-placeholders": names}]
    elif isinstance(node, list):
        for value in node:
            _with_placeholder_patterns(value)
    return node


_DOLLAR = re.compile(r"(?<!\\)\$")  # an unescaped $, as fastjsonschema finds it


@lru_cache(maxsize=None)
def ecma_regex(pattern: str) -> re.Pattern:
    """A JSON Schema pattern as ECMA 262 reads it: `$` is the end of the text, never "before a final
    newline" as in Python. fastjsonschema does the same, so both checkers give one verdict."""
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema_validators.extend(Draft202012Validator, {"pattern": _pattern})


@lru_cache(maxsize=None)
def validators(schema_dir: Path = SCHEMA_DIR) -> dict[str, Draft202012Validator]:
    schemas = _load_all(schema_dir)
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas.values()
    )
    return {name: _Validator(schema, registry=registry) for name, schema in schemas.items()}


@lru_cache(maxsize=None)
def quick_checks(schema_dir: Path = SCHEMA_DIR) -> dict[str, Callable[[Any], bool]]:
    """Schema file name -> a compiled check: True when the data is valid."""
    schemas = _load_all(schema_dir)
    by_uri = {s["$id"]: s for s in schemas.values()}
    checks = {}
    for name, schema in schemas.items():
        compiled = fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"},
                                          handlers={"file": by_uri.__getitem__})
        checks[name] = _as_check(compiled)
    return checks


def _as_check(compiled: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def check(data: Any) -> bool:
        try:
            compiled(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True
    return check


def is_valid(file_name: str, data: Any) -> bool:
    """The quick verdict for a content file (see the module's docstring)."""
    return quick_checks()[FILE_TYPES[file_name]](data)


def validator_for(file_name: str) -> Draft202012Validator | None:
    schema_name = FILE_TYPES.get(file_name)
    return validators().get(schema_name) if schema_name else None


def raw_schemas() -> dict[str, dict]:
    """Schemas as shipped (without the in-memory $id), for publishing."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}
