"""Errors a maintainer can act on: every one names the file, the line and what to fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .messages import one_line


@dataclass(frozen=True)
class ContentError:
    file: Path | str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        """One line, whatever the content or the file name holds (cpguide/messages.py)."""
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        text = f"{where}: {self.message}"
        return one_line(f"{text} — {self.hint}" if self.hint else text)


class ContentInvalid(Exception):
    """Raised when content does not validate; carries every error found, not just the first."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        shown = [f"  {e}" for e in errors[:SCREENFUL]]
        if len(errors) > SCREENFUL:
            shown.append(f"  … and {len(errors) - SCREENFUL:,} more not shown: fix these first")
        super().__init__(f"{len(errors):,} content error(s):\n" + "\n".join(shown))


SCREENFUL = 40  # errors shown (the build's message, cpguide validate); the rest are counted
