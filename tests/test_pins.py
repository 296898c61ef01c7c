"""What the project subclasses is pinned exactly: a subclass relies on the parent's internals, which a
minor release may change without notice."""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dependencies() -> dict[str, str]:
    """{name: specifier} of the runtime dependencies in pyproject.toml."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    out = {}
    for dep in deps:
        name = dep.split("[")[0].split("=")[0].split("<")[0].split(">")[0].strip().lower()
        out[name] = dep[len(name):].strip() if dep.lower().startswith(name) else dep
    return out


def _subclasses_of_mkdocs() -> list[str]:
    """Classes in hooks/ whose base is imported from mkdocs."""
    found = []
    for path in (ROOT / "hooks").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_mkdocs = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                       and (node.module or "").startswith("mkdocs") for alias in node.names}
        found += [f"{path.name}:{node.name}" for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                  and any(isinstance(b, ast.Name) and b.id in from_mkdocs for b in node.bases)]
    return found


def test_mkdocs_is_pinned_exactly_while_hooks_subclass_it():
    subclasses = _subclasses_of_mkdocs()
    assert subclasses, "no hook subclasses MkDocs any more: this test (and the exact pin) can go"
    spec = _dependencies()["mkdocs"]
    assert spec.startswith("==") and "," not in spec, f"{subclasses} subclass MkDocs, but pyproject.toml has mkdocs{spec}"
    assert version("mkdocs") == spec[2:], "the installed MkDocs is not the pinned one: run make venv"
