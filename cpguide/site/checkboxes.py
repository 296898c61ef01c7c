"""A Python-Markdown extension: `- [ ]{#box-id} Item text` becomes a named checkbox.

    <li><input type="checkbox" id="box-id" data-item="box-id" autocomplete="off"><label for="box-id">Item text</label> …

The checklists need every box to carry a stable id (ticks are kept under it) and a `<label for>`
(screen readers name the box, clicking the text ticks it). pymdownx.tasklist draws boxes but gives
them neither. Writing the `<input>` and `<label>` as inline HTML did, but every inline HTML tag is
parsed twice by Python-Markdown (block HTML pass, then one more pass of all inline patterns), which
made checklist sheets the costliest pages to build (benchmarks/scale.py). This tree processor runs
once per list item after inline parsing, so it costs almost nothing.

The label holds the item's text up to the first element with one of SMALL_PRINT's classes (who,
where it is explained, the deadline), which follows the label on the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

BOX = re.compile(r"^\[ \]\{#([a-z0-9][a-z0-9-]*)\} ?")
SMALL_PRINT = {"cp-who", "cp-explained", "cp-deadline"}


class CheckboxTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for li in root.iter("li"):
            # A list item with sub-points is "loose": its text is then in a first <p>.
            holder = li[0] if not (li.text or "").strip() and len(li) and li[0].tag == "p" else li
            match = BOX.match(holder.text or "")
            if match:
                self._make_box(holder, match.group(1), holder.text[match.end():])

    @staticmethod
    def _make_box(holder: etree.Element, box_id: str, text: str) -> None:
        label = etree.Element("label", {"for": box_id})
        label.text = text
        for child in list(holder):
            if child.tag in ("ul", "ol", "p") or SMALL_PRINT & set(child.get("class", "").split()):
                break
            holder.remove(child)
            label.append(child)
        # Whitespace before the small print stays outside the label.
        if len(label):
            label[-1].tail, label.tail = _split_trailing(label[-1].tail)
        else:
            label.text, label.tail = _split_trailing(label.text)
        holder.text = None
        box = etree.Element("input", {"type": "checkbox", "id": box_id, "data-item": box_id, "autocomplete": "off"})
        holder.insert(0, box)
        holder.insert(1, label)


def _split_trailing(text: str | None) -> tuple[str, str]:
    """(the text, its trailing whitespace)."""
    text = text or ""
    stripped = text.rstrip()
    return stripped, text[len(stripped):]


class CheckboxExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20), attribute lists (8) and abbreviations (7); before unescaping (0).
        md.treeprocessors.register(CheckboxTreeprocessor(md), "cpguide-checkboxes", 6)


def makeExtension(**kwargs) -> CheckboxExtension:  # noqa: N802 (Python-Markdown's name)
    return CheckboxExtension(**kwargs)
