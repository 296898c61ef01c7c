"""Identity: each content file names its schema on its first line. (An id used twice is found
while the index is built: cpguide/duplicate_ids.py.)"""

from __future__ import annotations

from ..content import Content
from ..errors import ContentError
from .places import shown


# --- the editor's schema line ----------------------------------------------------------------------

def schema_line_errors(content: Content) -> list[ContentError]:
    """Each content file starts with the line that lets an editor check it against its schema."""
    errors = []
    for authority in content.authorities.values():
        for name, doc in authority.docs.items():
            schema = name.replace(".yml", ".schema.json")
            with doc.path.open(encoding="utf-8") as f:
                first = f.readline().rstrip("\n")
            if not (first.startswith("# yaml-language-server: $schema=") and first.endswith(f"schema/{schema}")):
                errors.append(ContentError(shown(doc.path, content), 1, f"the first line is {first!r}",
                                           f"start the file with: # yaml-language-server: $schema=../../schema/{schema}"))
    return errors
