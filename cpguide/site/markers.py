"""Invisible markers in hand-written pages (`<!-- cpguide:authorities -->`) replaced with generated Markdown.

One regex, one dispatch table; an unknown marker stops the build (like Material's own shortcodes hook).
"""

from __future__ import annotations

import re

from . import routes
from .model import SiteBuild
from .render import md

MARKER = re.compile(r"<!--\s*cpguide:([a-z-]+)(?:\s+([a-z-]+))?\s*-->")


class MarkerError(Exception):
    pass


def expand_markers(markdown: str, src_uri: str, content, build: SiteBuild) -> str:
    def replace(match: re.Match) -> str:
        handler = HANDLERS.get(match.group(1))
        if handler is None:
            raise MarkerError(f"unknown marker '{match.group(0)}'; known: {', '.join(sorted(HANDLERS))}")
        return handler(src_uri, content, build, *filter(None, [match.group(2)]))

    return MARKER.sub(replace, markdown)


_rel = routes.source_link


def authorities(src_uri: str, content, build: SiteBuild, *_: str) -> str:
    lines = []
    for a in content.local_authorities:
        region = a.meta.get("region") or "region not given"
        lines.append(f"- [{md(a.name)}]({_rel(src_uri, a.id + '/index.md')}) ({md(region)})")
    if content.national:
        lines.append(f"- [{md(content.national.name)}]({_rel(src_uri, 'national/index.md')})")
    return "\n".join(lines)


def version(src_uri: str, content, build: SiteBuild, *_: str) -> str:
    return f"`{build.version}`"


def audiences(src_uri: str, content, build: SiteBuild) -> str:
    from .render import AUDIENCE_NAMES

    return "\n".join(f"- [{name}]({_rel(src_uri, f'for/{a}.md')})" for a, name in AUDIENCE_NAMES.items())


def audience_authorities(src_uri: str, content, build: SiteBuild, audience: str = "") -> str:
    """Per authority, grouped by region: its page for this audience, its dates and its checklists."""
    from .render import AUDIENCE_NAMES

    if audience not in AUDIENCE_NAMES:
        raise MarkerError(f"audience-authorities needs one of: {', '.join(AUDIENCE_NAMES)}")
    from .authority_pages import your_dates

    lines, region = [your_dates(audience), ""], None
    for a in sorted(content.local_authorities, key=lambda a: (a.meta.get("region") or "~", a.name.lower())):
        if (a.meta.get("region") or "Region not given") != region:
            region = a.meta.get("region") or "Region not given"
            lines += ["", f"**{md(region)}**", ""]
        page = _rel(src_uri, f"{a.id}/{audience}.md")
        dates = _rel(src_uri, f"calculator/{audience}.md") + f"?authority={a.id}"
        checklists = _rel(src_uri, f"{a.id}/checklists/index.md")
        lines.append(f"- [{md(a.name)}]({page}) · [dates]({dates}) · [checklists]({checklists})")
    return "\n".join(lines) + "\n"


def parents_questions(src_uri: str, content, build: SiteBuild, *_: str) -> str:
    """The questions every authority's page for parents answers, in the parent's order (questions.yml)."""
    from ..family import questions_data

    return "\n".join(f"- {md(q['question'])}" for q in questions_data(content).get("questions", [])) + "\n"


def whats_changing(src_uri: str, content, build: SiteBuild, *_: str) -> str:
    """The link to 'What is changing' (law.yml's words), for each audience's hub."""
    from ..law import law_data
    from .law_page import SRC

    words = law_data(content).get("words")
    return f"[{md(words['link'])}]({_rel(src_uri, SRC)})" if words else ""


HANDLERS = {"authorities": authorities, "audiences": audiences, "audience-authorities": audience_authorities,
            "parents-questions": parents_questions, "version": version,
            "whats-changing": whats_changing}
