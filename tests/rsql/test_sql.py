"""The SQL compiler against a real SQLite table stored the way the sandbox stores records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from explorer.kinds import FieldKind
from explorer.rsql import RsqlError, SqlColumn, parse, to_sql

COLUMNS = {
    "Title": SqlColumn('"c1"', FieldKind.TEXT),
    "Priority": SqlColumn('"c2"', FieldKind.NUMBER),
    "Done": SqlColumn('"c3"', FieldKind.BOOLEAN),
    "Due": SqlColumn('"c4"', FieldKind.DATE),
    "Created At": SqlColumn('"c5"', FieldKind.DATETIME),
    "Channels": SqlColumn('"c6"', FieldKind.MULTI_PICKLIST),
    "Status": SqlColumn('"c7"', FieldKind.PICKLIST),
    "Code": SqlColumn('"c8"', FieldKind.TEXT),
    "Amount": SqlColumn('"c9"', FieldKind.DECIMAL),
}

ROWS = [
    # id, Title, Priority, Done, Due, Created At, Channels, Status, Code, Amount
    (
        1,
        "Urgent: server down",
        5,
        1,
        "2024-03-15",
        "2024-03-15T09:30:00.000Z",
        ["Email", "Phone"],
        "Open",
        "10",
        12.5,
    ),
    (
        2,
        "printer jam",
        2,
        0,
        "2024-01-02",
        "2023-12-31T23:59:59.999Z",
        ["Email"],
        "Closed",
        "9",
        3.0,
    ),
    (3, "URGENT call back", 3, None, None, None, None, None, "abc", None),
    (
        4,
        "50% off_sale",
        None,
        1,
        "2025-06-01",
        "2025-06-01T00:00:00.000Z",
        ["Chat"],
        "In Progress",
        "011",
        100.0,
    ),
    (5, "Ünïcode Title", 1, 0, "2024-03-16", "2024-03-16T00:00:00.000Z", [], "Open", None, 0.5),
]


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        'CREATE TABLE t (id INTEGER PRIMARY KEY, "c1" TEXT, "c2" INTEGER, "c3" INTEGER, '
        '"c4" TEXT, "c5" TEXT, "c6" TEXT, "c7" TEXT, "c8" TEXT, "c9" REAL)'
    )
    for row in ROWS:
        values = list(row)
        values[6] = None if row[6] is None else json.dumps(row[6])
        conn.execute("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?)", values)
    yield conn
    conn.close()


def ids(db: sqlite3.Connection, text: str) -> list[int]:
    result = parse(text)
    assert result.ast is not None, result.diagnostic
    sql, params = to_sql(result.ast, COLUMNS)
    return [r[0] for r in db.execute(f"SELECT id FROM t WHERE {sql} ORDER BY id", params)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Status==Open", [1, 5]),
        ("Status==open", []),
        ("Status!=Open", [2, 3, 4]),
        ("Status==null", [3]),
        ("Status!=null", [1, 2, 4, 5]),
        ("Priority=gt=2", [1, 3]),
        ("Priority>=3", [1, 3]),
        ("Priority=lt=3", [2, 5]),
        ("Priority<=2", [2, 5]),
        ("Priority==5.0", [1]),
        ("Priority=in=(1,2,9)", [2, 5]),
        ("Priority=in=1:2:9", [2, 5]),
        ("Priority!in=(1,2)", [1, 3, 4]),
        ("Priority=out=(1,2,null)", [1, 3]),
        ("Priority=in=(5,null)", [1, 4]),
        ("Priority=bt=2:3", [2, 3]),
        ("Priority!bt=(2,3)", [1, 4, 5]),
        ("Amount=ge=3", [1, 2, 4]),
        ("Amount=lt=1", [5]),
        ("Done==true", [1, 4]),
        ("Done==FALSE", [2, 5]),
        ("Done!=true", [2, 3, 5]),
        ("Due=ge=2024-03-15", [1, 4, 5]),
        ("Due=lt=2024-03-15T12:00:00Z", [1, 2]),
        ("Due=bt=(2024-01-01,2024-03-15)", [1, 2]),
        ("Created At=gt=2024-03-15", [1, 4, 5]),
        ("Created At=ge=2024-03-15T09:30:00Z", [1, 4, 5]),
        ("Created At=lt=2024-01-01T00:00:00-01:00", [2]),
        ("Created At=ge=2021-01-01T07:58:30.00Z", [1, 2, 4, 5]),
        ("Created At!=null;Created At=ge=2021-01-01T07:58:30.000Z", [1, 2, 4, 5]),
        ("Code=gt=9", [1, 3, 4]),
        ("Code==10.0", [1]),
        ("Code==011", [4]),
        ("Code=in=(9,10)", [1, 2]),
        ("Code==abc", [3]),
        ("Code=bt=(5,10)", [1, 2]),
        ("Title=lk=urgent", []),
        ("Title=lk=URGENT", [3]),
        ("Title=lki=urgent", [1, 3]),
        ("Title=lk=*server*", [1]),
        ("Title=lk=Urgent*", [1]),
        ("Title=lk=*jam", [2]),
        ("Title=lk=U*down", [1]),
        ("Title=lk=u*down", []),
        ("Title=lk=*", [1, 2, 3, 4, 5]),
        ("Title=lk=**jam", [2]),
        ("Title=lk=U*e*n", [1]),
        ("Title=lk=U*E*n", []),
        ("Title=lk=*T*t*", [5]),
        ("Title=lk=*t*T*", []),  # both pieces are there, but not in this order and case
        ("Title=lk=prin*jam", [2]),
        ("Title=lk=printer*jam", [2]),
        ("Title=lk=printer j*jam", []),
        ("Title=lk=50%", [4]),
        ("Title=lk=f_s", [4]),
        ("Title=lk=ff_", [4]),
        ("Title=lk=o_f", []),
        ("Title!lk=urgent", [1, 2, 3, 4, 5]),
        ("Title!lki=urgent", [2, 4, 5]),
        ("Title=lki=*CALL*", [3]),
        ("Title=lki=üNÏ", [5]),
        ("Title=lki=ünïcode*", [5]),
        ("Title=lki=*ÜNÏCODE TITLE", [5]),
        ("Title=lki=*ü[n*", []),
        ("Title=lk=ünï", []),
        ("Title=lk=Ünï", [5]),
        ("Title!lki=ÜNÏ", [1, 2, 3, 4]),
        ("Channels==Email", [1, 2]),
        ("Channels!=Email", [3, 4, 5]),
        ("Channels=in=(Chat,Phone)", [1, 4]),
        ("Channels!in=(Chat,Phone)", [2, 3, 5]),
        ("Channels==null", [3, 5]),
        ("Channels!=null", [1, 2, 4]),
        ("Channels=in=(Chat,null)", [3, 4, 5]),
        ("Channels!in=(Chat,null)", [1, 2]),
        ("Status=in=(Closed,null)", [2, 3]),
        ("Status!in=(Closed,null)", [1, 4, 5]),
        ("Channels=lki=mail", [1, 2]),
        ("Status==Open;Priority=ge=3,Title=lk=*urgent*", [1]),
        ("Status==Open,Priority==2;Done==false", [1, 2, 5]),
        ("(Status==Open,Priority==2);Done==false", [2, 5]),
    ],
)
def test_filters_select_the_right_rows(
    db: sqlite3.Connection, text: str, expected: list[int]
) -> None:
    assert ids(db, text) == expected


def test_values_only_reach_sql_as_parameters() -> None:
    nasty = "x'); DROP TABLE t; --"
    ast = parse(f'Title=="{nasty}",Title=lk="{nasty}",Code=in=("{nasty}",1)').ast
    assert ast is not None
    sql, params = to_sql(ast, COLUMNS)
    assert nasty not in sql
    assert "DROP" not in sql
    assert nasty in params


def test_unknown_field_raises_with_suggestion_and_span() -> None:
    text = "Title==x;Stauts==Open"
    ast = parse(text).ast
    assert ast is not None
    with pytest.raises(RsqlError) as caught:
        to_sql(ast, COLUMNS)
    diag = caught.value.diagnostic
    assert diag.message == "unknown field 'Stauts'; did you mean 'Status'?"
    assert (diag.offset, diag.length, diag.column) == (9, 6, 10)


def test_text_compares_as_numbers_only_when_it_reads_as_a_number() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, "c8" TEXT)')
    stored = ["555-1234", "2024-01-01", "555", "5.55e2", "1.2.3", "+555.0", "0555x"]
    conn.executemany("INSERT INTO t VALUES (?,?)", list(enumerate(stored, start=1)))

    def matching(text: str) -> list[str]:
        ast = parse(text).ast
        assert ast is not None
        sql, params = to_sql(ast, COLUMNS)
        rows = conn.execute(f"SELECT c8 FROM t WHERE {sql} ORDER BY id", params)
        return [r[0] for r in rows]

    assert matching("Code==555") == ["555", "5.55e2", "+555.0"]
    assert matching("Code==2024") == []
    assert matching("Code=ge=1000") == ["555-1234", "2024-01-01"]
