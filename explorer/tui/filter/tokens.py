"""A forgiving lexical scan of filter text for colouring and clause editing.

It never fails: half-typed text still gets colours. The parser in `explorer.rsql` remains the
one judge of validity; this scan only says which characters look like a selector, an operator,
a value or a separator so the bar can paint them and find top-level ORs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class TokenKind(StrEnum):
    SELECTOR = "selector"
    OPERATOR = "operator"
    VALUE = "value"
    QUOTED = "quoted"
    NULL = "null"
    AND = "and"
    OR = "or"
    PAREN = "paren"
    LIST = "list"  # the parentheses, commas and colons of a value list


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    start: int
    end: int
    depth: int  # group nesting depth where the token sits (0 = top level)


_Adder = Callable[["TokenKind", int, int], None]

# Longest first so `=lki=` wins over `=lk=` and `>=` over `>`.
_OPERATOR = re.compile(r"=[A-Za-z]+=|![A-Za-z]+=|==|!=|>=|<=|>|<")
# Operators whose values may be written `a:b:c`.
_LIST_OPERATORS = frozenset({"=in=", "!in=", "=out=", "=bt=", "!bt="})
_WORD_SEPARATOR = re.compile(r"\s+(and|or)\s+", re.IGNORECASE)
_BARE_END = re.compile(r"[;,()]|\s+(?:and|or)\s+", re.IGNORECASE)


def tokenize(text: str) -> list[Token]:
    """Classify every non-blank run of `text`; unknown leftovers count as selector text."""
    tokens: list[Token] = []
    depth = 0
    pos = 0
    expecting_value = False
    colon_lists = False
    length = len(text)

    def add(kind: TokenKind, start: int, end: int) -> None:
        if end > start:
            tokens.append(Token(kind, start, end, depth))

    while pos < length:
        char = text[pos]
        if char.isspace():
            separator = _WORD_SEPARATOR.match(text, pos)
            if separator and tokens and not expecting_value:
                kind = TokenKind.AND if separator.group(1).lower() == "and" else TokenKind.OR
                add(kind, separator.start(1), separator.end(1))
                pos = separator.end()
                continue
            pos += 1
            continue
        if char in ";,":
            add(TokenKind.AND if char == ";" else TokenKind.OR, pos, pos + 1)
            expecting_value = False
            pos += 1
            continue
        if char == "(" and not expecting_value:
            add(TokenKind.PAREN, pos, pos + 1)
            depth += 1
            pos += 1
            continue
        if char == ")":
            depth = max(0, depth - 1)
            add(TokenKind.PAREN, pos, pos + 1)
            expecting_value = False
            pos += 1
            continue
        if expecting_value:
            pos = _scan_value(text, pos, add, colon_lists=colon_lists)
            expecting_value = False
            continue
        operator = _find_operator(text, pos)
        if operator is None:
            boundary = _BARE_END.search(text, pos)
            stop = boundary.start() if boundary else length
            add(TokenKind.SELECTOR, pos, _rstrip(text, pos, stop))
            pos = stop
            continue
        start, end = operator
        add(TokenKind.SELECTOR, pos, _rstrip(text, pos, start))
        add(TokenKind.OPERATOR, start, end)
        colon_lists = text[start:end].lower() in _LIST_OPERATORS
        pos = end
        expecting_value = True
    return tokens


def _rstrip(text: str, start: int, stop: int) -> int:
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return stop


def _find_operator(text: str, pos: int) -> tuple[int, int] | None:
    """The first operator in the selector that starts at `pos`, before any separator."""
    end = _BARE_END.search(text, pos)
    stop = end.start() if end else len(text)
    match = _OPERATOR.search(text, pos, stop)
    return (match.start(), match.end()) if match else None


def _scan_value(text: str, pos: int, add: _Adder, *, colon_lists: bool) -> int:
    """Scan one value, a `(a,b)` list or an `a:b` list; return where it ends."""
    if text[pos] == "(":
        add(TokenKind.LIST, pos, pos + 1)
        pos += 1
        while pos < len(text):
            char = text[pos]
            if char == ")":
                add(TokenKind.LIST, pos, pos + 1)
                return pos + 1
            if char == ",":
                add(TokenKind.LIST, pos, pos + 1)
                pos += 1
            elif char.isspace():
                pos += 1
            elif char == ";":
                return pos
            else:
                pos = _scan_item(text, pos, add, stops=",);")
        return pos
    stops = ";,():" if colon_lists else ";,()"
    while pos < len(text):
        pos = _scan_item(text, pos, add, stops=stops)
        if pos < len(text) and text[pos] == ":":
            add(TokenKind.LIST, pos, pos + 1)
            pos += 1
            continue
        return pos
    return pos


def _scan_item(text: str, pos: int, add: _Adder, stops: str) -> int:
    """One quoted or bare value starting at `pos`."""
    quote = text[pos]
    if quote in "'\"":
        end = pos + 1
        while end < len(text) and text[end] != quote:
            end += 2 if text[end] == "\\" else 1
        end = min(end + 1, len(text))
        add(TokenKind.QUOTED, pos, end)
        return end
    end = pos
    while end < len(text) and text[end] not in stops:
        if text[end].isspace() and _WORD_SEPARATOR.match(text, end):
            break
        end += 1
    stop = _rstrip(text, pos, end)
    add(TokenKind.NULL if text[pos:stop].lower() == "null" else TokenKind.VALUE, pos, stop)
    return end


def has_top_level_or(text: str) -> bool:
    """Whether `text` joins clauses with OR outside any parentheses."""
    return any(t.kind is TokenKind.OR and t.depth == 0 for t in tokenize(text))
