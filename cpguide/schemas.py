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

import fastjsonschema
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

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
    "questions.yml": "questions.schema.json",
    "interface.yml": "interface.schema.json",
    "expected-deadlines.yml": "expected-deadlines.schema.json",
}


def _load_all(schema_dir: Path) -> dict[str, dict]:
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["$id"] = path.resolve().as_uri()  # so relative $refs resolve to sibling files
        schemas[path.name] = schema
    return schemas


@lru_cache(maxsize=None)
def validators(schema_dir: Path = SCHEMA_DIR) -> dict[str, Draft202012Validator]:
    schemas = _load_all(schema_dir)
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas.values()
    )
    return {name: Draft202012Validator(schema, registry=registry) for name, schema in schemas.items()}


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
