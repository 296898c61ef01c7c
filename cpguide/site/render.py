"""Names shared by the generators, and small Markdown building blocks for the pages still written as
Markdown (picker, calculator, comparisons, glossary: one of each per site, not per authority; the
per-authority pages are written as HTML, html.py). Content text is escaped, never trusted as markup."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..content import Entry
from ..wording import fill
from ..vocabulary import ACTORS, AUDIENCES, CONFERENCE_ABBREVIATIONS, FACT_TOPICS, PHASES

# The display names are the schema's (cpguide/vocabulary.py), under the names the generators use.
CONFERENCE_NAMES = CONFERENCE_ABBREVIATIONS
AUDIENCE_NAMES = AUDIENCES
ACTOR_NAMES = ACTORS
PHASE_NAMES = PHASES
__all__ = ["CONFERENCE_NAMES", "AUDIENCE_NAMES", "ACTOR_NAMES", "PHASE_NAMES", "FACT_TOPICS"]

# Backslash escapes for what would be Markdown inline syntax anywhere in a line (Python-Markdown's
# escapable characters, less "." "-" "+" "(" ")" that mean nothing inside a line).
_MD_SPECIAL = re.compile(r"([\\`*_\[|{}#!])")
# At the start of a line these would begin a block: a numbered list ("1. Introductions"), a list, a
# quotation, a definition (": "), a tab set ("==="), a collapsed block ("???"), a fence ("~~~").
# The first character becomes a character reference (Python-Markdown cannot escape "=", "?", ":", "~").
_MD_LINE_START = re.compile(r"^(?:\d+(?=\.)|[-+=?:~])")


# Front matter that keeps a page out of the search index (docs/overrides/main.html): pages that
# gather every authority's items in one place, each of which is indexed on its authority's own page.
# At 150 authorities they would add 6 % to the words Pagefind holds in memory, and a search would find
# every item twice.
NOT_INDEXED = "---\nsearch:\n  exclude: true\n---\n\n"


@lru_cache(maxsize=1 << 16)  # the same titles and labels are escaped on page after page
def md(text: str) -> str:
    """Escape source text for Markdown: it must show exactly as written, wherever it is put, and can
    never make page structure.

    Whitespace runs (newlines, tabs, indentation) become one space, as HTML shows them, so the text
    is one line and only its start can be a line start. "&", "<" and ">" become character references,
    so an entity written in the content ("&lt;", "&amp;") shows as written and no tag or comment can
    start; Markdown's inline syntax is backslash-escaped. "]" becomes a character reference too:
    Python-Markdown reads "[x\\]: y" at the start of a list item as a link reference definition (its
    pattern does not see the backslash), which made the whole line vanish."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("]", "&#93;")
    return _MD_LINE_START.sub(lambda m: f"&#{ord(m[0][0])};{m[0][1:]}", text)


def markdown_block(css: str, lines: list[str], data: str = "", words: dict | None = None) -> list[str]:
    """Lines of Markdown inside a <div class=css> (md_in_html; `data` names a data- attribute for a
    page script, `words` what that script says, as JSON in data-words), from the theme's macro."""
    from .templating import Markup, macros

    return [str(macros("theme.html").markdown_block(css, Markup("\n".join(lines)), data, words)), ""]


def filled(template: str, **markdown: str) -> str:
    """A template of the site's words (interface.yml) as Markdown: its text escaped, its {placeholders}
    replaced by Markdown made already (links, emphasis)."""
    def text(piece: str) -> str:  # md() trims: the spaces around a placeholder are kept
        if piece.isspace():
            return " "
        return (" " if piece[:1].isspace() else "") + md(piece) + (" " if piece[-1:].isspace() else "")

    return fill(template, text, str, **markdown)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def small_print(markdown: str, css_class: str, strong: bool = False, searchable: bool = True) -> str:
    """Markdown already escaped, shown as small print: emphasis with a class (attr_list).
    Not a <span>: inline HTML costs Python-Markdown two more passes over the text.
    `searchable=False` keeps it out of Material's search index (data-search-exclude): the same
    citation under every item would otherwise match every search for its words."""
    mark = "**" if strong else "*"
    return f"{mark}{markdown}{mark}{{ .{css_class}{'' if searchable else ' data-search-exclude'} }}"


def types_label(types: list[str] | None) -> str:
    types = types or ["icpc", "rcpc"]
    return " and ".join(CONFERENCE_NAMES[t] for t in types)


def actors_label(actors: list[str] | None) -> str:
    return ", ".join(ACTOR_NAMES.get(a, a) for a in actors or [])


def document_line(doc: dict) -> str:
    """'Title (publisher, date)', naming only what the document gives: never "(not given, not given)"."""
    given = [doc[key] for key in ("publisher", "date") if doc.get(key) and str(doc[key]).strip().lower() != "not given"]
    return f"{doc['title']} ({', '.join(map(str, given))})" if given else f"{doc['title']} (publisher and date not given)"


def short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def label_of(entry: Entry, content) -> str:
    """A short human label for an item, for links."""
    item = content.resolve(entry.item)
    if entry.type == "rule":
        return f"Deadline: {item['label']}"
    if entry.type == "fact":
        return f"At a glance: {FACT_TOPICS[item['topic']]}"
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
