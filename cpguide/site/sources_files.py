"""Publish the plain-text source documents so every citation can link to the text it quotes."""

from __future__ import annotations

from typing import Iterator

from ..safefiles import read_bytes
from .model import Asset, SiteContext


def generate(ctx: SiteContext) -> Iterator[Asset]:
    for _, doc in ctx.content.documents.values():
        if doc.get("file"):
            # checked by the loader; read again without following links, in case it changed since
            yield Asset(f"sources/{doc['file']}", read_bytes(ctx.content.sources_dir / doc["file"], ctx.content.root.parent))
