"""The filter AST. Spans are source positions and take no part in equality.

Nodes are treated as values (hashable, compared without spans) and never changed after
parsing; they are not frozen because frozen construction would triple the cost of a parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.rsql.operators import Operator

Span = tuple[int, int]


@dataclass(slots=True, unsafe_hash=True)
class Comparison:
    """`selector op args`, e.g. `Status=in=(Open,Review)`."""

    selector: str
    op: Operator
    args: tuple[str, ...]
    span: Span = field(default=(0, 0), compare=False)
    selector_span: Span = field(default=(0, 0), compare=False)
    op_span: Span = field(default=(0, 0), compare=False)
    arg_spans: tuple[Span, ...] = field(default=(), compare=False)


@dataclass(slots=True, unsafe_hash=True)
class And:
    """Every child holds; children in source order."""

    children: tuple[Node, ...]
    span: Span = field(default=(0, 0), compare=False)


@dataclass(slots=True, unsafe_hash=True)
class Or:
    """At least one child holds; children in source order."""

    children: tuple[Node, ...]
    span: Span = field(default=(0, 0), compare=False)


Node = Comparison | And | Or
