"""The JSON Schemas in ../schema, loaded once, with `common.schema.json` refs resolved offline."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

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


def validator_for(file_name: str) -> Draft202012Validator | None:
    schema_name = FILE_TYPES.get(file_name)
    return validators().get(schema_name) if schema_name else None


def raw_schemas() -> dict[str, dict]:
    """Schemas as shipped (without the in-memory $id), for publishing."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}
