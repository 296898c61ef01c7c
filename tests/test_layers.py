"""The import graph runs one way (issue 26, "Layers you can see"): files and YAML, the content model,
the deadline engine, the loader, the checks, the gate that runs them, the site's pages, and the
adapters (the command line, the MkDocs hooks, the benchmark). The loader loads; the checks are run by
cpguide/gate.py; page generators ask the model, never the checks; the engine imports no loader."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ["cpguide.deadlines", "cpguide.deadlines.engine", "cpguide.deadlines.export", "cpguide.deadlines.ics",
          "cpguide.deadlines.render", "cpguide.deadlines.words", "cpguide.deadlines.calendar"]
PAGES = sorted(f"cpguide.site.{p.stem}" for p in (ROOT / "cpguide" / "site").glob("*.py") if p.stem != "__init__")


def _loaded_after_importing(modules: list[str]) -> set[str]:
    """The cpguide modules a fresh interpreter holds after importing `modules` (and nothing else)."""
    code = ("import importlib, json, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('cpguide'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def test_the_deadline_engine_imports_no_loader_and_no_checks():
    loaded = _loaded_after_importing(ENGINE)
    assert not {m for m in loaded if m.startswith(("cpguide.loader", "cpguide.checks", "cpguide.site"))}, loaded


def test_page_generators_do_not_import_the_checks():
    loaded = _loaded_after_importing(PAGES)
    assert not {m for m in loaded if m.startswith("cpguide.checks")}, sorted(loaded)


# --- the whole package, read as written -------------------------------------------------------------

# The layers, lowest first, declared once: a module may import its own layer and those below it,
# never one above. A name ending in "*" is a package with everything in it; the longest match wins.
LAYERS = [
    ("files, YAML, schemas, ids, errors", ["cpguide", "cpguide.messages", "cpguide.errors", "cpguide.safefiles",
                                           "cpguide.yamlsource", "cpguide.schemas", "cpguide.ids", "cpguide.vocabulary",
                                           "cpguide.wording", "cpguide.history", "cpguide.page_parts"]),
    ("content model", ["cpguide.content", "cpguide.selection", "cpguide.currency", "cpguide.checked", "cpguide.expected",
                       "cpguide.family", "cpguide.interface", "cpguide.law", "cpguide.prepare", "cpguide.examples",
                       "cpguide.tasks"]),
    ("deadline engine", ["cpguide.deadlines*", "cpguide.spread"]),
    ("loader", ["cpguide.loader", "cpguide.duplicate_ids"]),
    ("checks", ["cpguide.checks*", "cpguide.coverage"]),
    ("gate", ["cpguide.gate"]),
    ("site pages and open data", ["cpguide.site*", "cpguide.publish", "cpguide.opendata"]),
    ("adapters: commands, hooks, benchmark", ["cpguide.cli", "cpguide.deadlines_cli", "cpguide.scaffold", "cpguide.sources_readme",
                                              "hooks*", "benchmarks*"]),
]
FOLDERS = ("cpguide", "hooks", "benchmarks")


def _layer_of(module: str) -> int | None:
    best = None
    for rank, (_, names) in enumerate(LAYERS):
        for name in names:
            exact = name.rstrip("*")
            if module == exact or (name.endswith("*") and module.startswith(exact + ".")):
                if best is None or len(exact) > best[0]:
                    best = (len(exact), rank)
    return best[1] if best else None


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for folder in FOLDERS for p in sorted((ROOT / folder).rglob("*.py"))}


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """Every module `module` imports, at the top or inside a function, relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            # `from . import selection` imports the module cpguide.selection
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
    return found


def _upward_imports(modules: dict[str, Path]) -> list[str]:
    known = set(modules)
    wrong = []
    for module, path in modules.items():
        rank = _layer_of(module)
        for imported in sorted(_imports(module, path, known)):
            target = _layer_of(imported) if imported.split(".")[0] in FOLDERS else None
            if target is not None and target > rank:
                wrong.append(f"{module} ({LAYERS[rank][0]}) imports {imported} ({LAYERS[target][0]})")
    return wrong


def test_every_module_has_a_layer():
    assert [m for m in _modules() if _layer_of(m) is None] == []


def test_no_module_imports_a_higher_layer():
    assert _upward_imports(_modules()) == []


def test_the_layer_test_sees_an_upward_import(tmp_path):
    """The check above can fail: the content model importing the checks, at the top of the file or in
    a function, is caught."""
    modules = _modules()
    for line in ("from .checks import content_errors\n", "def f():\n    from .gate import valid_content\n"):
        model = tmp_path / "cpguide" / "content.py"
        model.parent.mkdir(exist_ok=True)
        model.write_text(modules["cpguide.content"].read_text(encoding="utf-8") + line, encoding="utf-8")
        found = _upward_imports({**modules, "cpguide.content": model})
        assert any(w.startswith("cpguide.content (content model) imports cpguide.") for w in found), found


def test_cpguide_never_imports_mkdocs():
    modules = _modules()
    known = set(modules)
    uses = {m: sorted(i for i in _imports(m, p, known) if i.split(".")[0] in ("mkdocs", "material"))
            for m, p in modules.items() if m.split(".")[0] == "cpguide"}
    assert {m: i for m, i in uses.items() if i} == {}


def test_importing_the_loader_loads_no_check():
    loaded = _loaded_after_importing(["cpguide.loader"])
    assert "cpguide.loader" in loaded
    assert not {m for m in loaded if m.startswith(("cpguide.checks", "cpguide.gate", "cpguide.site"))}, sorted(loaded)


def test_what_cpguide_and_the_hooks_import_is_a_runtime_dependency():
    """Every package imported on the way to a page or a `validate` is in pyproject.toml's dependencies,
    not only in an extra or brought by another package (a test extra once held textstat)."""
    import tomllib
    from importlib.metadata import packages_distributions

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    declared = {norm(re.split(r"[\s\[=<>!~;]", d, maxsplit=1)[0])
                for d in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]}
    modules = {m: p for m, p in _modules().items() if m.split(".")[0] in ("cpguide", "hooks")}
    imported = {i.split(".")[0] for m, p in modules.items() for i in _imports(m, p, set(modules))}
    third_party = sorted(i for i in imported if i not in sys.stdlib_module_names and i not in ("cpguide", "hooks"))
    distributions = packages_distributions()
    assert "yaml" in third_party and "textstat" in third_party  # the walk sees the imports
    assert [m for m in third_party if not {norm(d) for d in distributions.get(m, [m])} & declared] == []
