"""The "What to bring and prepare" section of an authority's page for professionals (cpguide/prepare.py):
each point quoted from its document, with the section, the conference it applies to and a link to the
point in its place; not a second box to tick. Where the documents say nothing, the section says so."""

from __future__ import annotations

from ..page_parts import WHAT_TO_BRING as ANCHOR
from ..prepare import prepare_ids, prepare_words
from ..wording import fill
from .html import Html
from .render import types_label


def jump_link(pages) -> list[Html]:
    words = prepare_words(pages.content)
    return [pages.w.a(pages.w.text(words["heading"]), pages.own_page("professionals"), ANCHOR)] if words else []


def prepare_section(pages) -> list[Html]:
    words = prepare_words(pages.content)
    if not words:
        return []
    w, a = pages.w, pages.authority
    body = [w.heading(2, words["heading"], ANCHOR)]
    ids = prepare_ids(a)
    if not ids:
        national = pages.content.national
        pointer = " " + w.a(w.text(national.name), pages.ctx.authority_dir(national.id) + "/index.md") if national else ""
        return body + [w.paragraph(w.text(fill(words["none"], authority=a.name))),
                       w.paragraph(w.text(words["national"]) + pointer)]
    body.append(w.paragraph(w.text(fill(words["intro"], authority=a.name))))
    for item_id in ids:
        body += _quoted(pages, item_id, words["context"])
    return body


def _quoted(pages, item_id: str, context: str) -> list[Html]:
    w = pages.w
    entry = pages.content.index[item_id]
    item = pages.content.resolve(entry.item)
    types = next((x["conference_types"] for x in (item, *reversed(entry.ancestors)) if x.get("conference_types")), None)
    where = [pages.cite(item.get("source"), link_document=False)]
    if types:
        where.append(w.text(types_label(types)))
    return [w.blockquote(w.text(item.get("text") or item.get("title") or "")),
            w.paragraph(Html(" · ").join(where + [pages.link(item_id, context)]), css="cp-prepare-source")]
