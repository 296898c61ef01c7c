"""The one way in for everything that needs valid content: `cpguide validate`, the commands that
build from the content, the MkDocs hooks and the benchmark.

`valid_content` reads the content (cpguide/loader.py), then runs every check (cpguide/checks/), and
either returns a complete Content or raises ContentInvalid listing every problem with its file and
line. There is no partial result: the build must never publish half a site.
"""

from __future__ import annotations

from pathlib import Path

from .checks import consistency_errors, cross_errors
from .content import Content
from .errors import ContentInvalid
from .loader import DEFAULT_ROOT, read_content


def valid_content(root: Path | None = None, only: set[str] | None = None) -> Content:
    """All the content checked, or with `only` (cpguide/selection.py) just those authority folders.
    Without a root, CPGUIDE_CONTENT or the project's checklists/ (cpguide.loader.DEFAULT_ROOT)."""
    loaded = read_content(DEFAULT_ROOT if root is None else root, only)
    content, errors = loaded.content, list(loaded.errors)
    if loaded.every_file_read:  # with a file left out, its ids would show up as false "does not exist" errors
        errors += cross_errors(content)
    if not errors:  # the consistency checks need complete content: no follow-on noise
        errors += consistency_errors(content)
    if errors:
        raise ContentInvalid(errors)
    return content
