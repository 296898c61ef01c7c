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
