"""`cpguide new-authority ID --name "…" --region "…"`: a new authority folder with the two files every
authority needs (authority.yml, timescales.yml), commented for a maintainer, that validates as it is."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .ids import ID_HINT, is_id
from .messages import one_line
from .schemas import SCHEMA_DIR

AUTHORITY = """\
# yaml-language-server: $schema=../../schema/authority.schema.json
# {name}: who the authority is and the documents its content comes from (see CONTRIBUTING.md).
id: {id}  # the folder name; never change it once published
name: {name_q}
name_given_in_sources: true  # false if the documents do not say which authority wrote them
region: {region_q}
kind: local-authority
documents:
  # One entry per source document. Put its plain text in sources/ and name it in `file`; say
  # `copy: summary` when that file is your summary of the document rather than its own words.
  - id: {prefix}-procedures  # ids start with the authority's prefix, "{prefix}-"
    title: "Replace with the document's title"
    publisher: {name_q}
    date: not given  # as the document gives it
    # file: {id}-procedures.txt
    # url: "https://…"            the web page the document was found at (shown as a link)
    # retrieved: "2026-12-06"     when you read it there
    # extent: partial             whole | partial: does the file hold all of the document?
    # missing: "The appendices."  with extent: partial, what the file leaves out
    # copy: summary               needs url and retrieved: the pages say it is a summary, of when
    # published: "2024-09"       quoted ISO date, month or year, as the document states it
    # last_reviewed: "2025-09"
    # next_review: "2026-09"     the site says "review overdue" once this has passed
"""

TIMESCALES = """\
# yaml-language-server: $schema=../../schema/timescales.schema.json
# {name}: the deadlines the calculator works out. One rule per timing a document gives, with the
# document's own words in `text`; `amount` and `unit` must say what the text says (validate checks).
# Example (remove the # signs and edit):
#  - id: {prefix}-reports-to-family-rcpc
#    kind: reports-to-family
#    label: Reports shared with the family
#    conference_types: [rcpc]
#    amount: 5
#    unit: working_days
#    direction: before
#    limit: at-least
#    from: conference
#    responsible: [professionals]
#    audiences: [parents, professionals]
#    text: "Reports are shared with the family at least 5 working days before a review conference."
#    source: {{document: {prefix}-procedures, section: "Timescales"}}
rules: []
"""


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("new-authority", help="start a new authority folder that validates")
    p.add_argument("id", help="folder name: the authority's name in lower case with hyphens, e.g. north-somerset")
    p.add_argument("--name", required=True, help='the authority\'s name, e.g. "North Somerset Council"')
    p.add_argument("--region", required=True, help="one of England's nine regions, e.g. \"South West\"")
    p.add_argument("--prefix", help="start of every id of this authority (default: the initials of the id)")
    p.set_defaults(func=cmd_new_authority)


def regions() -> list[str]:
    schema = json.loads((SCHEMA_DIR / "authority.schema.json").read_text(encoding="utf-8"))
    return [r for r in schema["properties"]["region"]["enum"] if r != "England"]


def cmd_new_authority(args) -> int:
    folder = Path(args.content) / args.id
    problem = _problem(args, folder)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    prefix = args.prefix or "".join(word[0] for word in args.id.split("-"))
    values = {"id": args.id, "name": args.name, "name_q": json.dumps(args.name, ensure_ascii=False),
              "region_q": json.dumps(args.region), "prefix": prefix}
    folder.mkdir(parents=True)
    (folder / "authority.yml").write_text(AUTHORITY.format(**values), encoding="utf-8")
    (folder / "timescales.yml").write_text(TIMESCALES.format(**values), encoding="utf-8")
    print(f"wrote {folder}/authority.yml and timescales.yml; next: add the document's text to sources/, "
          "fill in both files, then run cpguide validate and cpguide coverage")
    return 0


def shown(value: str) -> str:
    return f"'{one_line(value)}'"


def one_line_text(value: str) -> bool:
    """A name or a region is written into YAML and comments: one line, no control character."""
    return bool(value.strip()) and not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", value)


def _problem(args, folder: Path) -> str | None:
    if not is_id(args.id):
        return f"{shown(args.id)} is not a valid id: {ID_HINT}"
    for option in ("name", "region"):
        if not one_line_text(getattr(args, option)):
            return f"--{option} {shown(getattr(args, option))} must be one line of text, without control characters"
    if folder.exists():
        return f"{shown(str(folder))} already exists: choose another id, or edit the folder that is there"
    if args.region not in regions():
        return f"{shown(args.region)} is not a region: use one of " + ", ".join(regions())
    if args.prefix and not is_id(args.prefix):
        return f"{shown(args.prefix)} is not a valid prefix: {ID_HINT}"
    return None
