"""Vendored third-party files are the pinned packages' own files (scripts/vendor-govuk.sh makes them)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "assets" / "vendor"


def test_exit_this_page_is_govuk_frontends_own_bundle_at_the_pinned_version():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["govuk-frontend"]
    package = ROOT / "node_modules" / "govuk-frontend"
    assert json.loads((package / "package.json").read_text())["version"] == pinned, "run npm ci"
    bundle = package / "dist" / "govuk" / "components" / "exit-this-page" / "exit-this-page.bundle.mjs"
    assert (VENDOR / "govuk-exit-this-page.mjs").read_bytes() == bundle.read_bytes(), "run scripts/vendor-govuk.sh"
    css = (VENDOR / "govuk-exit-this-page.css").read_text()
    assert css.startswith(f"/* govuk-frontend {pinned}:") and ".govuk-exit-this-page-overlay" in css
    assert "url(" not in css  # no font or image files to fetch


def test_the_search_box_styles_are_materials_own_at_the_pinned_version():
    """What scripts/vendor-material-search.py extracts from the installed mkdocs-material (pinned in
    requirements.lock): the styles of the header search box, for engines whose themes lack them."""
    import importlib.util
    from importlib.metadata import version

    spec = importlib.util.spec_from_file_location("vendor_search", ROOT / "scripts" / "vendor-material-search.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    css = (VENDOR / "material-search.css").read_text(encoding="utf-8")
    assert css.startswith(f"/* mkdocs-material {version('mkdocs-material')}:")
    assert css == script.vendored(), "run .venv/bin/python scripts/vendor-material-search.py"
    assert ".md-search__input{" in css and ".md-search__output{" in css and "@media" in css
    assert "url(http" not in css  # nothing fetched from another host
