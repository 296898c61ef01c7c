"""The authority picker: the index page of the "Authorities" section.

Every local authority, grouped by region, as a plain list of links that works without JavaScript.
The list is the component cpguide/site/components/picker: its script (loaded for `[data-cpguide-picker]`) adds a search box that filters as
you type and a "Use this authority" button that remembers the choice in this browser only; every
other page then shows a one-line "Your authority: X · change" link, never a 150-item menu.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..interface import interface_words
from ..wording import fill
from . import components
from .model import Page, SiteContext
from .render import attr, filled, md
from .templating import Markup, macros
from .sections import region_key, region_of

SRC = "authorities/index.md"
PICKER = macros(components.template_name("picker"))


def _picker(words: dict, lines: list[str]) -> list[str]:
    """The list (Markdown lines) inside the picker's block, where its script mounts."""
    return [str(PICKER.picker(words, Markup("\n".join(lines)))), ""]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "region"


def region_uri(region: str) -> str:
    return f"authorities/{_slug(region)}/index.md"


def _entries(ctx: SiteContext, src: str, authorities) -> list[str]:
    """The list the picker script works on: one link per authority, its id in data-authority."""
    lines = []
    for a in authorities:
        href = ctx.rel(src, f"{ctx.authority_dir(a.id)}/index.md")
        lines.append(f'- [{md(a.name)}]({href}){{ data-authority="{attr(a.id)}" }}')
    return lines + [""]


def generate(ctx: SiteContext) -> Iterator[Page]:
    authorities = ctx.content.local_authorities
    groups: dict[str, list] = {}
    for a in authorities:
        groups.setdefault(region_of(a), []).append(a)
    regions = sorted(groups, key=region_key)
    count = len(authorities)
    say = interface_words(ctx.content)["picker"]
    body = [f"# {md(say['title'])}", "", md(say["intro"]), "",
            md(fill(say["listed_one" if count == 1 else "listed"], count=count)), ""]
    listed: list[str] = []
    for region in regions:
        listed += [f"## {md(region)} {{ #region-{_slug(region)} }}", ""] + _entries(ctx, SRC, groups[region])
    body += _picker(say["script"], listed)
    if ctx.content.national:
        link = f"[{md(say['national_link'])}]({ctx.rel(SRC, ctx.authority_dir(ctx.content.national.id) + '/index.md')})"
        body += [filled(say["national"], link=link, document=f"*{md(say['national_document'])}*"), ""]
    yield Page(SRC, say["title"], "\n".join(body), ("Authorities",))
    # One short page per region: the index of its navigation section (navigation.indexes), so that a
    # region in the sidebar opens the list of its authorities. Made here, before the authority pages,
    # so the regions appear in the sidebar in this order.
    for region in regions:
        src = region_uri(region)
        n = len(groups[region])
        body = [f"# {md(region)}", "",
                f"{md(fill(say['region_one' if n == 1 else 'region'], count=n))} [{md(say['all'])}]({ctx.rel(src, SRC)}).", ""]
        body += _picker(say["script"], _entries(ctx, src, groups[region]))
        yield Page(src, region, "\n".join(body), ("Authorities", region))
