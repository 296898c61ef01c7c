"""`cpguide generate --out DIR`: the whole site as a plain MkDocs project, with no hooks.

DIR gets `docs/` (the hand-written pages with their markers expanded, the assets and theme
overrides), every generated page as a file, the data files, and a `mkdocs.yml` with the whole
navigation, the glossary's abbreviations and the site version written in. `mkdocs build --strict`
in DIR builds the same pages as the normal build (tests/test_generate.py), and an engine that reads
mkdocs.yml but runs no hooks (Zensical; MkDocs 2.0 will have no plugins) has everything it needs.

The pages written as HTML (html.py) become Markdown files written from the same blocks as the
normal build's pages (blocks.py): their headings are Markdown headings, so the toc extension gives
them the same table of contents and permanent links as in the normal build, and their other blocks
are the HTML as it is: raw HTML blocks, which Python-Markdown passes through untouched. MkDocs does
not check links inside raw HTML, so `check_links` checks them here, before anything is written: a
broken link stops `cpguide generate` as it stops the strict build.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from ..publish import configure_file_build, is_file_build, template_extra
from .blocks import markdown
from .components import theme_templates
from .markers import MarkerError, expand_markers
from .model import Page, SiteBuild
from .navigation import merge_nav

REPO = Path(__file__).resolve().parents[2]
MARKER_FILE = ".cpguide-generated"  # a folder holding it may be replaced by the next `generate`
# Material 9's styles for its header search box, whose markup the site's own search keeps
# (components/search): Zensical's themes no longer draw it (scripts/vendor-material-search.py).
SEARCH_BOX_CSS = "assets/vendor/material-search.css"


class ProjectError(Exception):
    pass


# --- pages ----------------------------------------------------------------------------------------

def page_source(page: Page) -> str:
    """The page as a Markdown file: its Markdown, or its blocks written as Markdown (blocks.py)."""
    if page.html is None:
        return page.markdown
    meta = page.html.meta
    front = f"---\n{yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
    return front + markdown(page.html) + "\n"


# --- links ----------------------------------------------------------------------------------------

_ATTR_ID = re.compile(r"\{[^}\n]*?#([A-Za-z0-9_:.-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(\{[^}]*\})?\s*$", re.M)


def _markdown_ids(text: str) -> set[str]:
    """Ids a Markdown page will have: attribute lists, ids in HTML, and headings' slugs."""
    ids = {a or b for a, b in _ATTR_ID.findall(text)}
    ids |= {slugify(heading, "-") for heading, attrs in _MD_HEADING.findall(text) if "#" not in attrs}
    return ids


def check_links(build: SiteBuild, handwritten: dict[str, str]) -> list[str]:
    """Every link in the pages written as HTML leads to a page or file of the site, and to an id on it.

    `handwritten` is {src_uri: text} of the hand-written files (Markdown text, or "" for other files).
    """
    anchors = {src: _markdown_ids(text) for src, text in handwritten.items()}
    for page in build.pages:
        anchors[page.src_uri] = page.html.anchors if page.html is not None else _markdown_ids(page.markdown)
    files = set(anchors) | {asset.src_uri for asset in build.assets}
    problems = []
    for page in build.pages:
        for target, anchor in page.html.links if page.html is not None else ():
            if target not in files:
                problems.append(f"{page.src_uri}: link to '{target}', which is not a page or file of the site")
            elif anchor and target in anchors and anchor not in anchors[target]:
                problems.append(f"{page.src_uri}: link to '{target}#{anchor}', which has no such anchor")
    return problems


# --- mkdocs.yml -----------------------------------------------------------------------------------

class _Env:
    """`!ENV [NAME, default]` in mkdocs.yml, kept as written."""

    def __init__(self, value):
        self.value = value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def resolved(value):
    """An `!ENV [NAME, ..., default]` setting as the engines read it: the first variable set, its text
    read as YAML (so "true" is true), else the default."""
    if not isinstance(value, _Env):
        return value
    names = value.value if isinstance(value.value, list) else [value.value, None]
    for name in names[:-1]:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return names[-1]


def file_build_configured(config_text: str) -> bool:
    """Whether mkdocs.yml, with this environment, asks for the build for files (extra.file_build)."""
    config = yaml.load(config_text, Loader=_Loader)
    return is_file_build(resolved((config.get("extra") or {}).get("file_build", False)))


