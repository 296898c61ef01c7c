"""The site's own interface wording (checklists/national/interface.yml, schema/interface.schema.json).

What the page scripts and the page modules say around the content is written once, in that file:
the page modules read it here, the scripts get it in the JSON exported once per build. The schema
requires every key, so a missing or misspelt one is a file:line error from `cpguide validate`.
"""

from __future__ import annotations

from .content import Content

INTERFACE_FILE = "interface.yml"


def interface_words(content: Content) -> dict:
    """The whole interface file (checked by interface_errors in cpguide/checks/references.py)."""
    return content.national.data(INTERFACE_FILE) if content.national else {}
