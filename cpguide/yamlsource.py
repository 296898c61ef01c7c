"""YAML loading that keeps the line of every node, so errors can point into the file.

Plain JSON-Schema errors give a path (`agendas/0/sections/3/prompts/2/txt`); `line_of` maps
that path back to the line the YAML parser saw. Duplicate keys are errors (PyYAML would
silently keep the last one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError
from .safefiles import UnsafeFile, read_bytes


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
    display: str = ""
    base: Path | None = None  # the folder the file must stay inside

    def _nodes(self):
        if self.root is None:
            loader = _FastLoader(read_text(self.path, self.base or self.path.parent, self.display or str(self.path)))
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


def load_yaml(path: Path, display: str | None = None, root: Path | None = None) -> YamlDocument:
    """Parse a content file; anything refused becomes a ContentError with the file and line.

    Only a regular file inside `root` (default: its own folder) is read. Before the parser builds
    anything, the events are checked (`_refuse_unsafe`): no anchors or aliases, bounded nesting,
    text keys, no unquoted dates or decimals, so a small hostile file cannot hang or crash the build.
    """
    shown = display or str(path)
    text = read_text(path, root or path.parent, shown)
    try:
        _refuse_unsafe(text, shown)
        try:
            root_node, data = _parse(_FastLoader, text)
        except yaml.MarkedYAMLError:
            root_node, data = _parse(_Loader, text)  # again, for the pure-Python parser's clearer message
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise YamlSyntaxError(ContentError(shown, line, f"YAML error: {problem}",
                                           _syntax_hint(problem))) from None
    return YamlDocument(path, data, None, shown, root or path.parent)  # nodes re-read only if a line is asked for


def read_text(path: Path, root: Path, shown: str) -> str:
    """The text of a content file: a regular UTF-8 file inside `root`, without NUL bytes."""
    try:
        data = read_bytes(path, root, MAX_CONTENT_BYTES)
    except UnsafeFile as exc:
        hint = ("content files hold at most 1 MB (the largest today is under 100 KB): check that this is the file you meant"
                if "bytes" in exc.reason else "content files are plain YAML files in the repository")
        raise YamlSyntaxError(ContentError(shown, None, exc.reason, hint)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise YamlSyntaxError(ContentError(shown, line, f"byte 0x{data[exc.start]:02x} is not UTF-8",
                                           "save the file as UTF-8 (retype the character on this line)")) from None
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise YamlSyntaxError(ContentError(shown, line, "the file holds a NUL byte",
                                           "remove it: content files are plain text")) from None
    return text.removeprefix("\ufeff")


MAX_DEPTH = 24  # the deepest real content (an agenda's sub-points) nests 12 levels
# Stated limits, so one file cannot make a page of many megabytes or a build of minutes (a 50,000-term
# glossary took 5 minutes to build into a 26 MB page): the longest list today (the national glossary)
# has under 100 entries and the largest file under 100 KB.
MAX_ENTRIES = 2_000
MAX_CONTENT_BYTES = 1_000_000
# No leading zero: PyYAML (YAML 1.1) reads 010 as 8, an editor using YAML 1.2 shows 10.
_PLAIN_WHOLE_NUMBER = re.compile(r"-?(0|[1-9][0-9]{0,8})")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def _refuse_unsafe(text: str, shown: str) -> None:
    """Walk the parser's events (no recursion, nothing built) and refuse what content never needs."""
    open_mappings: list[list] = []  # per open collection: [is a mapping, next node is a key, entries]
    depth = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            open_mappings.pop()
            _node_done(open_mappings, shown, event)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        line = event.start_mark.line + 1
        is_key = bool(open_mappings) and open_mappings[-1][0] and open_mappings[-1][1]
        _check_node(event, is_key, shown, line)
        _count_entry(open_mappings, is_key, shown, line)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refused(shown, line, f"nested more than {MAX_DEPTH} levels deep",
                               "content never nests this deep: check the indentation")
            open_mappings.append([isinstance(event, yaml.MappingStartEvent), True, 0])
        else:
            _node_done(open_mappings, shown, event)


def _node_done(open_mappings: list[list], shown: str, event) -> None:
    if open_mappings and open_mappings[-1][0]:
        open_mappings[-1][1] = not open_mappings[-1][1]


def _count_entry(open_mappings: list[list], is_key: bool, shown: str, line: int) -> None:
    """One more entry (a list's item, a mapping's key) in the collection open around this node."""
    if not open_mappings or (open_mappings[-1][0] and not is_key):
        return
    open_mappings[-1][2] += 1
    if open_mappings[-1][2] > MAX_ENTRIES:
        raise _refused(shown, line, f"more than {MAX_ENTRIES:,} entries in one list or mapping",
                       f"content keeps each list under {MAX_ENTRIES:,} entries (the longest today has under 100): "
                       "check that this is the file you meant")


def _check_node(event, is_key: bool, shown: str, line: int) -> None:
    if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
        raise _refused(shown, line, "YAML anchors and aliases (&name, *name) are not used in content",
                       "write the value out in full where it is needed")
    if event.tag not in (None, "!"):
        raise _refused(shown, line, f"YAML tag {_short(event.tag)} is not used in content", "remove the tag")
    if is_key and not isinstance(event, yaml.ScalarEvent):
        raise _refused(shown, line, "a key must be a word, not a list or a mapping",
                       "write keys as plain words, e.g. text:")
    if isinstance(event, yaml.ScalarEvent) and event.implicit[0]:  # plain (unquoted) scalar
        _check_plain(event.value, is_key, shown, line)


def _check_plain(value: str, is_key: bool, shown: str, line: int) -> None:
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    kind = tag.rsplit(":", 1)[-1]
    if kind == "timestamp":
        raise _refused(shown, line, f"{_short(value)} is read as a date", f'quote it: "{_short(value)}"')
    if kind == "float":
        raise _refused(shown, line, f"{_short(value)} is a decimal number; content uses whole numbers only",
                       "write a whole number such as 3, or quote it if it is text")
    if kind == "int" and re.fullmatch(r"-?0[0-9_]+", value):
        raise _refused(shown, line, f"{_short(value)} starts with a zero, which YAML 1.1 reads as an octal number",
                       f"write it without the leading zero ({value.lstrip('-0_') or '0'}), or quote it if it is text")
    if kind == "int" and not _PLAIN_WHOLE_NUMBER.fullmatch(value):
        raise _refused(shown, line, f"{_short(value)} is not a plain whole number of at most 9 digits",
                       "write a whole number such as 3, or quote it if it is text")
    if is_key and tag != _STR:
        raise _refused(shown, line, f"the key {_short(value)} is read as a {kind}, not a word",
                       f'quote it: "{_short(value)}"')


def _refused(shown: str, line: int, message: str, hint: str) -> YamlSyntaxError:
    return YamlSyntaxError(ContentError(shown, line, message, hint))


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


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
