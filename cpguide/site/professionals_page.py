"""An authority's page for professionals from partner agencies: it leads with their own tasks (your
report: to whom and by when, or plainly that the documents give no deadline and what national
guidance expects; attending; after the conference), with jump links, then what to bring, the role
guides of each phase without the chair's own tasks (the chairs' page has those) and the dates table.
The words are in checklists/national/expected-deadlines.yml (`sections`)."""

from __future__ import annotations

from ..expected import expected_data, silences
from ..tasks import chairs_task, own_items
from ..wording import fill
from .html import Html
from .render import types_label
from . import prepare_section

AUDIENCE = "professionals"
SECTIONS = {"report": "before", "attending": "during", "after": "after"}  # section -> the guides' phase
ANCHORS = {"report": "your-report", "attending": "attending", "after": "after-the-conference"}


def words(pages) -> dict:
    return expected_data(pages.content).get("sections") or {}


def jump_links(pages) -> list[Html]:
    say = words(pages)
    return [pages.w.a(pages.w.text(say[s]), pages.own_page(AUDIENCE), ANCHORS[s]) for s in SECTIONS if say.get(s)]


def sections(pages) -> list[Html]:
    """The three sections, What to bring and prepare after the report, and where the chair's tasks are."""
    say = words(pages)
    if not say:
        return []
    said = {s.topic: s for s in silences(pages.content, pages.authority, AUDIENCE, pages.ctx.rule_words)}
    body = []
    for section, phase in SECTIONS.items():
        body += _section(pages, say, section, phase, said)
        if section == "report":
            body += prepare_section.prepare_section(pages)
    return body + _chairs_part(pages, say)


def _chairs_part(pages, say: dict) -> list[Html]:
    """The chair's own tasks that the professionals' guides hold, last and under their own heading; the
    chairs' page lists everything the chair does."""
    w = pages.w
    chairs = w.a(w.text(say["chairs_link"]), pages.own_page("chairs"))
    body = [w.heading(2, say["chairs_part"], "the-chairs-part"), w.paragraph(Html(fill(say["chairs"], w.text, Html.escape, link=chairs)))]
    items = [i for g in pages.authority.guides if g["audience"] == AUDIENCE for i in g["items"]
             if chairs_task(pages.content, i, AUDIENCE)]
    return body + ([pages.item_list(items)] if items else [])


def _section(pages, say: dict, section: str, phase: str, said: dict) -> list[Html]:
    w, a = pages.w, pages.authority
    body = [w.heading(2, say[section], ANCHORS[section])]
    lines = []
    for expectation in expected_data(pages.content).get("audiences", {}).get(AUDIENCE, []):
        if expectation.get("section") != section:
            continue
        kinds = set(expectation["kinds"])
        for rule in (r for r in a.rules if r["kind"] in kinds and AUDIENCE in r["audiences"]):
            lines.append(w.item([Html(fill(say["rule"], w.text, Html.escape, what=pages.link(rule["id"], rule["label"]),
                                           when=w.text(pages.ctx.rule_words[rule["id"]]),
                                           types=w.text(types_label(rule["conference_types"]))))]))
        silence = said.get(expectation["topic"])
        if silence:
            only = f" ({types_label(silence.conference_types)} only)" if len(silence.conference_types) == 1 else ""
            lines.append(w.item([w.text(silence.message.removesuffix(".") + only + ". " + " ".join(silence.national))]))
    if lines:
        body.append(w.bullets(lines))
    for guide in (g for g in a.guides if g["audience"] == AUDIENCE and g["phase"] == phase):
        items = own_items(pages.content, guide["items"], AUDIENCE)
        if not items:
            continue
        body.append(w.heading(3, guide["title"], guide["id"]))
        if guide.get("conference_types"):
            body.append(w.paragraph("Applies to: " + w.text(types_label(guide["conference_types"]))))
        body += pages.notes(guide.get("notes", []))
        body += pages.container_related(guide["id"])
        body.append(pages.item_list(items))
    return body
