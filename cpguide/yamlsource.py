"""YAML loading that keeps the line of every node, so errors can point into the file.

Plain JSON-Schema errors give a path (`agendas/0/sections/3/prompts/2/txt`); `line_of` maps
that path back to the line the YAML parser saw. Duplicate keys are errors (PyYAML would
silently keep the last one).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError


class _NoDuplicateKeys:
    """Refuses duplicate keys (PyYAML would silently keep the last one)."""

    def construct_mapping(self, node, deep=False):  # noqa: D401 - PyYAML API
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            # A plain scalar key is compared by its text: constructing every key twice is slow.
            key = key_node.value if isinstance(key_node, ScalarNode) else self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"duplicate key '{key}' (first on line {seen[key]}); remove one of them",
                    key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _Loader(_NoDuplicateKeys, yaml.SafeLoader):
    """The pure-Python parser: slow, but its messages are the clearest; used to describe syntax errors."""


class _FastLoader(_NoDuplicateKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's C parser when PyYAML has it: the same nodes and lines, about six times faster."""


@dataclass
class YamlDocument:
    path: Path
    data: Any
    root: Node | None

    def _nodes(self):
        if self.root is None:
            loader = _FastLoader(self.path.read_text(encoding="utf-8"))
            try:
                self.root = loader.get_single_node()
            finally:
                loader.dispose()
        return self.root

    def line_of(self, path: tuple | list) -> int | None:
        """1-based line of the node at a JSON path (keys and list indexes); nearest parent if missing."""
        node = self._nodes()
        line = node.start_mark.line + 1 if node is not None else None
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def key_line(self, path: tuple | list, key: str) -> int | None:
        """Line of a key inside the mapping at `path` (for 'unknown key' errors)."""
        node = self._nodes()
        for step in path:
            node = _child(node, step)
            if node is None:
                return self.line_of(path)
        if isinstance(node, MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == key:
                    return key_node.start_mark.line + 1
        return self.line_of(path)


def _child(node: Node | None, step) -> Node | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(step):
                return value_node
    elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Parse a YAML file; a syntax error becomes a ContentError with the parser's line."""
    text = path.read_text(encoding="utf-8")
    shown = display or str(path)
    try:
        try:
            root, data = _parse(_FastLoader, text)
        except yaml.MarkedYAMLError:
            root, data = _parse(_Loader, text)  # again, for the pure-Python parser's clearer message
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise YamlSyntaxError(ContentError(shown, line, f"YAML error: {problem}",
                                           _syntax_hint(problem))) from None
    return YamlDocument(path, data, None)  # nodes re-read only if a line number is asked for


def _parse(loader_class, text: str):
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


class YamlSyntaxError(Exception):
    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(str(error))


def _syntax_hint(problem: str) -> str:
    if "duplicate key" in problem:
        return "each key may appear once in a mapping"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. text: \"Note: …\""
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    return "check the indentation and quoting on this line and the one before it"
