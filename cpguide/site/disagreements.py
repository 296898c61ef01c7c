"""One page listing every recorded disagreement and anomaly, across all authorities, by region: each one's
title, linked to where its authority's own page sets it out."""

from __future__ import annotations

from typing import Iterator

from ..interface import interface_words
from .model import Page, SiteContext
from .render import NOT_INDEXED, md
from .sections import region_key, region_of

SRC = "disagreements.md"


def generate(ctx: SiteContext) -> Iterator[Page]:
    say = interface_words(ctx.content)
    body = [NOT_INDEXED + f"# {md(say['disagreements']['title'])}", "", md(say["disagreements"]["intro"]), ""]
    # Each disagreement's title, linked to its authority's own page, where it is set out with its note
    # and the items involved: written out here for every authority, this page was 1.4 MB at 150.
    regions: dict[str, list] = {}
    for a in ctx.content.local_authorities:
        if a.discrepancies:
            regions.setdefault(region_of(a), []).append(a)
    for region in sorted(regions, key=region_key):
        body += [f"## {md(region)}", ""]
        for a in regions[region]:
            titles = "; ".join(f"[{md(d['title'])}]({ctx.href(SRC, d['id'])})" for d in a.discrepancies)
            body += [f"- **{md(a.name)}**: {titles}"]
        body.append("")
    return [Page(SRC, say["disagreements"]["title"], "\n".join(body) + "\n", (say["compare"]["title"],))]
