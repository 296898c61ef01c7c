"""A version for the site and its checklists: package version plus a hash of the content."""

from __future__ import annotations

import hashlib

from .. import __version__
from ..content import Content
from ..safefiles import read_bytes


def content_hash(content: Content) -> str:
    digest = hashlib.sha256()
    for authority in sorted(content.authorities.values(), key=lambda a: a.id):
        for name in sorted(authority.docs):
            digest.update(f"{authority.id}/{name}\0".encode())
            digest.update(read_bytes(authority.docs[name].path, content.root.parent))
    return digest.hexdigest()[:10]


def site_version(content: Content) -> str:
    return f"{__version__}+{content_hash(content)}"
