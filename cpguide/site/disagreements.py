"""One page listing every recorded disagreement and anomaly, across all authorities."""

from __future__ import annotations

from typing import Iterator

from .model import Page, SiteContext
from .render import NOT_INDEXED, label_of, md

SRC = "disagreements.md"


def generate(ctx: SiteContext) -> Iterator[Page]:
    body = [NOT_INDEXED + "# Where the sources disagree", "",
            "Where an authority's own documents say different things, or a document contradicts itself, this site "
            "shows both versions, with their sources, and never silently picks one. Each item involved also carries "
            "a warning where it is shown. If one applies to you, ask the conference chair or social worker which is "
            "followed.", ""]
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
    return [Page(SRC, "Where the sources disagree", "\n".join(body) + "\n", ("Compare authorities",))]
