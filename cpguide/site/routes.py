"""Where each source file is served: the one place that maps source paths to URLs and output files.

MkDocs' default directory URLs (the site needs them: the pages written as HTML link to each other
that way): "a/b.md" is served at "a/b/" (file "a/b/index.html"), "a/index.md" at "a/", "index.md"
at ""; any other file keeps its path. Used by the generators, the hooks, `cpguide generate`, the
benchmark and the tests.
"""

from __future__ import annotations

import posixpath


def page_url(src: str) -> str:
    """The URL path (no leading "/") a source file is served at."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def output_path(src: str) -> str:
    """The file the built site holds for a source file ("a/b.md" -> "a/b/index.html")."""
    url = page_url(src)
    return url + "index.html" if src.endswith(".md") else url


def relative_url(from_page: str, to: str) -> str:
    """Relative URL from one page to another page or file, as MkDocs writes it."""
    here, there = page_url(from_page), page_url(to)
    rel = relpath(there.rstrip("/") or ".", here.rstrip("/"))
    return rel + "/" if there.endswith("/") or not there else rel


# How the pages written as HTML link to other pages: "urls", as MkDocs serves them (MkDocs leaves links in
# raw HTML as they are); "sources", to the source file ("../x/agenda.md"), for an engine that rewrites
# links in raw HTML as MkDocs does in Markdown (Zensical: MAINTAINERS.md, "Building with Zensical").
LINK_STYLES = ("urls", "sources")


def linker(style: str = "urls"):
    """The function (from_page, to) -> href for a link style."""
    if style not in LINK_STYLES:
        raise ValueError(f"link style '{style}': use one of {', '.join(LINK_STYLES)}")
    return relative_url if style == "urls" else source_link


def source_link(from_page: str, to_page: str) -> str:
    """Relative link between two source files, as written in Markdown (MkDocs turns it into a URL)."""
    return relpath(to_page, posixpath.dirname(from_page))


def relpath(target: str, start: str) -> str:
    """posixpath.relpath(target, start or ".") for site paths, without its two abspath() calls.

    Called tens of thousands of times per build (every cross-link); relpath asks the operating system
    for the working directory twice per call, which was a third of the page-generation time at 150
    authorities. Paths with "." or ".." segments or a leading "/" still go through relpath.
    """
    t = target.split("/")
    s = start.split("/") if start else []
    if "" in t or "." in t or ".." in t or "" in s or "." in s or ".." in s:
        return posixpath.relpath(target, start or ".")
    i = 0
    while i < len(t) and i < len(s) and t[i] == s[i]:
        i += 1
    return "/".join([".."] * (len(s) - i) + t[i:]) or "."
