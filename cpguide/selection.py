"""CPGUIDE_AUTHORITIES=id1,id2: build or serve only those authorities (and the national framework,
always), so that a maintainer's edit-and-reload loop reads and writes one authority, not 150.

Only the chosen folders are read. The national framework's items that cite a document of an
authority left out (glossary terms quote every authority's documents) are left out with it; every
other check runs as usual on what is read. `cpguide validate` always reads everything.
"""

from __future__ import annotations

import os
from pathlib import Path

from .content import NATIONAL, Content
from .errors import ContentError

ENV = "CPGUIDE_AUTHORITIES"


def from_env() -> set[str] | None:
    """The authorities asked for, with the national framework; None when the variable is unset or empty."""
    names = {n.strip() for n in os.environ.get(ENV, "").split(",") if n.strip()}
    return names | {NATIONAL} if names else None


def choose(folders: list[Path], only: set[str] | None, errors: list[ContentError]) -> list[Path]:
    if only is None:
        return folders
    known = {f.name for f in folders}
    for name in sorted(only - known):
        errors.append(ContentError(ENV, None, f"'{name}' is not an authority folder",
                                   "name folders under checklists/, separated by commas, e.g. west-berkshire,north-somerset"))
    return [f for f in folders if f.name in only]


LISTS = ("related", "grounded_in", "standards")  # lists of ids: the missing ones are dropped
SINGLE = ("ref", "deadline", "national_limit")  # one id: an item pointing at a missing one goes too


def leave_out_what_cites_the_rest(content: Content) -> None:
    """Remove the items that cite a document of an authority that was not read, and the references to
    them (after indexing, before the references are checked)."""
    while True:
        gone = [e for e in content.index.values() if _points_outside(content, e)]
        if not gone:
            break
        for entry in gone:
            _remove(content, entry)
    for entry in content.index.values():
        for key in LISTS:
            if isinstance(entry.item.get(key), list):
                entry.item[key] = [t for t in entry.item[key] if not isinstance(t, str) or t in content.index]


def _points_outside(content: Content, entry) -> bool:
    sources = [entry.item["source"]] if entry.item.get("source") else entry.item.get("sources", [])
    return any(s.get("document") not in content.documents for s in sources) or \
        any(entry.item.get(k) and entry.item[k] not in content.index for k in SINGLE)


def _remove(content: Content, entry) -> None:
    parent = content.authorities[entry.authority].docs[entry.file].data
    for step in entry.json_path[:-1]:
        parent = parent[step]
    parent[:] = [item for item in parent if item is not entry.item]
    del content.index[entry.id]
