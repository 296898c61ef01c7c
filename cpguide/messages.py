"""What the command line prints about the reader's own input: never a wall of it.

A 100 KB argument, echoed back in an error, buries the one line that says what is wrong.
`remember_arguments` is called once with the command line; `shorten` then cuts every long
argument down wherever it appears in a message.
"""

from __future__ import annotations

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
