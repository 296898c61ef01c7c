"""One page listing every recorded disagreement and anomaly, across all authorities."""

from __future__ import annotations

from typing import Iterator

from ..interface import interface_words
from .model import Page, SiteContext
from .render import NOT_INDEXED, label_of, md

SRC = "disagreements.md"


def generate(ctx: SiteContext) -> Iterator[Page]:
    say = interface_words(ctx.content)
    body = [NOT_INDEXED + f"# {md(say['disagreements']['title'])}", "", md(say["disagreements"]["intro"]), ""]
    for a in ctx.content.local_authorities:
        if not a.discrepancies:
            continue
        body += [f"## {md(a.name)}", ""]
        for d in a.discrepancies:
            kind = (d.get("type") or "disagreement").capitalize()
            body += [f"- **[{md(d['title'])}]({ctx.href(SRC, d['id'])})** ({kind}). {md(d['note'])}"]
            for target in d["items"]:
                entry = ctx.content.index[target]
                body += [f"    - [{md(label_of(entry, ctx.content))}]({ctx.href(SRC, target)})"]
        body.append("")
    return [Page(SRC, say["disagreements"]["title"], "\n".join(body) + "\n", (say["compare"]["title"],))]
