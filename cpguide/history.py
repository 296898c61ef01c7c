"""What the repository's history says about the content: which ids are already published (in the
last commit), and the changes made to each authority's folder (its "What changed" page). Without git or without a
history (a download without .git) every answer is None: callers say so instead of guessing."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@lru_cache(maxsize=None)
def committed_text(path: Path) -> str | None:
    """The file as it is in the last commit, "" if it is not in it, None if there is no history."""
    path = Path(path).resolve()
    if _git(path.parent, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return None
    text = _git(path.parent, "show", f"HEAD:./{path.name}")
    return text if text is not None else ""


def is_committed_id(path: Path, item_id: str) -> bool | None:
    """Is `id: <item_id>` in the committed version of this file? None without a history."""
    text = committed_text(path)
    if text is None:
        return None
    return re.search(rf"^\s*-?\s*id:\s*[\"']?{re.escape(item_id)}[\"']?\s*(#.*)?$", text, re.MULTILINE) is not None


@dataclass(frozen=True)
class Change:
    day: str  # ISO date of the commit
    summary: str  # the commit's first line


@lru_cache(maxsize=None)
def _changes_under(root: Path) -> dict[str, list[Change]] | None:
    """Folder name under the content root -> its changes, newest first; None without a history.
    One `git log` for the whole content folder per build, not one per authority."""
    root = Path(root).resolve()
    out = _git(root, "log", "--no-renames", "--format=%x00%cs%x09%s", "--name-only", "--relative", "--", ".")
    if out is None or _git(root, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return None
    changes: dict[str, list[Change]] = {}
    for record in out.split("\x00")[1:]:
        head, _, files = record.partition("\n")
        day, _, summary = head.partition("\t")
        for folder in sorted({f.split("/", 1)[0] for f in files.split() if "/" in f}):
            changes.setdefault(folder, []).append(Change(day, summary.strip()))
    return changes


def folder_changes(folder: Path) -> list[Change] | None:
    """The changes to one authority's folder, newest first; None when there is no history to read."""
    folder = Path(folder).resolve()
    changes = _changes_under(folder.parent)
    return None if changes is None else changes.get(folder.name, [])
