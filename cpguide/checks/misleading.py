"""Content that is valid but would mislead a reader, refused by `cpguide validate` with file and line:

- a second authority under a look-alike name: the same name written with other case, spacing,
  punctuation or accents, or with letters of another alphabet that look like Latin ones (Cyrillic
  "е" in "Wеst Berkshire");
- a link whose text is the address of one web site while its address leads to another;
- a glossary abbreviation that is an ordinary word ("the"): the site puts its tooltip on every
  occurrence of it, on every page;
- an item id that a fixed part of a page uses as its id too (two elements with one id). A heading
  whose id is made from its text never takes an item's id (cpguide/site/html.py).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator
from urllib.parse import urlsplit

from ..content import Content
from ..errors import ContentError
from ..family import questions_data
from ..page_parts import PAGE_PART_IDS
from .places import shown


def misleading_errors(content: Content) -> list[ContentError]:
    return [*_look_alike_authorities(content), *_links_naming_another_site(content),
            *_ordinary_word_abbreviations(content), *_ids_of_page_parts(content)]


# --- authorities -----------------------------------------------------------------------------------

def skeleton(name: str) -> str:
    """What a reader sees of a name: letters and digits, without case, accents or spacing."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain.casefold() if c.isalnum() and not unicodedata.combining(c))


def _foreign_letter(name: str) -> str | None:
    for c in unicodedata.normalize("NFKD", name):
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return c
    return None


def _look_alike_authorities(content: Content) -> Iterator[ContentError]:
    seen: dict[str, str] = {}
    for authority in sorted(content.authorities.values(), key=lambda a: a.id):
        doc = authority.docs.get("authority.yml")
        if doc is None:
            continue
        for key in ("name", "short_name"):
            name = authority.meta.get(key)
            if not isinstance(name, str):
                continue
            where = shown(doc.path, content), doc.line_of((key,))
            foreign = _foreign_letter(name)
            if foreign:
                yield ContentError(*where, f"{key} {name!r} has the letter {foreign!r} ({unicodedata.name(foreign, '?').title()}), "
                                   "which looks like a Latin one", "write the name in the Latin alphabet, as the council writes it")
            other = seen.setdefault(skeleton(name), authority.id)
            if other != authority.id:
                yield ContentError(*where, f"{key} {name!r} reads the same as the name of '{other}'",
                                   "each authority appears once: remove the copy, or give the name the council itself uses")


# --- links -----------------------------------------------------------------------------------------

# Link text that is a web address: it starts with a site's name ("www.gov.uk", "westberks.gov.uk/form",
# "https://gov.uk"). Text that only mentions a site ("links to the guidance on GOV.UK") is not one.
_SITE = re.compile(r"^\s*(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:uk|com|org|net|gov|info|io|co|eu|nhs|police|edu))"
                   r"(?![\w-])", re.IGNORECASE)


def _dicts(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    if isinstance(data, dict):
        yield path, data
        for key, value in data.items():
            yield from _dicts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _dicts(value, path + (i,))


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _links_naming_another_site(content: Content) -> Iterator[ContentError]:
    for authority in content.authorities.values():
        for doc in authority.docs.values():
            for path, item in _dicts(doc.data):
                url, text = item.get("url"), item.get("text")
                if not (isinstance(url, str) and isinstance(text, str)):
                    continue
                host = _host(url)
                for named in {m.lower().removeprefix("www.") for m in _SITE.findall(text)}:
                    if host != named and not host.endswith("." + named):
                        yield ContentError(shown(doc.path, content), doc.line_of(path + ("text",)),
                                           f"the link's text names {named} but its address leads to {host or url!r}",
                                           "make the text say where the link goes, or correct the address")
                        break


# --- abbreviations ---------------------------------------------------------------------------------

def _ordinary_word_abbreviations(content: Content) -> Iterator[ContentError]:
    """An abbreviation is written with at least two capitals, or a capital and a digit (ICPC, CiN, S47):
    anything else can be an ordinary word in the text."""
    for authority in content.authorities.values():
        doc = authority.docs.get("glossary.yml")
        for i, term in enumerate((doc.data or {}).get("terms", []) if doc else []):
            abbreviation = term.get("abbreviation") if isinstance(term, dict) else None
            if not isinstance(abbreviation, str):
                continue
            capitals = sum(c.isupper() for c in abbreviation)
            if capitals < 2 and not (capitals and any(c.isdigit() for c in abbreviation)):
                yield ContentError(shown(doc.path, content), doc.line_of(("terms", i, "abbreviation")),
                                   f"abbreviation {abbreviation!r} could be an ordinary word: its tooltip would be on every "
                                   f"{abbreviation!r} of the site", "an abbreviation has at least two capitals, or a capital "
                                   "and a digit (ICPC, CiN, S47); write the term without one otherwise")


# --- ids ---------------------------------------------------------------------------------------------

def page_part_ids(content: Content) -> set[str]:
    """The ids the pages give their own parts (not items): the dates section, what to bring, and each
    parents' question."""
    questions = questions_data(content).get("questions", [])
    return set(PAGE_PART_IDS) | {q["anchor"] for q in questions if isinstance(q, dict) and "anchor" in q}


def _ids_of_page_parts(content: Content) -> Iterator[ContentError]:
    taken = page_part_ids(content)
    for entry in content.index.values():
        if entry.id in taken:
            doc = content.authorities[entry.authority].docs[entry.file]
            yield ContentError(shown(doc.path, content), doc.line_of(entry.json_path + ("id",)),
                               f"the id '{entry.id}' is the id of a part of the site's pages",
                               "choose another id: an id names one thing on its page")