_Loader.add_constructor("!ENV", lambda loader, node: _Env(
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)))
_Dumper.add_representer(_Env, lambda dumper, env: (
    dumper.represent_sequence("!ENV", env.value, flow_style=True) if isinstance(env.value, list)
    else dumper.represent_scalar("!ENV", env.value)))


def project_config(config_text: str, build: SiteBuild, extra: dict | None = None) -> str:
    """The project's mkdocs.yml: the site's own, with what the hooks would add written in (`extra` too:
    cpguide.publish.template_extra), and no hooks."""
    config = yaml.load(config_text, Loader=_Loader)
    for key in ("hooks", "watch"):  # nothing to run; the watched folders are not in the project
        config.pop(key, None)
    config["docs_dir"] = "docs"
    config["nav"] = merge_nav(copy.deepcopy(build.nav), list(config.get("nav") or []))
    config.setdefault("extra", {})["cpguide_version"] = build.version
    config["extra"].update(extra or {})
    # Built for files or for the web, as the environment says now: the project is one or the other.
    config["extra"]["file_build"] = resolved(config["extra"].get("file_build", False))
    configure_file_build(config["extra"], config.setdefault("extra_javascript", []))
    # First, so that the site's own styles still come after Material's (as in the theme's stylesheet).
    config["extra_css"] = [SEARCH_BOX_CSS] + [css for css in config.get("extra_css", []) if css != SEARCH_BOX_CSS]
    config["markdown_extensions"] = [_with_glossary(e, build.abbreviations) for e in config.get("markdown_extensions", [])]
    head = "# Generated by `cpguide generate` from the site's mkdocs.yml and content: edit those, not this.\n"
    return head + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def _with_glossary(extension, abbreviations: dict[str, str]):
    name = extension if isinstance(extension, str) else next(iter(extension))
    if name != "abbr" or not abbreviations:
        return extension
    options = dict(extension["abbr"] or {}) if isinstance(extension, dict) else {}
    options["glossary"] = {**(options.get("glossary") or {}), **abbreviations}
    return {"abbr": options}


# --- the project ----------------------------------------------------------------------------------

def write_project(content, build: SiteBuild, out: Path, repo: Path = REPO) -> int:
    """Write the project into `out` (empty, missing, or an earlier project); return the number of pages."""
    docs = repo / "docs"
    handwritten = {p.relative_to(docs).as_posix(): (p.read_text(encoding="utf-8") if p.suffix == ".md" else "")
                   for p in sorted(docs.rglob("*")) if p.is_file()}
    problems = check_links(build, handwritten)
    if problems:
        raise ProjectError("broken links in generated pages:\n  " + "\n  ".join(problems))
    config_text = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    notices = (yaml.load(config_text, Loader=_Loader).get("extra") or {}).get("notices")
    pages = [src for src in handwritten if src.endswith(".md")] + [page.src_uri for page in build.pages]
    config = project_config(config_text, build, template_extra(content, notices, pages))
    expanded = {src: _expanded(text, src, content, build) for src, text in handwritten.items()
                if src.endswith(".md") and "cpguide:" in text}  # before writing: a bad marker writes nothing
    _empty(out)
    shutil.copytree(docs, out / "docs")
    for src, text in expanded.items():
        (out / "docs" / src).write_text(text, encoding="utf-8")
    for page in build.pages:
        _write(out / "docs" / page.src_uri, page_source(page))
    for asset in build.assets:
        _write(out / "docs" / asset.src_uri, asset.content)
    for name, text in theme_templates():  # what the MkDocs hook hands the theme (components.theme_loader)
        _write(out / "docs" / "overrides" / name, text)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    (out / MARKER_FILE).write_text("cpguide generate\n", encoding="utf-8")
    return len(build.pages) + sum(1 for src in handwritten if src.endswith(".md"))


def _expanded(text: str, src: str, content, build: SiteBuild) -> str:
    try:
        return expand_markers(text, src, content, build)
    except MarkerError as exc:
        raise ProjectError(f"docs/{src}: {exc}") from None


def _empty(out: Path) -> None:
    if out.is_symlink():  # never written through: the folder it points to could be anywhere
        raise ProjectError(f"{out} is a symbolic link: give a real folder (new, empty, or an earlier one)")
    if out.exists() and not out.is_dir():
        raise ProjectError(f"{out} is a file: give a folder (new, empty, or an earlier one)")
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER_FILE).exists():
            raise ProjectError(f"{out} is not empty and was not written by `cpguide generate`: give an empty or new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
