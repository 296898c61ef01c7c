"""HTML as a type (`Html`): text joined to it, formatted into it or passed to a helper is escaped, exactly once.

Every helper of html.py returns it, and a page's blocks (blocks.py) are made of it.
"""

from __future__ import annotations

import html
from functools import partial

from markupsafe import Markup

from ..wording import fill


class Html(Markup):
    """HTML (a `markupsafe.Markup`): what every helper of html.py returns. Plain text joined to it, formatted
    into it or passed to a helper is escaped, exactly once; HTML (Markup) is kept as it is.

    Text is escaped as Python-Markdown escapes text between tags ("&", "<", ">"; quotes show as
    written), so a page written here is byte for byte what the same page written as Markdown gives.
    Attributes are written only by the templates, where Jinja escapes quotes too."""

    __slots__ = ()

    @classmethod
    def escape(cls, s) -> "Html":
        kind = type(s)
        if kind is Html:  # the common cases first: this runs for every piece of every page
            return s
        if kind is str:
            return _new(escape_text(s))
        if hasattr(s, "__html__"):
            return _new(s.__html__())
        return _new(escape_text(str(s)))

    # Markup's own join, format and + escape the same way, through its constructor and (format)
    # string.Formatter, both written in Python; these do it with str's own methods, which the build
    # calls some hundred thousand times at 30 authorities.
    def join(self, seq) -> "Html":
        return _new(str.join(self, map(esc, seq)))

    def format(self, *args, **kwargs) -> "Html":
        """For the code's own small templates only; the site's words go through `filled`."""
        return _new(str.format(self, *map(esc, args), **{k: esc(v) for k, v in kwargs.items()}))

    @staticmethod
    def filled(template: str, /, **values) -> "Html":
        """A template of the site's words (cpguide/wording.py) as HTML: its text escaped, each
        {name} replaced by its value (escaped unless it is HTML already)."""
        return _new(fill(template, esc, esc, **values))

    def __add__(self, other) -> "Html":
        if isinstance(other, str) or hasattr(other, "__html__"):
            return _new(str.__add__(self, esc(other)))
        return NotImplemented

    def __radd__(self, other) -> "Html":
        if isinstance(other, str) or hasattr(other, "__html__"):
            return _new(str.__add__(esc(other), self))
        return NotImplemented


# Html from a str that is HTML already (a template's output, text escaped here): str's own constructor,
# not Markup's, which is written in Python and would cost as much again on every helper call.
raw = _new = partial(str.__new__, Html)
esc = Html.escape


def escape_text(text: str) -> str:
    """Text as Python-Markdown escapes text between tags: "&", "<", ">" (quotes show as written)."""
    return html.escape(text, quote=False)

