"""`cpguide generate --out DIR`: the whole site as a plain MkDocs project, with no hooks.

DIR gets `docs/` (the hand-written pages with their markers expanded, the assets and theme
overrides), every generated page as a file, the data files, and a `mkdocs.yml` with the whole
navigation, the glossary's abbreviations and the site version written in. `mkdocs build --strict`
in DIR builds the same pages as the normal build (tests/test_generate.py), and an engine that reads
mkdocs.yml but runs no hooks (Zensical; MkDocs 2.0 will have no plugins) has everything it needs.

The pages written as HTML (html.py) become Markdown files whose headings are Markdown headings, so
the toc extension gives them the same table of contents and permanent links as in the normal
build, and whose other blocks are the HTML as it is: raw HTML blocks, which Python-Markdown passes
through untouched. MkDocs does not check links inside raw HTML, so `check_links` checks them here,
before anything is written: a broken link stops `cpguide generate` as it stops the strict build.
"""

from __future__ import annotations

import copy
import html
import os
import re
import shutil
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from ..publish import configure_file_build, is_file_build, template_extra
from .components import theme_templates
from .markers import MarkerError, expand_markers
from .model import Page, SiteBuild
from .templating import Markup, macros
from .navigation import merge_nav

REPO = Path(__file__).resolve().parents[2]
MARKER_FILE = ".cpguide-generated"  # a folder holding it may be replaced by the next `generate`


class ProjectError(Exception):
    pass


# --- pages ----------------------------------------------------------------------------------------

# A heading as the theme's `heading` macro writes it (templates/theme.html), ending in its permanent link.
_HEADING = re.compile(r'<h([1-6])(?: class="([^"]*)")? id="([^"]*)">(.*?)'
                      r'<a\s+class="headerlink"\s+href="#[^"]*"\s+title="Permanent link">&para;</a\s*></h\1\s*>', re.S)
_TAG = re.compile(r"<[^>]*>")


def page_source(page: Page) -> str:
    """The page as a Markdown file: its Markdown, or its HTML with its headings for the toc extension.

    A heading at the top level becomes a Markdown heading; one inside other elements (a collapsed
    block) stays HTML with `markdown="1"`, as do the elements around it, so that md_in_html parses
    just the heading and leaves everything else in them as raw HTML.
    """
    if page.html is None:
        return page.markdown
    text = str(page.html.html)  # a plain str: Markup's str methods would escape their arguments
    meta = page.html.meta
    # A page that hides its table of contents has none at all, as in the normal build (the hooks):
    # its headings stay HTML, which the toc extension does not read.
    headings = [] if "toc" in meta.get("hide", []) else list(_HEADING.finditer(text))
    around = _ancestors(text, [m.start() for m in headings])
    parts, pos = [], 0
    for m in headings:
        parts.append(_marked(text, pos, m.start(), around))
        parts.append(_heading(m, nested=bool(around.get(m.start()))))
        pos = m.end()
    parts.append(_marked(text, pos, len(text), around))
    body = "".join(parts).strip()
    front = f"---\n{yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
    return front + body + "\n"


_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"br", "input", "img", "hr", "wbr", "col", "source", "meta", "link"}


def _ancestors(text: str, starts: list[int]) -> dict[int, list[int]]:
    """For each heading start: the offsets of the opening tags of the elements around it."""
    wanted, found, stack = set(starts), {}, []
    for m in _ANY_TAG.finditer(text):
        if m.start() in wanted:
            found[m.start()] = list(stack)
        close, name, self_closing = m.groups()
        if self_closing or name.lower() in _VOID:
            continue
        if close:
            stack.pop()
        else:
            stack.append(m.start())
    return found


def _marked(text: str, start: int, end: int, around: dict[int, list[int]]) -> str:
    """text[start:end] with `markdown="1"` in the opening tags of elements that hold a heading."""
    marks = sorted({o for offsets in around.values() for o in offsets if start <= o < end})
    out, pos = [], start
    for o in marks:
        name_end = _ANY_TAG.match(text, o).end(2)
        out += [text[pos:name_end], ' markdown="1"']
        pos = name_end
    out.append(text[pos:end])
    return "".join(out)


_MD_INLINE = re.compile(r"([\\`*_\[\]|{}#])")


def _heading_text(inner: str) -> str:
    """A heading's text (HTML) as Markdown that shows the same text: never at a line start, so unlike
    render.md() it needs no line-start escape, which would show in the HTML as a character reference."""
    text = " ".join(html.unescape(_TAG.sub("", inner)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_INLINE.sub(r"\\\1", text)


def _heading(m: re.Match, nested: bool) -> str:
    level, css, anchor, inner = m.groups()
    text = _heading_text(inner)  # the abbr extension adds the tooltips again
    if nested:  # the attributes and the text are taken from HTML, escaped already
        return str(macros("theme.html").markdown_heading(level, Markup(text), Markup(anchor), Markup(css or "")))
    return f"\n\n{'#' * int(level)} {text} {{ #{anchor}{f' .{css}' if css else ''} }}\n\n"  # a block of its own


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
