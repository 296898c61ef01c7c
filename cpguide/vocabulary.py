"""The site's vocabulary, written once: the JSON Schemas' enums with their display names.

Each word list is an enum in schema/ with an `x-labels` mapping beside it (JSON Schema ignores
keywords it does not know); the content is validated against the same enum the pages name. The
Python reads them here, the calculator's JavaScript through words.json (cpguide/deadlines/export.py).
tests/test_vocabulary.py checks that the Python, the JSON and the JavaScript agree with the schemas.
"""

from __future__ import annotations

import json

from .schemas import SCHEMA_DIR


class VocabularyError(Exception):
    pass


def _node(schema_file: str, pointer: str) -> dict:
    node = json.loads((SCHEMA_DIR / schema_file).read_text(encoding="utf-8"))
    for part in pointer.split("/"):
        node = node[part]
    return node


def labels(schema_file: str, pointer: str, key: str = "x-labels") -> dict[str, str]:
    """{value: display name} of the enum at `pointer`, in the enum's order; every value needs a name."""
    node = _node(schema_file, pointer)
    enum, names = node["enum"], node.get(key) or {}
    if set(names) != set(enum):
        raise VocabularyError(f"schema/{schema_file} {pointer}: '{key}' must name exactly the values of its enum "
                              f"(missing: {sorted(set(enum) - set(names))}, extra: {sorted(set(names) - set(enum))})")
    return {value: names[value] for value in enum}


# Where each word list lives: name -> (schema file, JSON pointer to the enum).
WHERE = {
    "conference_types": ("common.schema.json", "$defs/conferenceType"),
    "audiences": ("common.schema.json", "$defs/audience"),
    "actors": ("common.schema.json", "$defs/actor"),
    "phases": ("common.schema.json", "$defs/phase"),
    "outcomes": ("common.schema.json", "$defs/outcome"),
    "item_kinds": ("common.schema.json", "$defs/itemKind"),
    "deadline_kinds": ("timescales.schema.json", "$defs/kind"),
    "fact_topics": ("authority.schema.json", "properties/facts/items/properties/topic"),
    "check_kinds": ("common.schema.json", "$defs/checkedAgainst/items/properties/kind"),
    "change_kinds": ("law.schema.json", "$defs/change/properties/kind"),
}

CONFERENCE_TYPES = labels(*WHERE["conference_types"])  # {"icpc": "initial child protection conference (ICPC)", …}
CONFERENCE_ABBREVIATIONS = labels(*WHERE["conference_types"], key="x-abbreviations")  # {"icpc": "ICPC", …}
AUDIENCES = labels(*WHERE["audiences"])
ACTORS = labels(*WHERE["actors"])
PHASES = labels(*WHERE["phases"])
OUTCOMES = labels(*WHERE["outcomes"])
ITEM_KINDS = labels(*WHERE["item_kinds"])
DEADLINE_KINDS = labels(*WHERE["deadline_kinds"])
FACT_TOPICS = labels(*WHERE["fact_topics"])
CHECK_KINDS = labels(*WHERE["check_kinds"])  # what a text a national fact was checked against is
CHANGE_KINDS = labels(*WHERE["change_kinds"])  # a coming change: an Act, or a programme


def exported() -> dict[str, dict[str, str]]:
    """Every word list, for the JSON the JavaScript reads (words.json)."""
    return {"conference_types": CONFERENCE_TYPES, "conference_abbreviations": CONFERENCE_ABBREVIATIONS,
            "audiences": AUDIENCES, "actors": ACTORS, "phases": PHASES, "outcomes": OUTCOMES,
            "item_kinds": ITEM_KINDS, "deadline_kinds": DEADLINE_KINDS, "fact_topics": FACT_TOPICS,
            "check_kinds": CHECK_KINDS, "change_kinds": CHANGE_KINDS}
