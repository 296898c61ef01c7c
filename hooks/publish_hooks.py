"""MkDocs hooks: after the build, hand the written site to cpguide/publish.py (Pagefind, offline lists,
Workbox), so every way of building the site (make build, make serve, the tests, the benchmark, the
Pages workflow) gets the same search and service worker.

Built to be opened from files (CPGUIDE_OFFLINE=true, extra.file_build), there is no search index and
no service worker (neither can work from file://: the pages say so), and links to pages name their
index.html, since a browser opens a folder from files as a listing, not as its page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cpguide.publish import PublishError, link_index_files, publish


def _file_build(config: MkDocsConfig) -> bool:
    return str(config.extra.get("file_build", False)).lower() in ("true", "1", "yes")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["cpguide_file_build"] = _file_build(config)
    if config.extra["cpguide_file_build"]:
        config.extra_javascript.append("assets/js/file-build.js")  # says where features cannot work
    return config


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return link_index_files(output) if config.extra["cpguide_file_build"] else output


def on_post_build(config: MkDocsConfig) -> None:
    if config.extra["cpguide_file_build"]:
        return
    try:
        publish(Path(config.site_dir), list(config.extra.get("cpguide_authorities") or {}))
    except PublishError as exc:
        raise PluginError(str(exc)) from None
