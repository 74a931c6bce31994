"""Properties over random input: no crash, exact round trips, values only as parameters."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.kinds import FieldKind
from explorer.rsql import (
    OPERATORS,
    And,
    Comparison,
    Node,
    Or,
    SqlColumn,
    complete,
    format_filter,
    parse,
    to_sql,
    tree,
)
from explorer.rsql.operators import Arity

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RSQL_ALPHABET = st.sampled_from([*"ab ()=!<>~;,'\"\\:*-.gtlneiqkob\t", "and", "or", "=="])
# Text-only properties are cheap, so they look at more examples.
TEXT_SETTINGS = settings(max_examples=300, deadline=None)
rsql_like_text = st.lists(RSQL_ALPHABET, max_size=40).map("".join)


def check_result(text: str, dialect: str) -> None:
    result = parse(text, dialect)
    if result.ok:
        assert result.ast is not None and result.diagnostic is None
        # Whatever parses also formats to text that parses back to the same tree.
        again = parse(format_filter(result.ast, dialect), dialect)
        assert again.ast == result.ast, (text, format_filter(result.ast))
        assert tree(result.ast)
    else:
        diag = result.diagnostic
        assert diag is not None and result.ast is None
        assert 0 <= diag.offset <= len(text)
        assert diag.offset + diag.length <= len(text)
        assert diag.column == diag.offset + 1
        assert diag.message and "\n" not in diag.message


@TEXT_SETTINGS
@given(st.text(max_size=60), st.sampled_from(["elementum", "standard"]))
def test_random_text_never_raises(text: str, dialect: str) -> None:
    check_result(text, dialect)


@TEXT_SETTINGS
@given(rsql_like_text, st.sampled_from(["elementum", "standard"]))
def test_random_rsql_like_text_never_raises(text: str, dialect: str) -> None:
    check_result(text, dialect)


@TEXT_SETTINGS
@given(rsql_like_text, st.integers(min_value=0, max_value=60))
def test_completion_never_raises(text: str, cursor: int) -> None:
    for found in complete(text, cursor, ["a", "ab", "Created At"], {"a": ["x y", "b"]}):
        assert 0 <= found.start <= found.end <= len(text)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_.-", min_size=1, max_size=6)
SELECTOR = st.lists(WORD.filter(lambda w: w not in ("and", "or")), min_size=1, max_size=3).map(
    " ".join
)


@st.composite
def comparisons(draw: st.DrawFn, values: st.SearchStrategy[str] | None = None) -> Comparison:
    values = values if values is not None else st.text(max_size=8)
    op = draw(st.sampled_from(OPERATORS))
    if op.arity is Arity.ONE:
        count = 1
    elif op.arity is Arity.TWO:
        count = 2
    else:
        count = draw(st.integers(min_value=1, max_value=4))
    args = tuple(draw(values) for _ in range(count))
    return Comparison(draw(SELECTOR), op, args)


def trees(leaves: st.SearchStrategy[Comparison]) -> st.SearchStrategy[Node]:
    def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        groups = st.lists(children, min_size=2, max_size=4).map(tuple)
        return st.one_of(groups.map(And), groups.map(Or))

    return st.recursive(leaves, extend, max_leaves=12)


@SETTINGS
@given(trees(comparisons()))
def test_random_asts_round_trip_through_format(ast: Node) -> None:
    text = format_filter(ast)
    result = parse(text)
    assert result.ast == ast, (text, result.diagnostic)


SENTINEL = "#§7"  # no letters: case folding and escaping leave it as it is
KINDS = [FieldKind.TEXT, FieldKind.NUMBER, FieldKind.DATE, FieldKind.DATETIME,
         FieldKind.BOOLEAN, FieldKind.MULTI_PICKLIST, FieldKind.PICKLIST]  # fmt: skip


@st.composite
def tagged_comparisons(draw: st.DrawFn) -> Comparison:
    value = st.text(max_size=10).map(lambda v: SENTINEL + v)
    node = draw(comparisons(value))
    return Comparison(f"f{draw(st.integers(0, len(KINDS) - 1))}", node.op, node.args)


@SETTINGS
@given(trees(tagged_comparisons()))
def test_values_reach_sql_only_as_parameters(ast: Node) -> None:
    columns = {f"f{i}": SqlColumn(f'"c{i}"', kind) for i, kind in enumerate(KINDS)}
    sql, params = to_sql(ast, columns)
    assert SENTINEL not in sql
    assert any(SENTINEL in str(p) for p in params)
    assert sql.count("?") == len(params)
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(KINDS)))})")
    conn.execute(
        "INSERT INTO t VALUES (?,?,?,?,?,?,?)",
        ["x", 3, "2024-01-01", "2024-01-01T00:00:00.000Z", 1, '["a"]', "Open"],
    )
    conn.execute(f"SELECT count(*) FROM t WHERE {sql}", params).fetchone()


def spans_of(node: Node, shift: int = 0) -> object:
    """Every span in the tree, moved by `shift`, with the node's own data."""
    if isinstance(node, Comparison):
        moved = [
            (s + shift, e + shift)
            for s, e in (node.span, node.selector_span, node.op_span, *node.arg_spans)
        ]
        return (node.selector, node.op.name, node.args, moved)
    return (type(node).__name__, node.span[0] + shift, node.span[1] + shift,
            [spans_of(child, shift) for child in node.children])  # fmt: skip


FLAT_ALPHABET = st.sampled_from([*"ab:=!<>;,()1*", "==", "=in=", "=bt=", "=lk=", "!=", "=out="])


@TEXT_SETTINGS
@given(
    st.lists(FLAT_ALPHABET, max_size=25).map("".join), st.sampled_from(["elementum", "standard"])
)
def test_leading_space_only_moves_every_span(text: str, dialect: str) -> None:
    # A leading space sends any filter down the general path, so this also checks that the
    # one-scan path for flat filters gives exactly the same trees and spans.
    plain, spaced = parse(text, dialect), parse(" " + text, dialect)
    assert plain.ok == spaced.ok
    if plain.ast is not None and spaced.ast is not None:
        assert spans_of(spaced.ast) == spans_of(plain.ast, 1)
