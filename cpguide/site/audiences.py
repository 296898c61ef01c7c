"""One hub per audience: where parents, professionals, social workers and chairs start."""

from __future__ import annotations

from typing import Iterator

from .model import Page, SiteContext
from .render import AUDIENCE_NAMES, md

HUB_DIR = "for"


def hub_uri(audience: str) -> str:
    return f"{HUB_DIR}/{audience}.md"


def generate(ctx: SiteContext) -> Iterator[Page]:
    for audience, name in AUDIENCE_NAMES.items():
        src = hub_uri(audience)
        body = [f"# {name}", "", "Choose the local authority that is holding the conference:", ""]
        for a in ctx.content.local_authorities:
            body.append(f"- [{md(a.name)}]({ctx.rel(src, f'{a.id}/{audience}.md')})")
        body += ["", f"Dates that matter to you: [deadline calculator]({ctx.rel(src, f'calculator/{audience}.md')}).", ""]
        yield Page(src, name, "\n".join(body) + "\n", ("Start here",))
