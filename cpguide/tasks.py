"""Whose task an item is. A professional's page and checklists list what professionals do and what
happens around them; an item that is the chair's own task (it names the chair, and neither the
professionals nor everyone) belongs on the chairs' page, where the chairs' guides list it."""

from __future__ import annotations

from .content import Content

# For each audience, the actors whose items are its own (or everyone's).
OWN_ACTORS = {"professionals": {"professionals", "all"}}


def chairs_task(content: Content, item: dict, audience: str) -> bool:
    """An item of `audience`'s guide that only the chair (with others than the audience) does."""
    own = OWN_ACTORS.get(audience)
    if own is None:
        return False
    actors = set(content.resolve(item).get("actors") or [])
    return "chair" in actors and not actors & own


def own_items(content: Content, items: list[dict], audience: str) -> list[dict]:
    """A guide's items without the chair's own tasks (for the audiences in OWN_ACTORS)."""
    return [i for i in items if not chairs_task(content, i, audience)]
