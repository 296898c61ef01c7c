"""The 'What is changing' page (national/changing.md): each coming change in plain words and for
professionals, its status on the build date (cpguide/law.py) and where it was checked. All its words
are in checklists/national/law.yml."""

from __future__ import annotations

from typing import Iterator

from ..law import law_data, status, words_of
from ..vocabulary import CHANGE_KINDS
from .model import Page, SiteContext
from .render import md
from .sections import nav_path
from ..wording import fill

SRC = "national/changing.md"
FAMILY = "---\nfamily: true\n---\n\n"  # a parent reaches it from the families' hub: quick exit and Listen


def generate(ctx: SiteContext) -> Iterator[Page]:
    data = law_data(ctx.content)
    if not data:
        return
    say = data["words"]
    body = [f"# {md(say['title'])}", "", md(say["intro"]), "",
            md(fill(say["built"], date=words_of(ctx.build_date.isoformat()))) + " "
            + md(fill(say["last_checked"], date=words_of(data["last_checked"]))), ""]
    for change in data["changes"]:
        body += change_section(change, ctx, say)
    yield Page(SRC, say["title"], FAMILY + "\n".join(body) + "\n", nav_path(ctx.content.national), say["title"])


def change_section(change: dict, ctx: SiteContext, say: dict) -> list[str]:
    found = status(change, ctx.build_date, say)
    lines = [f"## {md(change['title'])} {{ #{change['anchor']} }}", "",
             f"**{md(say['status_label'])}** {md(found.sentence)}", ""]
    for flag in found.flags:  # a date passed since the last check: said first, where it cannot be missed
        lines += ['!!! warning ""', "", "    " + md(flag), ""]
    lines += [f"### {md(say['plain_heading'])}", "", md(change["plain"]), "",
              f"### {md(say['who_heading'])}", "", md(change["who_plain"]), "",
              f"### {md(say['staff_heading'])}", "", md(change["staff"]), "", md(change["who_staff"]), "",
              f"**{md(say['law_label'])}** {md(change['law'])} ({md(CHANGE_KINDS[change['kind']])})." + (f" {md(change['commencement'])}" if change.get("commencement") else ""), ""]
    for note in change.get("notes", []):
        lines += [f"*{md(say['notes_heading'])}:* {md(note)}", ""]
    lines += [f"**{md(say['evidence_heading'])}**", ""]
    return lines + evidence_items(change["evidence"], say) + [""]


def evidence_items(evidence: list[dict], say: dict) -> list[str]:
    """Each text read, linked (the schema keeps spaces, brackets and parentheses out of its address)."""
    return [f"- [{md(e['text'])}]({e['url']}) ({md(fill(say['read'], date=words_of(e['read'])))})" for e in evidence]

