"""The import graph runs one way: the deadline engine imports no loader and no checks, and the page
generators ask the content model, never the checks (issue 26, "Layers you can see")."""

from __future__ import annotations

import json
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
