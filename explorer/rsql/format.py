"""Canonical text and the tree notation of an AST."""

from __future__ import annotations

import re

from explorer.rsql.nodes import And, Comparison, Node, Or
from explorer.rsql.operators import Dialect

# A value prints bare only when it is non-empty and free of reserved characters, whitespace and
# backslashes.
_NEEDS_QUOTES = re.compile(r"[\"'();,=<>!~\s\\]")


def quote_value(value: str) -> str:
    """`value` as filter text: bare when it can be, else double-quoted with `"` and `\\` escaped."""
    if value and _NEEDS_QUOTES.search(value) is None:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _comparison(node: Comparison, dialect: Dialect | str) -> str:
    op = node.op
    spelling = op.spelling(dialect)
    if op.multi_value:
        return f"{node.selector}{spelling}({','.join(quote_value(a) for a in node.args)})"
    return f"{node.selector}{spelling}{quote_value(node.args[0])}"


def format_filter(ast: Node, dialect: Dialect | str = Dialect.ELEMENTUM) -> str:
    """Canonical text: canonical operators, no stray spaces, values quoted only when needed.

    Groups keep their structure, so `parse(format_filter(ast)) == ast`.
    """
    # Iterative walk: a stack of pending pieces, so deep trees cannot recurse.
    out: list[str] = []
    stack: list[tuple[Node, bool] | str] = [(ast, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        node, grouped = item
        if isinstance(node, Comparison):
            out.append(_comparison(node, dialect))
            continue
        joiner = ";" if isinstance(node, And) else ","
        pieces: list[tuple[Node, bool] | str] = []
        if grouped:
            pieces.append("(")
        for index, child in enumerate(node.children):
            if index:
                pieces.append(joiner)
            # An AND inside an OR needs no parentheses; every other nesting keeps them.
            needs = not isinstance(child, Comparison) and not (
                isinstance(node, Or) and isinstance(child, And)
            )
            pieces.append((child, needs))
        if grouped:
            pieces.append(")")
        stack.extend(reversed(pieces))
    return "".join(out)


def tree(ast: Node, dialect: Dialect | str = Dialect.ELEMENTUM) -> str:
    """The tree notation: `AND(c1,c2)`, `OR(...)`, comparisons in canonical form."""
    out: list[str] = []
    stack: list[Node | str] = [ast]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Comparison):
            out.append(_comparison(item, dialect))
        else:
            pieces: list[Node | str] = ["AND(" if isinstance(item, And) else "OR("]
            for index, child in enumerate(item.children):
                if index:
                    pieces.append(",")
                pieces.append(child)
            pieces.append(")")
            stack.extend(reversed(pieces))
    return "".join(out)
