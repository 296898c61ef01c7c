"""Publish the plain-text source documents so every citation can link to the text it quotes."""

from __future__ import annotations

from typing import Iterator

from .model import Asset, SiteContext


def generate(ctx: SiteContext) -> Iterator[Asset]:
    for _, doc in ctx.content.documents.values():
        if doc.get("file"):
            yield Asset(f"sources/{doc['file']}", (ctx.content.sources_dir / doc["file"]).read_bytes())
