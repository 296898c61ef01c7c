"""The site's components, one folder each, as GOV.UK Frontend keeps its own (`components/exit-this-page/`).

A folder `components/<name>/` holds all of one component:

- `<name>.html`: its markup, as Jinja macros written in what Jinja2 (MkDocs, the package) and MiniJinja
  (Zensical) share; every text argument is escaped in the macro (`| e`), so the markup is the same
  whether the engine escapes by default or not;
- `<name>.css` and `<name>.mjs`: its styles and script, served at `assets/css/<name>.css` (without
  comments) and `assets/js/<name>.mjs` (the build adds them once, as it adds the data files; nothing
  under `docs/`);
  a component whose README says `Script: none` has no script;
- `examples.yml`: example arguments for its macros, the markup each must give (written by hand) and what
  a person does with it in a browser: tests/test_components.py and tests/browser/test_components.py
  run every example of every folder;
- `README.md`: what it is, where the site uses it.

The theme finds a component's template as `components/<name>/<name>.html`: MkDocs through the loader
the hook adds (`theme_loader`), an engine without hooks through the copy `cpguide generate` writes into
the theme overrides (`theme_templates`); the package's own pages through `templating.environment`.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import FileSystemLoader, PrefixLoader

FOLDER = Path(__file__).parent
PREFIX = "components"
NO_SCRIPT = "Script: none"  # a README line: the component works without a script of its own


def names() -> list[str]:
    """Every component folder, by name."""
    return sorted(p.name for p in FOLDER.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def template_name(name: str) -> str:
    """How a template (the theme's or the package's) names the component's macros."""
    return f"{PREFIX}/{name}/{name}.html"


def has_script(name: str) -> bool:
    readme = FOLDER / name / "README.md"
    return not (readme.is_file() and NO_SCRIPT in readme.read_text(encoding="utf-8"))


def parts(name: str) -> list[str]:
    """The files the component's folder must hold."""
    found = [f"{name}.html", f"{name}.css", "examples.yml", "README.md"]
    return found + ([f"{name}.mjs"] if has_script(name) else [])


_CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)


def styles(name: str) -> str:
    """The component's styles as served: without their comments (they are for maintainers, and a reader
    should not download more because the styles moved into a folder of their own)."""
    return _CSS_COMMENT.sub("", (FOLDER / name / f"{name}.css").read_text(encoding="utf-8"))


def served() -> list[tuple[str, str]]:
    """(site path, text) of every component's styles and script, once per build."""
    out = []
    for name in names():
        out.append((f"assets/css/{name}.css", styles(name)))
        if has_script(name):
            out.append((f"assets/js/{name}.mjs", (FOLDER / name / f"{name}.mjs").read_text(encoding="utf-8")))
    return out


def theme_loader() -> PrefixLoader:
    """Finds `components/<name>/<name>.html` for a Jinja2 environment (the theme's, the package's)."""
    return PrefixLoader({PREFIX: FileSystemLoader(FOLDER)})


def theme_templates() -> list[tuple[str, str]]:
    """(path under the theme overrides, text) of each component's template, for an engine without hooks."""
    return [(template_name(name), (FOLDER / name / f"{name}.html").read_text(encoding="utf-8")) for name in names()]
