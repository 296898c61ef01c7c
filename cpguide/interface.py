"""The site's own interface wording (checklists/national/interface.yml, schema/interface.schema.json).

What the page scripts and the page modules say around the content is written once, in that file:
the page modules read it here, the scripts get it in the JSON exported once per build. The schema
requires every key, so a missing or misspelt one is a file:line error from `cpguide validate`.
"""

from __future__ import annotations

from .content import Content
from .errors import ContentError

INTERFACE_FILE = "interface.yml"


def interface_words(content: Content) -> dict:
    """The whole interface file (checked by interface_errors when the content was loaded)."""
    return content.national.data(INTERFACE_FILE) if content.national else {}


def interface_errors(content: Content, display) -> list[ContentError]:
    """The national folder must have the interface file, and no other folder may have one."""
    errors = []
    national = content.national
    if national is not None and INTERFACE_FILE not in national.docs:
        errors.append(ContentError(display(national.folder / INTERFACE_FILE, content.root), None,
                                   f"{INTERFACE_FILE} is missing", "the site's interface wording lives in "
                                   f"checklists/national/{INTERFACE_FILE}: copy it from the project's checklists"))
    for authority in content.authorities.values():
        doc = authority.docs.get(INTERFACE_FILE)
        if doc is not None and not authority.is_national:
            errors.append(ContentError(display(doc.path, content.root), None, f"{INTERFACE_FILE} belongs in the national folder only",
                                       "the interface wording is the same for every authority: move it to checklists/national/"))
    return errors
