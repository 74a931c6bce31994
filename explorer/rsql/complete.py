"""What may come next at the cursor: fields, operators, known values and separators."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from explorer.rsql.format import quote_value
from explorer.rsql.operators import Dialect, Operator, operators_for
from explorer.rsql.parser import OPERATOR_PATTERN, SYNTAX, Syntax

CompletionKind = Literal["field", "operator", "value", "separator"]

_PARTIAL_OPERATOR = re.compile(r"[=!<>][A-Za-z]*=?")
_QUOTED = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*"?', re.S),
    "'": re.compile(r"'(?:[^'\\]|\\.)*'?", re.S),
}
_ESCAPE = re.compile(r"\\(.)", re.S)


@dataclass(frozen=True, slots=True)
class Completion:
    """One suggestion: insert `text` in place of `text[start:end]` of the filter."""

    text: str
    start: int
    end: int
    kind: CompletionKind
    display: str
    help: str


@dataclass(slots=True)
class _Context:
    kind: CompletionKind
    start: int
    end: int
    partial: str
    selector: str = ""
    op: Operator | None = None
    depth: int = 0
    in_list: bool = False
    quoted: bool = False
    selector_start: int = 0


def complete(
    text: str,
    cursor: int,
    fields: Sequence[str],
    values: Mapping[str, Sequence[str]],
    dialect: Dialect | str = Dialect.ELEMENTUM,
) -> list[Completion]:
    """Suggestions for the cursor position, best first; empty when nothing fits there."""
    cursor = max(0, min(cursor, len(text)))
    context = _context(text, cursor, Dialect(dialect))
    if context is None:
        return []
    if context.kind == "field":
        found = _fields(context, fields)
        if context.partial in fields:
            # A whole field name: the operator may come right after it.
            found.extend(_operators(_Context("operator", cursor, cursor, ""), Dialect(dialect)))
        return found
    if context.kind == "operator":
        found = []
        if text[:cursor].endswith((" ", "\t")) and context.selector:
            # "Created |" may still be the start of "Created At".
            go_on = _Context(
                "field", context.selector_start, cursor, text[context.selector_start : cursor]
            )
            found = [c for c in _fields(go_on, fields) if c.text != context.selector]
            found = [
                Completion(
                    c.text,
                    c.start,
                    _token_end(text, SYNTAX[Dialect(dialect)].sel, c.start, cursor),
                    c.kind,
                    c.display,
                    c.help,
                )
                for c in found
            ]
        return found + _operators(context, Dialect(dialect))
    if context.kind == "value":
        found = _values(context, values)
        if context.partial and not context.quoted:
            if context.in_list:
                found.append(Completion(",", cursor, cursor, "separator", ",", "next value"))
                found.append(Completion(")", cursor, cursor, "separator", ")", "end the list"))
            else:
                found.extend(_separators(cursor, cursor, context.depth))
        return found
    return _separators(context.start, context.end, context.depth)


def _token_end(text: str, pattern: re.Pattern[str], start: int, cursor: int = 0) -> int:
    """Where the token at `start` ends in the whole text (never before the cursor)."""
    m = pattern.match(text, start)
    return max(m.end() if m else start, cursor)


def _context(text: str, cursor: int, dialect: Dialect) -> _Context | None:
    """Walk the text before the cursor clause by clause and say what the cursor is in."""
    syntax = SYNTAX[dialect]
    prefix = text[:cursor]
    n = len(prefix)
    pos = 0
    depth = 0
    while True:
        # Expecting a field (possibly after opening groups).
        pos = syntax.skip(prefix, pos)
        while pos < n and prefix[pos] == "(":
            depth += 1
            pos = syntax.skip(prefix, pos + 1)
        sel = syntax.sel.match(prefix, pos)
        if pos >= n or sel is None or sel.end() >= n:
            if pos < n and sel is None:
                return None
            end = _token_end(text, syntax.sel, pos)
            return _Context("field", pos, end, prefix[pos:], depth=depth)
        selector = sel.group()
        after_sel = syntax.skip(prefix, sel.end())
        if after_sel >= n:
            # "Created |": either the field name goes on or an operator comes next.
            return _Context(
                "operator", n, n, "", selector=selector, depth=depth, selector_start=pos
            )
        op_match = OPERATOR_PATTERN.match(prefix, after_sel)
        if op_match is not None and op_match.end() >= n:
            spelled = op_match.group()
            longer = any(s != spelled and s.startswith(spelled) for s in syntax.operators)
            if spelled in syntax.operators and not longer:
                # A finished operator at the cursor: its value comes next.
                finished = syntax.operators[spelled]
                return _Context("value", n, n, "", selector, finished, depth)
        if op_match is None or op_match.end() >= n:
            partial = _PARTIAL_OPERATOR.match(prefix, after_sel)
            if partial is None or partial.end() < n:
                return None
            end = _token_end(text, _PARTIAL_OPERATOR, after_sel)
            return _Context("operator", after_sel, end, prefix[after_sel:], selector, depth=depth)
        found_op = syntax.operators.get(op_match.group())
        if found_op is None:
            return None
        op = found_op
        pos = syntax.skip(prefix, op_match.end())
        in_list = pos < n and prefix[pos] == "("
        if in_list:
            pos = syntax.skip(prefix, pos + 1)
        while True:
            value_ctx = _value_context(text, prefix, pos, syntax, selector, op, depth, in_list)
            if isinstance(value_ctx, _Context):
                return value_ctx
            pos = value_ctx
            after = syntax.skip(prefix, pos)
            if after >= n:
                # Just after a finished value and some space: a separator comes next.
                return _Context("separator", n, n, "", selector, op, depth)
            char = prefix[after]
            if in_list and char == ",":
                pos = syntax.skip(prefix, after + 1)
                continue
            if (not in_list) and char == ":" and op.multi_value and syntax.colon_lists:
                pos += 1
                continue
            if in_list and char == ")":
                pos = after + 1
            break
        # After a comparison: separators and closing groups until the next field.
        while True:
            sep = syntax.sep.match(prefix, pos)
            if sep is not None:
                pos = sep.end()
                break
            pos = syntax.skip(prefix, pos)
            if pos >= n:
                return _Context("separator", n, n, "", depth=depth)
            if prefix[pos] == ")" and depth > 0:
                depth -= 1
                pos += 1
                continue
            return None


def _value_context(
    text: str,
    prefix: str,
    pos: int,
    syntax: Syntax,
    selector: str,
    op: Operator,
    depth: int,
    in_list: bool,
) -> _Context | int:
    """The value context when the cursor is inside the value at `pos`, else its end."""
    n = len(prefix)
    char = prefix[pos] if pos < n else ""
    if char in _QUOTED:
        m = _QUOTED[char].match(prefix, pos)
        assert m is not None
        closed = len(m.group()) >= 2 and m.group().endswith(char)
        if m.end() < n or (closed and m.end() == n and m.end() - pos >= 2 and n < len(text)):
            return m.end()
        if closed and m.end() == n:
            return m.end()
        body = _ESCAPE.sub(r"\1", prefix[pos + 1 :])
        end = _token_end(text, _QUOTED[char], pos)
        return _Context("value", pos, end, body, selector, op, depth, in_list, quoted=True)
    bare = syntax.bare if in_list or not op.multi_value else syntax.bare_no_colon
    m = bare.match(prefix, pos)
    if m is None or m.end() >= n:
        if m is None and pos < n:
            return pos
        end = _token_end(text, bare, pos)
        return _Context("value", pos, end, prefix[pos:], selector, op, depth, in_list)
    return m.end()


def _fields(context: _Context, fields: Sequence[str]) -> list[Completion]:
    partial = context.partial.casefold()
    starts = [f for f in fields if f.casefold().startswith(partial)]
    inside = [f for f in fields if partial and partial in f.casefold() and f not in starts]
    return [
        Completion(f, context.start, context.end, "field", f, "field") for f in (*starts, *inside)
    ]


def _operators(context: _Context, dialect: Dialect) -> list[Completion]:
    out: list[Completion] = []
    for op in operators_for(dialect):
        spellings = op.standard_spellings if dialect is Dialect.STANDARD else op.spellings
        # The canonical spelling when it fits what is typed, else the alias being typed.
        spelling = next((s for s in spellings if s.startswith(context.partial)), "")
        if spelling:
            out.append(
                Completion(spelling, context.start, context.end, "operator", spelling, op.meaning)
            )
    return out


def _values(context: _Context, values: Mapping[str, Sequence[str]]) -> list[Completion]:
    partial = context.partial.casefold()
    known = list(values.get(context.selector, ()))
    if context.op is not None and context.op.name in ("EQ", "NE"):
        known.append("null")
    starts = [v for v in known if v.casefold().startswith(partial)]
    inside = [v for v in known if partial and partial in v.casefold() and v not in starts]
    out: list[Completion] = []
    for value in (*starts, *inside):
        help_text = "no value" if value == "null" else f"a value of {context.selector}"
        out.append(
            Completion(quote_value(value), context.start, context.end, "value", value, help_text)
        )
    return out


def _separators(start: int, end: int, depth: int) -> list[Completion]:
    out = [
        Completion(";", start, end, "separator", ";", "and: both must hold"),
        Completion(",", start, end, "separator", ",", "or: either may hold"),
    ]
    if depth > 0:
        out.append(Completion(")", start, end, "separator", ")", "close the group"))
    return out
