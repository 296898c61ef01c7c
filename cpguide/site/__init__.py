"""Page generation: content in, pages (HTML or Markdown, model.Page) and data files out. No MkDocs import.

Each generator module has `generate(ctx) -> Iterable[Page | Asset]`; `build_site` runs them all
once per build. The MkDocs hooks only hand the results to MkDocs.
"""

from __future__ import annotations

from importlib import import_module

from . import components
from .model import Asset, Page, SiteBuild, SiteContext

# Order matters only for the navigation.
GENERATOR_MODULES = [
    "cpguide.site.picker",
    "cpguide.site.authority_pages",
    "cpguide.site.checklists",
    "cpguide.site.calculator",
    "cpguide.site.compare",
    "cpguide.site.disagreements",
    "cpguide.site.glossary",
    "cpguide.site.law_page",
    "cpguide.site.sources_files",
    "cpguide.site.opendata_pages",
]


def build_site(content, version: str = "dev", links: str = "urls") -> SiteBuild:
    ctx = SiteContext(content, version, links=links)
    build = SiteBuild()
    for name in GENERATOR_MODULES:  # a generator that cannot be imported stops the build: no page is dropped
        module = import_module(name)
        for out in module.generate(ctx):
            (build.pages if isinstance(out, Page) else build.assets).append(out)
    build.assets += [Asset(path, text) for path, text in components.served()]  # components/<name>/: styles, scripts
    build.nav = ctx.nav_tree(build.pages)
    build.abbreviations = ctx.abbreviation_titles
    build.version = version
    return build


__all__ = ["Asset", "Page", "SiteBuild", "SiteContext", "build_site"]
