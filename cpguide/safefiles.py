"""Reading files the build publishes or trusts: only regular files inside the project, never through a link.

A symlink in `checklists/`, `sources/` or `docs/` could point anywhere on the build machine
(`/proc/self/environ`, a deploy key) and the site would publish it. So every file is opened without
following links, checked to be a regular file under the project folder, and read with a size
limit. Errors name the path and never show what the file holds.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 5_000_000  # the largest content or source file today is under 200 KB


class UnsafeFile(Exception):
    """A path the build refuses to read. `reason` says why, naming only paths inside the project."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def check_inside(path: Path, root: Path) -> None:
    """Refuse a path outside `root` or with a symlink anywhere between `root` and it."""
    root = Path(os.path.abspath(root))
    path = Path(os.path.abspath(path))
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        raise UnsafeFile(path, "outside the project folder; only files inside it are read") from None
    if ".." in parts:
        raise UnsafeFile(path, "'..' is not allowed in a file name")
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            where = "this is" if current == path else f"{current.relative_to(root)} is"
            raise UnsafeFile(path, f"{where} a symbolic link; put the file itself there (links are never followed)")


def read_bytes(path: Path, root: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file inside `root`; UnsafeFile for anything else."""
    check_inside(path, root)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UnsafeFile(path, "there is no such file") from None
    except OSError as exc:
        raise UnsafeFile(path, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise UnsafeFile(path, f"this is {kind}; a file is expected here")
        if info.st_size > limit:
            raise UnsafeFile(path, f"{info.st_size:,} bytes; files over {limit:,} bytes are refused")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise UnsafeFile(path, f"over {limit:,} bytes; files that large are refused")
        return data
    finally:
        os.close(fd)


def unsafe_entries(folder: Path, root: Path) -> list[str]:
    """Every symlink or special file under `folder` (recursively), as messages; empty when all is well."""
    problems = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                problems.append(f"{path.relative_to(root)} is a symbolic link; put the file itself there "
                                "(links are never followed or published)")
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(f"{path.relative_to(root)} is not a regular file or folder; remove it")
    return problems
