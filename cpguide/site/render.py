"""Small Markdown building blocks shared by the generators. Content text is escaped, never trusted as markup."""

from __future__ import annotations

import html
import re

from ..content import Entry
from ..deadlines.words import ACTORS, AUDIENCES

CONFERENCE_NAMES = {"icpc": "ICPC", "rcpc": "RCPC"}
# Names shared with the deadline engine's wording: written once, in cpguide/deadlines/words.py.
AUDIENCE_NAMES = AUDIENCES
ACTOR_NAMES = ACTORS
PHASE_NAMES = {"before": "Before the conference", "during": "During the conference", "after": "After the conference"}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md(text: str) -> str:
    """Escape source text for Markdown: it must show exactly as written."""
    return _MD_SPECIAL.sub(r"\\\1", text.strip())


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def small_print(markdown: str, css_class: str, strong: bool = False) -> str:
    """Markdown already escaped, shown as small print: emphasis with a class (attr_list).
    Not a <span>: inline HTML costs Python-Markdown two more passes over the text."""
    mark = "**" if strong else "*"
    return f"{mark}{markdown}{mark}{{ .{css_class} }}"


def anchor(item_id: str) -> str:
    return f'<span class="cp-anchor" id="{attr(item_id)}"></span>'


def types_label(types: list[str] | None) -> str:
    types = types or ["icpc", "rcpc"]
    return " and ".join(CONFERENCE_NAMES[t] for t in types)


def actors_label(actors: list[str] | None) -> str:
    return ", ".join(ACTOR_NAMES.get(a, a) for a in actors or [])


def short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def label_of(entry: Entry, content) -> str:
    """A short human label for an item, for links."""
    item = content.resolve(entry.item)
    if entry.type == "rule":
        return f"Deadline: {item['label']}"
    if entry.type == "term":
        return item.get("abbreviation") or item["term"]
    if entry.type in ("standard", "guidance"):
        kind = "Standard" if entry.type == "standard" else "Practice guidance"
        return f"{kind} {item['number']}" if item.get("number") else f"{kind}: {short(item['text'], 8)}"
    if entry.type == "agenda-section":
        return f"Agenda section {item['number']}. {item['title']}"
    if entry.type in ("statement", "guide", "agenda", "standards-set", "discrepancy"):
        return item.get("title") or entry.id
    return short(item.get("text") or item.get("title") or entry.id)
