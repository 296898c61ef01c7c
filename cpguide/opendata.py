"""The structured content as open data: data/index.json, data/authorities/<id>.json and
data/compare/timescales.json (how the authorities' timings spread, cpguide/spread.py).

The JSON mirrors the YAML (same field names, documented by the JSON Schemas in schema/, which are
published beside it), plus what the build works out: inherited provenance, each discrepancy's
timescale kinds, and each rule in plain words.
"""

from __future__ import annotations

import json

from .content import Authority, Content
from .deadlines.engine import words_by_rule
from .schemas import raw_schemas
from .spread import timescale_spread

FORMAT_VERSION = 1


def authority_json(content: Content, authority: Authority, words: dict[str, str]) -> dict:
    """One authority as open data; `words` is each rule in the calculator's words (words_by_rule).
    It shares the content's own lists and mappings (no copies): it is only ever serialised."""
    rules = [{**r, "in_words": words[r["id"]]} for r in authority.rules]
    discrepancies = []
    for d in authority.discrepancies:
        kinds = sorted({content.index[i].item["kind"] for i in d["items"] if content.index[i].type == "rule"})
        discrepancies.append({**d, "kinds": kinds})
    return {
        "format_version": FORMAT_VERSION,
        **authority.meta,
        "standards": authority.standard_sets,
        "agendas": authority.agendas,
        "statements": authority.statements,
        "role_guides": authority.guides,
        "timescales": rules,
        "glossary": authority.terms,
        "family": authority.data("family.yml").get("topics", []),
        "discrepancies": discrepancies,
        **({"law": authority.data("law.yml")} if "law.yml" in authority.docs else {}),  # schema/law.schema.json
    }


def index_json(content: Content, version: str) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "site_version": version,
        "schemas": [f"schema/{name}" for name in raw_schemas()],
        "authorities": [
            {"id": a.id, "name": a.name, "kind": "national" if a.is_national else "local-authority",
             "name_given_in_sources": a.meta.get("name_given_in_sources", True), "region": a.meta.get("region"),
             "documents": a.documents, "url": f"authorities/{a.id}.json"}
            for a in sorted(content.authorities.values(), key=lambda a: a.id)
        ],
    }


def files(content: Content, version: str) -> dict[str, str]:
    """Path under data/ -> JSON text, for the build and for `cpguide export`."""
    out = {"index.json": _dump(index_json(content, version))}
    words = words_by_rule(content)
    for a in content.authorities.values():
        out[f"authorities/{a.id}.json"] = _dump(authority_json(content, a, words))
    out["compare/timescales.json"] = _dump({"format_version": FORMAT_VERSION, "spread": timescale_spread(content)})
    for name, schema in raw_schemas().items():
        out[f"schema/{name}"] = _dump(schema)
    return out


def _dump(data) -> str:
    # Compact: with `indent` the json module falls back to its pure-Python encoder, the slowest part
    # of generating the site at 150 authorities. Tools read it; `python -m json.tool` shows it indented.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
