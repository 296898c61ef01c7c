"""MkDocs hooks: after the build, hand the written site to cpguide/publish.py (Pagefind, offline lists,
Workbox), so every way of building the site (make build, make serve, the tests, the benchmark, the
Pages workflow) gets the same search and service worker."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cpguide.deadlines.words import AUDIENCES
from cpguide.publish import PublishError, publish


def _file_build(config: MkDocsConfig) -> bool:
    """Built to be opened from files (CPGUIDE_OFFLINE): no search index, no service worker can work there."""
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["cpguide_audiences"] = dict(AUDIENCES)  # search filters (overrides/main.html)
    config.extra["cpguide_file_build"] = _file_build(config)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if config.extra["cpguide_file_build"]:
        return
    try:
        publish(Path(config.site_dir), list(config.extra.get("cpguide_authorities") or {}))
    except PublishError as exc:
        raise PluginError(str(exc)) from None
