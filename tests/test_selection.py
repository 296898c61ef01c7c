"""CPGUIDE_AUTHORITIES=id1,id2 builds or serves only those authorities and the national framework."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cpguide.errors import ContentInvalid
from cpguide.gate import valid_content
from cpguide.selection import from_env

ROOT = Path(__file__).resolve().parent.parent


def test_the_variable_names_authorities_and_the_national_framework_is_always_in(monkeypatch):
    monkeypatch.setenv("CPGUIDE_AUTHORITIES", " some-town, other-city ")
    assert from_env() == {"some-town", "other-city", "national"}
    monkeypatch.setenv("CPGUIDE_AUTHORITIES", "")
    assert from_env() is None


def _cited(content) -> set[str]:
    """The documents the glossary's terms quote."""
    return {s["document"] for e in content.entries(type_="term") for s in
            ([e.item["source"]] if e.item.get("source") else e.item.get("sources", []))}


def test_only_the_chosen_folders_are_read():
    everything = valid_content(ROOT / "checklists")
    chosen, *others = [a.id for a in everything.local_authorities]
    content = valid_content(ROOT / "checklists", only={chosen, "national"})
    assert set(content.authorities) == {chosen, "national"}
    assert not [e for e in content.index.values() if e.authority in others]
    # glossary terms quoting only the other authorities' documents are left out with them; the chosen one's stay
    own = {d for d in _cited(everything) if everything.documents[d][0] in (chosen, "national")}
    assert _cited(content) <= set(content.documents) and own <= _cited(content)


def test_an_unknown_authority_is_an_error():
    with pytest.raises(ContentInvalid) as info:
        valid_content(ROOT / "checklists", only={"north-somerset", "national"})
    assert any("CPGUIDE_AUTHORITIES: 'north-somerset' is not an authority folder" in str(e) for e in info.value.errors)


def test_a_build_of_one_authority_is_strict_and_holds_only_it(tmp_path, content):
    chosen, *others = [a.id for a in content.local_authorities]
    out = tmp_path / "site"
    env = {**os.environ, "CPGUIDE_AUTHORITIES": chosen, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (out / chosen / "index.html").exists() and (out / "national" / "index.html").exists()
    assert not [o for o in others if (out / o).exists()]
