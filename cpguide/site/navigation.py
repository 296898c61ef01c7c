"""The site's navigation: mkdocs.yml's hand-written nav with the generated sections put in their place.

Used by the hooks (the normal build) and by `cpguide generate` (the plain MkDocs project).
"""

from __future__ import annotations

GENERATED_NAV_MARKER = "(generated pages)"


class NavError(Exception):
    pass


def merge_nav(generated: list, handwritten: list) -> list:
    """Put the generated sections where mkdocs.yml's nav says `- (generated pages)`; a generated section
    with the same title as a hand-written one gets the hand-written pages first."""
    if GENERATED_NAV_MARKER not in handwritten:
        raise NavError(f"mkdocs.yml: add '- {GENERATED_NAV_MARKER}' to nav where the generated pages belong")
    at = handwritten.index(GENERATED_NAV_MARKER)
    nav = handwritten[:at] + generated
    for entry in handwritten[at + 1:]:
        title = next(iter(entry)) if isinstance(entry, dict) else None
        same = next((e for e in nav if isinstance(e, dict) and title in e), None)
        if same is not None:
            same[title] = list(entry[title]) + same[title]
        else:
            nav.append(entry)
    return nav
