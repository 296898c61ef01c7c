"""What the repository's history says about the content: which ids are already published (in the
last commit), and later the changes made to an authority's folder. Without git or without a
history (a download without .git) every answer is None: callers say so instead of guessing."""

from __future__ import annotations

import re
import subprocess
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
