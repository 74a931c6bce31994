"""The filter AST. Spans are source positions and take no part in equality.

Nodes are immutable values (hashable, compared without spans). They are tuples underneath,
so the parser builds each with one `tuple.__new__` call and no per-node bookkeeping:

- `Comparison`: `(selector, op, args, spans)` where `spans` is `(span, selector_span,
  op_span, arg_spans)`; or, for a comparison written with nothing between its parts (the
  parser's one-scan path), `(selector, op, args, start, operator length, parenthesised)`,
  whose spans follow from the lengths and are worked out only when asked for.
- `And` / `Or`: the tuple of their children; a group's span runs from its first child's start
  to its last child's end.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

from explorer.rsql.operators import Operator

Span = tuple[int, int]
Spans = tuple[Span, Span, Span, tuple[Span, ...]]

_new = tuple.__new__


class Comparison(tuple[Any, ...]):
    """`selector op args`, e.g. `Status=in=(Open,Review)`."""

    __slots__ = ()
    __match_args__ = ("selector", "op", "args")

    def __new__(
        cls,
        selector: str,
        op: Operator,
        args: tuple[str, ...],
        span: Span = (0, 0),
        selector_span: Span = (0, 0),
        op_span: Span = (0, 0),
        arg_spans: tuple[Span, ...] = (),
    ) -> Comparison:
        return _new(cls, (selector, op, tuple(args), (span, selector_span, op_span, arg_spans)))

    if TYPE_CHECKING:

        @property
        def selector(self) -> str: ...

        @property
        def op(self) -> Operator: ...

        @property
        def args(self) -> tuple[str, ...]: ...

    else:
        selector = property(itemgetter(0), doc="The field name as written.")
        op = property(itemgetter(1), doc="The operator, from the one operator table.")
        args = property(itemgetter(2), doc="The values, unquoted and unescaped.")

    def spans(self) -> Spans:
        """`(span, selector_span, op_span, arg_spans)`."""
        if len(self) == 4:
            spans: Spans = self[3]
            return spans
        return _flat_spans(self[3], self[4])

    @property
    def span(self) -> Span:
        return self.spans()[0]

    @property
    def selector_span(self) -> Span:
        return self.spans()[1]

    @property
    def op_span(self) -> Span:
        return self.spans()[2]

    @property
    def arg_spans(self) -> tuple[Span, ...]:
        return self.spans()[3]

    def __eq__(self, other: object) -> bool:
        if type(other) is not Comparison:
            return False
        return bool(self[0] == other[0] and self[1] == other[1] and self[2] == other[2])

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self[0], self[1], self[2]))

    def __repr__(self) -> str:
        return f"Comparison(selector={self[0]!r}, op={self[1]!r}, args={self[2]!r})"

    def __getnewargs__(self) -> tuple[Any, ...]:
        return (self[0], self[1], self[2], *self.spans())


def _flat_spans(layout: list[Any], index: int) -> Spans:
    """The spans of row `index` of a one-scan parse. `layout` holds the scan's rows
    `(selector, operator, value, list inside its parentheses, separator)`, which cover the
    text end to end; the start of every row is worked out once and kept as its second item."""
    if len(layout) == 1:
        starts = [0]
        for selector, spelled, value, listed, _ in layout[0]:
            length = len(selector) + len(spelled) + (len(value) if value else len(listed) + 2)
            starts.append(starts[-1] + length + 1)
        layout.append(starts)
    selector, spelled, value, listed, _ = layout[0][index]
    start = layout[1][index]
    sel_end = start + len(selector)
    op_end = sel_end + len(spelled)
    if value:
        end = op_end + len(value)
        return (start, end), (start, sel_end), (sel_end, op_end), ((op_end, end),)
    arg_spans: list[Span] = []
    offset = op_end + 1
    for arg in listed.split(","):
        arg_end = offset + len(arg)
        arg_spans.append((offset, arg_end))
        offset = arg_end + 1
    return (start, offset), (start, sel_end), (sel_end, op_end), tuple(arg_spans)


class _Group(tuple[Any, ...]):
    """The tuple of a group's children."""

    __slots__ = ()

    @property
    def children(self) -> tuple[Node, ...]:
        return self

    @property
    def span(self) -> Span:
        if not self:
            return (0, 0)
        return (self[0].span[0], self[-1].span[1])

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple.__hash__(self)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({tuple(self)!r})"

    def __getnewargs__(self) -> tuple[Any, ...]:
        return (tuple(self),)


class And(_Group):
    """Every child holds; children in source order. `And(children)`."""

    __slots__ = ()


class Or(_Group):
    """At least one child holds; children in source order. `Or(children)`."""

    __slots__ = ()


Node = Comparison | And | Or
