"""The content model: every authority folder under checklists/, loaded and indexed by id.

Content stays as the plain dicts and lists the YAML gives (the JSON Schemas describe them);
this module adds the index every generator needs: id -> where the item lives, what it is,
which authority it belongs to, and its inherited provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .yamlsource import YamlDocument

NATIONAL = "national"
# The keys whose values are ids of other items (a string or a list): checked by the loader, followed
# both ways by site/relations.py. A discrepancy's `items` are handled on their own by both.
REFERENCE_KEYS = ("related", "ref", "deadline", "standards", "national_limit", "grounded_in")

# The list a dict sits in says what kind of item it is.
ITEM_TYPES = {
    "sets": "standards-set", "standards": "standard", "guidance": "guidance",
    "agendas": "agenda", "sections": "agenda-section", "prompts": "prompt",
    "statements": "statement", "paragraphs": "paragraph", "guides": "guide", "items": "point",
    "rules": "rule", "terms": "term", "discrepancies": "discrepancy", "contacts": "contact",
    "topics": "family-topic", "facts": "fact",
}


@dataclass
class Entry:
    """One item with an id, wherever it lives."""

    id: str
    type: str
    item: dict
    authority: str
    file: str  # content file name, e.g. "agenda.yml"
    json_path: tuple
    ancestors: tuple[dict, ...] = ()

    @property
    def source(self) -> dict | None:
        return self.item.get("source")


@dataclass
class Authority:
    id: str
    folder: Path
    docs: dict[str, YamlDocument] = field(default_factory=dict)

    def data(self, file_name: str) -> dict:
        doc = self.docs.get(file_name)
        return doc.data if doc and isinstance(doc.data, dict) else {}

    @property
    def meta(self) -> dict:
        return self.data("authority.yml")

    @property
    def name(self) -> str:
        return self.meta.get("name", self.id)

    @property
    def short_name(self) -> str:
        return self.meta.get("short_name") or self.name

    @property
    def is_national(self) -> bool:
        return self.meta.get("kind") == NATIONAL or self.id == NATIONAL

    @property
    def documents(self) -> list[dict]:
        return self.meta.get("documents", [])

    @property
    def standard_sets(self) -> list[dict]:
        return self.data("standards.yml").get("sets", [])

    @property
    def agendas(self) -> list[dict]:
        return self.data("agenda.yml").get("agendas", [])

    @property
    def statements(self) -> list[dict]:
        return self.data("statements.yml").get("statements", [])

    @property
    def guides(self) -> list[dict]:
        return self.data("roles.yml").get("guides", [])

    @property
    def rules(self) -> list[dict]:
        return self.data("timescales.yml").get("rules", [])

    @property
    def discrepancies(self) -> list[dict]:
        return self.data("discrepancies.yml").get("discrepancies", [])

    @property
    def terms(self) -> list[dict]:
        return self.data("glossary.yml").get("terms", [])

    @property
    def examples(self) -> list[dict]:
        """Conferences worked out by hand (examples.yml): what the tests hold both engines to."""
        return self.data("examples.yml").get("examples", [])


@dataclass
class Content:
    root: Path
    authorities: dict[str, Authority]
    index: dict[str, Entry] = field(default_factory=dict)
    documents: dict[str, tuple[str, dict]] = field(default_factory=dict)  # doc id -> (authority, doc)

    @property
    def sources_dir(self) -> Path:
        """Plain-text source copies live beside the content folder, in sources/."""
        return self.root.parent / "sources"

    @property
    def local_authorities(self) -> list[Authority]:
        """Authorities other than the national framework, sorted by name."""
        return sorted((a for a in self.authorities.values() if not a.is_national), key=lambda a: a.name.lower())

    @property
    def national(self) -> Authority | None:
        return self.authorities.get(NATIONAL)

    @property
    def terms(self) -> list[dict]:
        return [t for a in self.authorities.values() for t in a.terms]

    def entries(self, type_: str | None = None, authority: str | None = None) -> Iterator[Entry]:
        for entry in self.index.values():
            if (type_ is None or entry.type == type_) and (authority is None or entry.authority == authority):
                yield entry

    def resolve(self, item: dict) -> dict:
        """The item itself, or for a `ref:` item the item it refers to."""
        ref = item.get("ref")
        return self.index[ref].item if ref and ref in self.index else item


def shown(path: Path, content: Content) -> str:
    """A content file as the maintainer knows it: relative to the project folder."""
    try:
        return str(Path(path).relative_to(content.root.parent))
    except ValueError:
        return str(path)


def walk_items(data: Any, path: tuple = (), inherited_source: dict | None = None,
               ancestors: tuple = ()) -> Iterator[tuple[tuple, dict, str, tuple]]:
    """Yield (json_path, item, type, ancestors) for every dict with an id, filling in inherited `source`."""
    if isinstance(data, dict):
        source = data.get("source") or inherited_source
        if "id" in data and path:
            list_key = next((p for p in reversed(path) if isinstance(p, str)), "")
            if source and "source" not in data and "sources" not in data and "ref" not in data:
                data["source"] = source
            yield path, data, ITEM_TYPES.get(list_key, list_key), ancestors
            ancestors = ancestors + (data,)
        for key, value in data.items():
            if key in ("documents", "typos", "links", "conditions", "recurrence", "source", "sources", "examples"):
                continue
            yield from walk_items(value, path + (key,), source, ancestors)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk_items(value, path + (i,), inherited_source, ancestors)
