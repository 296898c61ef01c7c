"""MkDocs hooks: thin adapters between MkDocs and the cpguide package.

Everything is computed once per build in `on_config`; the other hooks only hand the results over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import ChoiceLoader
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from cpguide.checks import forget_pronunciations
from cpguide.errors import ContentInvalid
from cpguide import selection
from cpguide.gate import valid_content
from cpguide.publish import template_extra
from cpguide.safefiles import unsafe_entries
from cpguide.site import build_site, components
from cpguide.site.html import HtmlBody, title_html
from cpguide.site.markers import MarkerError, expand_markers
from cpguide.site.navigation import NavError, merge_nav
from cpguide.site.versioning import site_version

log = logging.getLogger("mkdocs.hooks.cpguide")
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        return _configure(config)
    except (ContentInvalid, PluginError) as exc:  # never a silently partial site
        raise PluginError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a bug still gets one clear line, not a traceback
        raise PluginError(f"cpguide could not generate the site ({type(exc).__name__}: {str(exc)[:200]}); "
                          "run `cpguide validate`, and if it passes please report this") from None


def _configure(config: MkDocsConfig) -> MkDocsConfig:
    problems = unsafe_entries(Path(config.docs_dir), Path(config.docs_dir).parent)
    if problems:  # MkDocs would copy whatever a link points to into the site
        raise PluginError("\n".join(problems))
    content = valid_content(only=selection.from_env())  # CPGUIDE_AUTHORITIES: a preview of a few authorities
    forget_pronunciations()  # the reading-grade checks are done: their dictionary's memory goes to the pages
    version = site_version(content)
    build = build_site(content, version)
    _state.update(content=content, build=build, version=version)
    _abbreviations_for_every_page(config, build)
    config.extra["cpguide_version"] = version
    docs = Path(config.docs_dir)
    written = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "overrides" not in p.relative_to(docs).parts]
    # what the theme overrides look up (docs/overrides/main.html): search filters, the scripts' wording
    config.extra.update(template_extra(content, config.extra.get("notices"), written + [p.src_uri for p in build.pages]))
    if not config.use_directory_urls:  # cpguide/site/routes.py: the pages written as HTML link to each other as directory URLs
        raise PluginError("mkdocs.yml: cpguide's generated pages need use_directory_urls: true (the default)")
    try:
        config.nav = merge_nav(build.nav, list(config.nav or []))
    except NavError as exc:
        raise PluginError(str(exc)) from None
    return config


def _abbreviations_for_every_page(config: MkDocsConfig, build) -> None:
    """Tooltips for the glossary's abbreviations on every page, given once to the abbr extension
    (its `glossary` option) instead of appending the definitions to each page's Markdown."""
    if "abbr" in config.markdown_extensions and build.abbreviations:
        abbr = config.mdx_configs.setdefault("abbr", {})
        abbr["glossary"] = {**(abbr.get("glossary") or {}), **build.abbreviations}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build, content = _state.pop("build"), _state.pop("content")
    for page in build.pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        files.append(file)
        if page.html is not None:
            WrittenPage(title_html(page.nav_title or page.title), file, config, page.html)
    for asset in build.assets:
        files.append(File.generated(config, asset.src_uri, content=asset.content))
    generated = {page.src_uri for page in build.pages}
    # Markers in hand-written pages are expanded here, once, so that nothing of the content or the
    # generated Markdown is kept beyond this point: MkDocs holds the pages from now on.
    for file in files.documentation_pages():
        if file.src_uri not in generated:
            text = file.content_string
            if "cpguide:" in text:
                try:
                    file.content_string = expand_markers(text, file.src_uri, content, build)
                except MarkerError as exc:
                    raise PluginError(f"{file.src_uri}: {exc}") from None
    _state["generated"] = generated
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    # The theme finds the components' templates (cpguide/site/components/<name>/<name>.html) here.
    env.loader = ChoiceLoader([env.loader, components.theme_loader()])
    return env


class WrittenPage(MkDocsPage):
    """A page the cpguide package wrote as HTML (cpguide/site/html.py): MkDocs takes its content as it is,
    with its table of contents and anchors, and checks its links as it checks a Markdown page's."""

    def __init__(self, title: str, file: File, config: MkDocsConfig, body: HtmlBody):
        super().__init__(title, file, config)
        self.body: HtmlBody | None = body

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = dict(self.body.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        body, self.body = self.body, None  # MkDocs keeps the content; nothing else is needed after this
        self.content = str(body.html)  # plain text from here: Markup's str methods would escape their arguments
        self.toc = get_toc(nest_toc_tokens([{"level": level, "id": anchor, "name": name} for level, anchor, name in body.toc]))
        self.present_anchor_ids = body.anchors
        self.links_to_anchors = {}
        for src_uri, anchor in body.links:
            target = files.get_file_from_path(src_uri)
            if target is None:
                log.log(config.validation.links.not_found,
                        f"Doc file '{self.file.src_uri}' contains a link to '{src_uri}' which is not found in the documentation files.")
            elif anchor:
                self.links_to_anchors.setdefault(target, {})[anchor] = f"{src_uri}#{anchor}"


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _state["generated"]:
        # MkDocs has read the page into its own copy (page.markdown): keeping the File's as well
        # would hold every generated page in memory twice until the end of the build.
        page.file.content_string = ""
    return markdown
