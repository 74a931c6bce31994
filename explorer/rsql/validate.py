"""Warnings for a valid filter against a known field list: unknown fields, ill-typed values."""

from __future__ import annotations

from collections.abc import Mapping

from explorer.kinds import FieldKind, expected_text, value_fits
from explorer.rsql.diagnostics import Diagnostic, diagnostic, shown
from explorer.rsql.nodes import Comparison, Node
from explorer.rsql.sql import NULL, suggestion

# Operators whose values are patterns, not values of the field's kind.
_PATTERN_OPERATORS = frozenset({"LIKE", "NOT_LIKE", "ILIKE", "NOT_ILIKE"})


def validate(ast: Node, fields: Mapping[str, FieldKind]) -> list[Diagnostic]:
    """Warnings in source order: unknown selectors (with a close match) and values that cannot
    be of their field's kind (such a comparison falls back to comparing text)."""
    warnings: list[Diagnostic] = []
    known = list(fields)
    stack: list[Node] = [ast]
    while stack:
        node = stack.pop()
        if not isinstance(node, Comparison):
            stack.extend(reversed(node.children))
            continue
        kind = fields.get(node.selector)
        if kind is None:
            start, end = node.selector_span
            warnings.append(
                diagnostic(
                    start,
                    end - start,
                    f"unknown field {shown(node.selector)}{suggestion(node.selector, known)}",
                    tuple(known),
                    "warning",
                )
            )
            continue
        if node.op.name in _PATTERN_OPERATORS:
            continue
        spans = node.arg_spans or tuple((0, 0) for _ in node.args)
        for value, (start, end) in zip(node.args, spans, strict=False):
            if value == NULL or value_fits(kind, value):
                continue
            warnings.append(
                diagnostic(
                    start,
                    end - start,
                    f"{shown(value)} does not fit {shown(node.selector)} "
                    f"({kind.value}: {expected_text(kind)})",
                    (expected_text(kind),),
                    "warning",
                )
            )
    return warnings
