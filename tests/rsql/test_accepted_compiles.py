"""Every filter the parser accepts compiles to SQL and runs on a real SQLite table.

The sandbox compiles whatever the parser accepted, so a compile error there is a 500 where
the user should get rows (or a 400 for an unknown field, which is an RsqlError, not a crash).
"""

from __future__ import annotations

import json
import sqlite3

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explorer.kinds import FieldKind
from explorer.rsql import Comparison, Node, SqlColumn, parse, to_sql
from explorer.rsql.operators import SPELLINGS, Dialect

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = list(FieldKind)
# Stored the way the sandbox stores each kind; a NULL row and an oddly typed row too.
STORED: dict[FieldKind, list[object]] = {
    FieldKind.NUMBER: [3, None, "7"],
    FieldKind.DECIMAL: [2.5, None, "x"],
    FieldKind.BOOLEAN: [1, 0, None],
    FieldKind.DATE: ["2024-03-15", None, "2024-13-99"],
    FieldKind.DATETIME: ["2024-03-15T09:30:00.000Z", None, "soon"],
    FieldKind.MULTI_PICKLIST: [json.dumps(["a", "b"]), "[]", None],
    FieldKind.JSON: [json.dumps({"a": 1}), "null", None],
}
TOKENS = st.sampled_from(
    [*"ab ()=!<>~;,'\"\\:*?[]%_-.\t", *SPELLINGS[Dialect.ELEMENTUM], "and", "or", "null",
     "1", "2.5", "2024-03-15", "2024-03-15T09:30:00Z", "true", "ǅ", "ß", "K", "\u00a0"]
)  # fmt: skip
rsql_like_text = st.lists(TOKENS, max_size=16).map("".join)


def selectors(node: Node) -> list[str]:
    if isinstance(node, Comparison):
        return [node.selector]
    return [name for child in node.children for name in selectors(child)]


def run_everywhere(text: str, kinds: list[FieldKind]) -> None:
    """Compile `text`'s tree with its fields given each kind in turn, and run it."""
    result = parse(text)
    if result.ast is None:
        return
    names = list(dict.fromkeys(selectors(result.ast)))
    conn = sqlite3.connect(":memory:")
    for offset in range(len(kinds)):
        chosen = {name: kinds[(i + offset) % len(kinds)] for i, name in enumerate(names)}
        columns = {
            name: SqlColumn(f'"c{i}"', kind) for i, (name, kind) in enumerate(chosen.items())
        }
        conn.execute(f"CREATE TABLE t{offset} ({', '.join(f'c{i}' for i in range(len(names)))})")
        for row in range(3):
            values = [STORED.get(kind, ["text", None, "42"])[row] for kind in chosen.values()]
            conn.execute(f"INSERT INTO t{offset} VALUES ({','.join('?' * len(values))})", values)
        sql, params = to_sql(result.ast, columns)
        conn.execute(f"SELECT count(*) FROM t{offset} WHERE {sql}", params).fetchone()


@SETTINGS
@given(rsql_like_text, st.permutations(KINDS))
@example("nl=bt=(aq)", KINDS)
@example("Priority=bt=(3)", KINDS)
@example("Priority!bt=( 3 )", KINDS)
@example("Title=lk=ab**b", KINDS)
def test_every_accepted_filter_compiles_and_runs(text: str, kinds: list[FieldKind]) -> None:
    run_everywhere(text, kinds)


VALUE = st.text(max_size=6).map(lambda v: '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"')


@st.composite
def comparison_texts(draw: st.DrawFn) -> str:
    spelling = draw(st.sampled_from(list(SPELLINGS[Dialect.ELEMENTUM])))
    values = draw(st.lists(st.one_of(VALUE, st.sampled_from(["null", "1", "2024-03-15", "*"])),
                           min_size=1, max_size=3))  # fmt: skip
    field = draw(st.sampled_from(["a", "b b", "c"]))
    return f"{field}{spelling}({','.join(values)})"


@SETTINGS
@given(st.lists(comparison_texts(), min_size=1, max_size=4), st.permutations(KINDS))
def test_every_accepted_comparison_of_any_shape_compiles_and_runs(
    parts: list[str], kinds: list[FieldKind]
) -> None:
    run_everywhere(";".join(parts), kinds)
