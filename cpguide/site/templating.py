"""The one Jinja2 environment that writes the package's HTML.

Templates live in `templates/` beside this module: `theme.html` holds, as macros, the theme's markup
that pages written as HTML reproduce (content tabs, admonitions, collapsed details, headings with
permanent links, definition lists, checkboxes, ...); page templates render plain data with them.

Autoescape is on, so text is escaped by default: only `Markup` (HTML made by a template or by
`html.HtmlWriter`) goes in unescaped. `StrictUndefined` makes a misspelt variable an error instead
of an empty string. The environment is made once per process and its templates are compiled once
(Jinja caches them), so rendering a macro costs a Python function call, not a parse.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .components import theme_loader

TEMPLATES = Path(__file__).parent / "templates"

__all__ = ["Markup", "escape", "environment", "macros", "render"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(TEMPLATES), theme_loader()]),  # and components/<name>/<name>.html
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        cache_size=-1,
    )


@lru_cache(maxsize=None)
def macros(name: str = "theme.html"):
    """A template's macros, as attributes: `macros().admonition("note", title, paragraphs)`."""
    return environment().get_template(name).module


def render(name: str, **data) -> Markup:
    """A whole template rendered with plain data; the result is HTML (Markup)."""
    return Markup(environment().get_template(name).render(**data))
