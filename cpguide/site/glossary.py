"""The glossary page (the tooltips its abbreviations give every page: SiteContext.abbreviation_titles)."""

from __future__ import annotations

from typing import Iterator

from ..interface import interface_words
from .model import Asset, Page, SiteContext
from .national_law import checked_markdown
from .render import filled, md, small_print

SRC = "glossary.md"


def generate(ctx: SiteContext) -> Iterator[Page | Asset]:
    terms = sorted(ctx.content.terms, key=lambda t: (t.get("abbreviation") or t["term"]).lower())
    say = interface_words(ctx.content)["glossary"]
    body = [md(say["intro"]), ""]
    letter = ""
    for term in terms:
        name = term.get("abbreviation") or term["term"]
        if name[0].upper() != letter:
            letter = name[0].upper()
            body += [f"## {letter}", ""]
        heading = f"{md(term['abbreviation'])} — {md(term['term'])}" if term.get("abbreviation") else md(term["term"])
        body += [f"### {heading} {{ #{term['id']} }}", "", md(term["definition"]), ""]
        if term.get("plain"):
            body += [filled(say["plain"], everyday=f"*{md(say['everyday'])}*", plain=md(term["plain"])), ""]
        if term.get("quote"):
            body += [f"> {md(term['quote'])}", ""]
        if term.get("aliases"):
            body += [filled(say["aliases"], aliases=", ".join(md(a) for a in term["aliases"])), ""]
        body += [small_print(filled(say["used_in"], sources=used_in(ctx, term)), "cp-meta"), ""]
        body += checked_markdown(ctx.content, term)
    yield Page(SRC, say["title"], f"# {md(say['title'])}\n\n" + "\n".join(body) + "\n", (say["title"],))


def used_in(ctx: SiteContext, term: dict) -> str:
    names = []
    for source in term["sources"]:
        _, doc = ctx.content.documents[source["document"]]
        label = f"{doc['title']} ({source['section']})"
        if label not in names:
            names.append(label)
    return "; ".join(md(n) for n in names)

