"""Command-line arguments that are not UTF-8 text, found before any command reads them.

On POSIX, Python decodes argument bytes that are not UTF-8 into lone surrogates
(`surrogateescape`); such a string cannot be encoded into a URL, a JSON body or a filter, so
it is refused up front with a message naming the argument. Options that take a file path
may hold any bytes, as file names may.
"""

from __future__ import annotations

from collections.abc import Sequence

# Options whose value is a file path: any bytes are a valid name there.
PATH_OPTIONS = frozenset({"-o", "--output", "--config", "--db"})


def _undecodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(text: str) -> str:
    """The argument as typed, with each byte that is not UTF-8 written as `\\xNN`."""
    raw = text.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace")


def undecodable_argument(argv: Sequence[str]) -> str | None:
    """A message naming the first argument that is not UTF-8 text, or None if all are."""
    previous = ""
    for position, arg in enumerate(argv, start=1):
        option, equals, _value = arg.partition("=")
        is_path = previous in PATH_OPTIONS or (
            arg.startswith("-") and bool(equals) and option in PATH_OPTIONS
        )
        if not is_path and _undecodable(arg):
            after = f" (after {previous})" if previous.startswith("-") else ""
            return (
                f"argument {position}{after} is not UTF-8 text: {_shown(arg)!r};"
                " retype it or convert it to UTF-8 (iconv -t UTF-8)"
            )
        previous = arg
    return None
