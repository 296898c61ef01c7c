"""The good fixture (tests/fixtures/good) as a tree to change in a test, and the content errors it then gives.

The `tree` fixture (conftest.py) copies it into the test's own folder; `errors_for` loads it and
returns the error lines a maintainer would read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpguide.errors import ContentInvalid
from cpguide.gate import valid_content

GOOD = Path(__file__).parent / "fixtures" / "good"


def errors_for(tree: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as info:
        valid_content(tree / "checklists")
    return [str(e) for e in info.value.errors]
