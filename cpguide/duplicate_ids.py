"""A duplicate id, found while the loader builds the index: both places, and which one to rename."""

from __future__ import annotations

from .content import Content, shown
from .errors import ContentError


def duplicate_id_error(content: Content, item_id: str, first: tuple, second: tuple) -> ContentError:
    """Both places of a duplicate id, (YamlDocument, json path) each, and which one to rename: the one
    not yet in the committed content. A published id is an anchor and a tick key: it never changes."""
    from .history import is_committed_id

    places = []
    for doc, path in (first, second):
        file, line = shown(doc.path, content), doc.line_of(path + ("id",))
        places.append({"file": file, "line": line, "at": f"{file}:{line}", "mtime": doc.path.stat().st_mtime,
                       "committed": is_committed_id(doc.path, item_id)})
    new = [p for p in places if p["committed"] is False]
    if len(new) == 1:
        rename, why = new[0], "it is not in the committed content yet"
    else:  # no history, or neither place committed: the later one is the newcomer
        rename = max(places, key=lambda p: (p["mtime"], p["at"]))
        why = "it is the newer one" if places[0]["committed"] is None else "it is the newer one; neither is published"
    kept = places[1] if rename is places[0] else places[0]
    return ContentError(
        rename["file"], rename["line"],
        f"duplicate id '{item_id}': here and at {kept['at']}",
        f"rename the id here ({why}) and keep '{item_id}' at {kept['at']}: a published id is an anchor and a "
        "tick key and never changes. Ids are unique across the whole site: start yours with your authority's prefix")
