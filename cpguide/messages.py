"""What the command line prints about the reader's own input: never a wall of it.

A 100 KB argument, echoed back in an error, buries the one line that says what is wrong.
`remember_arguments` is called once with the command line; `shorten` then cuts every long
argument down wherever it appears in a message.
"""

from __future__ import annotations

import re

LONGEST = 200  # a long path still shows in full; a pasted document does not
_long_arguments: list[str] = []


def remember_arguments(argv: list[str]) -> None:
    _long_arguments[:] = sorted({a for a in argv if len(a) > LONGEST}, key=len, reverse=True)


def cut(text: str) -> str:
    """One value, at most LONGEST characters, saying how long it really was."""
    return text if len(text) <= LONGEST else f"{text[:LONGEST]}… ({len(text):,} characters)"


def shorten(message: str) -> str:
    for argument in _long_arguments:
        message = message.replace(argument, cut(argument))
    return message


# What a terminal would act on rather than show: C0 and C1 controls (ESC starts a sequence that can
# move the cursor and erase a line, CR returns to its start, BS steps back), DEL, and the Unicode
# marks that reorder or split text (bidirectional overrides and isolates, line and paragraph
# separators). Each is shown as a visible escape instead, e.g. "\x1b".
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROL}]")
_UNSAFE_IN_A_LINE = re.compile(f"[{_CONTROL}\t\n]")


def _escape(match: re.Match) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Text as a terminal should show it: only newlines and tabs act; every other control shows."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """A value inside a line of output (a file, a key, an argument): newlines and tabs show too."""
    return _UNSAFE_IN_A_LINE.sub(_escape, text)


class PrintableStream:
    """sys.stdout or sys.stderr for the length of a command: whatever a command prints, from content
    or from its arguments, reaches the terminal through `printable`. Bytes written to `.buffer` (a
    calendar file) pass unchanged."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)
