"""The filter AST. Spans are source positions and take no part in equality."""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.rsql.operators import Operator

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Comparison:
    """`selector op args`, e.g. `Status=in=(Open,Review)`."""

    selector: str
    op: Operator
    args: tuple[str, ...]
    span: Span = field(default=(0, 0), compare=False)
    selector_span: Span = field(default=(0, 0), compare=False)
    op_span: Span = field(default=(0, 0), compare=False)
    arg_spans: tuple[Span, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class And:
    """Every child holds; children in source order."""

    children: tuple[Node, ...]
    span: Span = field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Or:
    """At least one child holds; children in source order."""

    children: tuple[Node, ...]
    span: Span = field(default=(0, 0), compare=False)


Node = Comparison | And | Or
