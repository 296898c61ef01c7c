"""The one id grammar: every item id, document id, authority id and authority folder name.

It is written once, as the pattern of `$defs/id` in schema/common.schema.json (editors check it
while you type); everything in Python that needs it reads it from there. A JSON Schema pattern is
an ECMA 262 regular expression, where `$` is the end of the text; in Python `$` also matches before
a final newline, so "agenda-1\\n" would pass: `ecma_regex` makes Python read it as ECMA does.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .schemas import SCHEMA_DIR, ecma_regex


@lru_cache(maxsize=1)
def _id_regex() -> re.Pattern:
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))
    return ecma_regex(common["$defs"]["id"]["pattern"])


def is_id(text) -> bool:
    return isinstance(text, str) and _id_regex().search(text) is not None


ID_HINT = "use lower-case letters, digits and single hyphens, e.g. north-somerset"
