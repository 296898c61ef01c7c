"""Invisible markers in hand-written pages (`<!-- cpguide:authorities -->`) replaced with generated Markdown.

One regex, one dispatch table; an unknown marker stops the build (like Material's own shortcodes hook).
"""

from __future__ import annotations

import re

from .model import SiteBuild
from .render import md

MARKER = re.compile(r"<!--\s*cpguide:([a-z-]+)\s*-->")


class MarkerError(Exception):
    pass


def expand_markers(markdown: str, src_uri: str, content, build: SiteBuild) -> str:
    def replace(match: re.Match) -> str:
        handler = HANDLERS.get(match.group(1))
        if handler is None:
            raise MarkerError(f"unknown marker '{match.group(0)}'; known: {', '.join(sorted(HANDLERS))}")
        return handler(src_uri, content, build)

    return MARKER.sub(replace, markdown)


def _rel(src_uri: str, target: str) -> str:
    import posixpath

    return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")


def authorities(src_uri: str, content, build: SiteBuild) -> str:
    lines = []
    for a in content.local_authorities:
        region = a.meta.get("region") or "region not given"
        lines.append(f"- [{md(a.name)}]({_rel(src_uri, a.id + '/index.md')}) ({md(region)})")
    if content.national:
        lines.append(f"- [{md(content.national.name)}]({_rel(src_uri, 'national/index.md')})")
    return "\n".join(lines)


def version(src_uri: str, content, build: SiteBuild) -> str:
    return f"`{build.version}`"


def audiences(src_uri: str, content, build: SiteBuild) -> str:
    from .audiences import hub_uri
    from .render import AUDIENCE_NAMES

    return "\n".join(f"- [{name}]({_rel(src_uri, hub_uri(a))})" for a, name in AUDIENCE_NAMES.items())


HANDLERS = {"authorities": authorities, "audiences": audiences, "version": version}
