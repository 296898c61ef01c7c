"""MkDocs hooks: after the build, hand the written site to cpguide/publish.py (Pagefind, offline lists,
Workbox), so every way of building the site (make build, make serve, the tests, the benchmark, the
Pages workflow) gets the same search and service worker.

Built to be opened from files (CPGUIDE_OFFLINE=true, extra.file_build), cpguide/publish.py says what
changes (configure_file_build, finish); `cpguide generate` and `cpguide publish` do the same for Zensical.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cpguide.publish import PublishError, configure_file_build, finish


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    configure_file_build(config.extra, config.extra_javascript)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    try:
        finish(Path(config.site_dir), list(config.extra.get("cpguide_authorities") or {}), config.extra["cpguide_file_build"])
    except PublishError as exc:
        raise PluginError(str(exc)) from None
