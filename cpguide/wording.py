"""Templates of the site's words (interface.yml, questions.yml, expected-deadlines.yml, law.yml) and how
they are filled.

A template may hold `{name}` placeholders and nothing else of a format string: no attribute or index
access (`{a.b}`, `{a[0]}`), no conversion or format spec (`{a!r}`, `{a:>9}`), no stray brace. Python's
`str.format` would follow `{authority.join.__globals__[...]}` from the object passed in to the
build's environment, so no wording ever goes through it: `fill` replaces whole `{name}` tokens with
the values given and refuses anything else.

Which names a key may use is written once, in its schema (`"x-placeholders": [...]` beside the key);
cpguide/schemas.py turns each list into a pattern, so `cpguide validate` names the file and line of
a template that uses any other.
"""

from __future__ import annotations

import re
from typing import Callable

NAME = r"[a-z_]+"
_PIECES = re.compile(r"(\{" + NAME + r"\})")


class WordingError(ValueError):
    """A template that is not one of the site's (validate refuses it first)."""


def pieces(template: str) -> list[tuple[str, bool]]:
    """The template as (text, is a placeholder name) pairs; any other brace is refused."""
    out = []
    for i, piece in enumerate(_PIECES.split(template)):
        if i % 2:
            out.append((piece[1:-1], True))
        elif piece:
            if "{" in piece or "}" in piece:
                raise WordingError(f"{template!r}: only {{name}} placeholders may be used")
            out.append((piece, False))
    return out


def fill(template: str, text: Callable = str, value: Callable = str, /, **values) -> str:
    """`template` with each `{name}` replaced by `value(values[name])` and its text by `text(piece)`."""
    out = []
    for piece, is_name in pieces(template):
        if not is_name:
            out.append(text(piece))
        elif piece in values:
            out.append(value(values[piece]))
        else:
            raise WordingError(f"{template!r}: {{{piece}}} is not one of " + ", ".join(sorted(values)))
    return "".join(out)


def pattern(names: list[str]) -> str:
    """The JSON Schema pattern of a template that may use only `names` (ECMA 262 and Python alike)."""
    alternatives = "|".join(sorted(names))
    if not alternatives:
        return "^[^{}]*$"
    return "^[^{}]*(\\{(" + alternatives + ")\\}[^{}]*)*$"
