"""Publish the open data files and the page that documents them."""

from __future__ import annotations

from typing import Iterator

from .. import opendata
from ..interface import interface_words
from .model import Asset, Page, SiteContext
from .render import filled, md

SRC = "data.md"


def generate(ctx: SiteContext) -> Iterator[Page | Asset]:
    data_files = opendata.files(ctx.content, ctx.version)
    for rel, text in data_files.items():
        yield Asset(f"data/{rel}", text)
    yield Page(SRC, "Open data", _page(ctx, data_files), ("About this site",))


def _page(ctx: SiteContext, data_files: dict[str, str]) -> str:
    rows = [f"| [{md(a.name)}](data/authorities/{a.id}.json) | `{a.id}` | {len(a.rules)} | {len(a.discrepancies)} |"
            for a in sorted(ctx.content.authorities.values(), key=lambda a: a.id)]
    say = interface_words(ctx.content)["compare"]
    schemas = [f"- [`{rel.split('/')[-1]}`](data/{rel})" for rel in data_files if rel.startswith("schema/")]
    return "\n".join([
        "# Open data",
        "",
        "Everything on this site is published as JSON for others to reuse: the procedures of each authority, "
        "word for word, with their source document and section, the timescale rules, and where the sources disagree.",
        "",
        "## Files",
        "",
        "- [`data/index.json`](data/index.json): the list of authorities, their source documents, and the address "
        "of each authority's file.",
        "- " + filled(say["open_data_entry"], link="[`data/compare/timescales.json`](data/compare/timescales.json)",
                      page=f"[{md(say['timescales_title'])}](compare/timescales/index.md)"),
        "- `data/authorities/<id>.json`: one file per authority:",
        "",
        "| Authority | id | Timescale rules | Discrepancies |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
        "## What each authority file holds",
        "",
        "The fields are those of the YAML content files, described by the JSON Schemas below.",
        "",
        "| Field | What it is | Schema |",
        "| --- | --- | --- |",
        "| `id`, `name`, `name_given_in_sources`, `documents`, `notes` | the authority and its source documents "
        "(title, publisher, date or \"not given\") | `authority.schema.json` |",
        "| `standards` | practice standards and paired guidance, numbered as in the source | `standards.schema.json` |",
        "| `agendas` | agenda sections in source order with the source's numbering; each prompt with "
        "`conference_types`, `actors`, `kind` | `agenda.schema.json` |",
        "| `statements` | statements read out at conferences | `statements.schema.json` |",
        "| `role_guides` | per audience and phase (before, during, after) | `roles.schema.json` |",
        "| `timescales` | deadline rules (`kind`, `amount`, `unit`, `direction`, `from`, `conditions`, "
        "`recurrence`, …), each with `in_words` added | `timescales.schema.json` |",
        "| `glossary` | terms and abbreviations | `glossary.schema.json` |",
        "| `family` | plain-English explanations for families, each grounded in source items | `family.schema.json` |",
        "| `discrepancies` | where the authority's documents disagree; `items` are the ids involved and "
        "`kinds` the timescale kinds involved, if any | `discrepancies.schema.json` |",
        "",
        "Every item has a stable `id` (also its anchor on this site) and a `source` naming the document id "
        "and the section it comes from. A `ref` item stands for the item with that id.",
        "",
        "## Schemas",
        "",
        *schemas,
        "",
        "The content is taken from public local authority documents. Check the authority's current procedures "
        "before relying on it.",
        "",
    ])
