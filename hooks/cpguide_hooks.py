"""MkDocs hooks: thin adapters between MkDocs and the cpguide package.

Everything is computed once per build in `on_config`; the other hooks only hand the results over.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from cpguide.errors import ContentInvalid
from cpguide.loader import load_content
from cpguide.site import build_site
from cpguide.site.markers import MarkerError, expand_markers
from cpguide.site.versioning import site_version

log = logging.getLogger("mkdocs.hooks.cpguide")
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        content = load_content()
    except ContentInvalid as exc:  # never a silently partial site
        raise PluginError(str(exc)) from None
    version = site_version(content)
    build = build_site(content, version)
    _state.update(content=content, build=build, version=version)
    config.extra["cpguide_version"] = version
    config.nav = _merge_nav(build.nav, list(config.nav or []))
    if config.plugins.get("material/offline") and config.plugins["material/offline"].config.enabled:
        # instant loading does not work from file:// (Material's offline docs)
        config.theme["features"] = [f for f in config.theme["features"] if f != "navigation.instant"]
    return config


def _merge_nav(generated: list, handwritten: list) -> list:
    """Home page first, then the generated sections, then the rest of the hand-written nav."""
    def is_home(entry) -> bool:
        return entry == "index.md" or (isinstance(entry, dict) and "index.md" in entry.values())

    nav = [e for e in handwritten if is_home(e)] + generated
    for entry in (e for e in handwritten if not is_home(e)):
        title = next(iter(entry)) if isinstance(entry, dict) else None
        same = next((e for e in nav if isinstance(e, dict) and title in e), None)
        if same is not None:  # a generated section of the same name: hand-written pages go first
            same[title] = list(entry[title]) + same[title]
        else:
            nav.append(entry)
    return nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _state["build"]
    for page in build.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for asset in build.assets:
        files.append(File.generated(config, asset.src_uri, content=asset.content))
    return files


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    try:
        markdown = expand_markers(markdown, page.file.src_uri, _state["content"], _state["build"])
    except MarkerError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
    return markdown + _state["build"].abbreviations
