"""The sandbox's SQLite database: one table per collection plus the sub-resource tables.

One connection guarded by a lock: SQLite answers these small queries in well under a
millisecond, so serialising them is simpler and faster than a pool.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from explorer.kinds import FieldKind
from explorer.sandbox.schema import (
    COLLECTIONS,
    CREATED_AT,
    HANDLE,
    UPDATED_AT,
    Collection,
    Stored,
)
from explorer.sandbox.seed import comment_rows, record_rows, watcher_rows
from explorer.sandbox.values import wire_converter

# Bump when the table layout or seed data changes: an older file is then reseeded.
SCHEMA_VERSION = "4"
# Seconds to wait for a database another process holds, e.g. while it seeds.
SEED_WAIT = 120.0

_AFFINITY = {
    FieldKind.NUMBER: "INTEGER",
    FieldKind.DECIMAL: "REAL",
    FieldKind.BOOLEAN: "INTEGER",
}


@dataclass(frozen=True)
class RowPage:
    """One page of rows from a keyset query, in list order."""

    rows: list[sqlite3.Row]
    has_previous: bool
    has_next: bool


Plan = tuple[tuple[str, Callable[[Any], Any] | None], ...]
_PLANS: dict[str, Plan] = {}


def _plan(collection: Collection) -> Plan:
    """Per field, its name and how a stored value becomes a JSON value (None: as it is).

    Kept by table name: hashing the whole frozen Collection on every row would cost more
    than the conversion itself."""
    plan = _PLANS.get(collection.table)
    if plan is None:
        plan = _PLANS[collection.table] = tuple(
            (spec.name, wire_converter(spec.kind)) for spec in collection.fields
        )
    return plan


def now_instant() -> str:
    moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _later_than(previous: str) -> str:
    """Now, or a millisecond after `previous` if the clock has not moved past it."""
    current = now_instant()
    if current > previous:
        return current
    moment = datetime.fromisoformat(previous.replace("Z", "+00:00")) + timedelta(milliseconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class Store:
    """Open (creating and seeding when new or when `reset`) the database at `path`."""

    def __init__(
        self,
        path: Path,
        *,
        reset: bool = False,
        records: int | None = None,
        seed: int = 1,
        counts: Mapping[str, int] | None = None,
    ) -> None:
        """`records` sets every alias's size; `counts` sets single ones (`tasks/ittickets`)."""
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if reset:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        self._lock = threading.RLock()
        # A generous wait: another process may be seeding this file (seconds for big sizes).
        self._conn = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=SEED_WAIT
        )
        self._conn.row_factory = sqlite3.Row
        self._versions: dict[str, int] = {c.table: 0 for c in COLLECTIONS}
        self._counts: dict[tuple[str, str, tuple[Any, ...]], tuple[tuple[int, int], int]] = {}
        self.seeded_now = False
        if self._needs_seeding():
            self._reseed(records, seed, counts or {})
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        # Counting a filter scans a whole table or index: keep them in memory and mapped.
        self._conn.execute("PRAGMA cache_size=-65536")
        self._conn.execute("PRAGMA mmap_size=268435456")
        self.secret = bytes.fromhex(self._meta("secret") or "")

    # --- setup and seeding --------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else str(row[0])

    def _needs_seeding(self) -> bool:
        """A new file, or one seeded for another table layout or demo data."""
        return self._meta("schema_version") != SCHEMA_VERSION

    def _reseed(self, records: int | None, seed: int, counts: Mapping[str, int]) -> None:
        conn = self._conn
        conn.execute("PRAGMA journal_mode=MEMORY")
        conn.execute("PRAGMA synchronous=OFF")
        # One process seeds at a time; one that waited finds the work done and keeps it.
        conn.execute("BEGIN IMMEDIATE")
        if not self._needs_seeding():
            conn.execute("COMMIT")
            return
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            conn.execute(f'DROP TABLE IF EXISTS "{table}"')
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute(
            "CREATE TABLE comments (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
            " scope TEXT NOT NULL, created_at TEXT NOT NULL, source TEXT NOT NULL,"
            " contents TEXT NOT NULL, author TEXT NOT NULL)"
        )
        conn.execute(
            "CREATE TABLE attachments (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
            " scope TEXT NOT NULL, name TEXT NOT NULL, description TEXT, media_type TEXT NOT NULL,"
            " size INTEGER NOT NULL, created_at TEXT NOT NULL, state TEXT NOT NULL,"
            " view_state TEXT NOT NULL, content BLOB, link_url TEXT, ready_at REAL,"
            " reads INTEGER NOT NULL DEFAULT 0)"
        )
        conn.execute(
            "CREATE TABLE watchers (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
            " scope TEXT NOT NULL, email TEXT NOT NULL, UNIQUE (scope, email))"
        )
        conn.execute(
            "CREATE TABLE related (id INTEGER PRIMARY KEY, scope TEXT NOT NULL,"
            " target_type TEXT NOT NULL, target_alias TEXT NOT NULL, target_id TEXT NOT NULL,"
            " UNIQUE (scope, target_alias, target_id))"
        )
        for table in ("comments", "attachments"):
            conn.execute(f"CREATE INDEX {table}_scope ON {table} (scope)")
        for collection in COLLECTIONS:
            count = collection.default_records if records is None else records
            count = counts.get(collection.key, count)
            self._seed_collection(collection, count, seed)
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                ("schema_version", SCHEMA_VERSION),
                ("seed", str(seed)),
                ("records", "" if records is None else str(records)),
                ("secret", secrets.token_hex(16)),
            ],
        )
        conn.execute("COMMIT")
        self.seeded_now = True

    def _seed_collection(self, collection: Collection, count: int, seed: int) -> None:
        conn = self._conn
        columns = ", ".join(
            f'"c{i}" {_AFFINITY.get(spec.kind, "TEXT")}' for i, spec in enumerate(collection.fields)
        )
        conn.execute(
            f'CREATE TABLE "{collection.table}" (id INTEGER PRIMARY KEY,'
            f" created_at TEXT NOT NULL, updated_at TEXT NOT NULL, {columns})"
        )
        marks = ", ".join("?" * (3 + len(collection.fields)))
        conn.executemany(
            f'INSERT INTO "{collection.table}" VALUES ({marks})',
            record_rows(collection, count, seed),
        )
        for index, spec in enumerate(collection.fields):
            if spec.indexed:
                conn.execute(
                    f'CREATE INDEX "{collection.table}_c{index}"'
                    f' ON "{collection.table}" ("c{index}")'
                )
        conn.execute(
            f'CREATE INDEX "{collection.table}_created" ON "{collection.table}" (created_at)'
        )
        if collection.covering:
            names = ", ".join(f'"{collection.column_of(name)}"' for name in collection.covering)
            conn.execute(
                f'CREATE INDEX "{collection.table}_covering" ON "{collection.table}" ({names})'
            )
        conn.executemany(
            "INSERT INTO comments (uid, scope, created_at, source, contents, author)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            comment_rows(collection, count, seed),
        )
        conn.executemany(
            "INSERT INTO watchers (uid, scope, email) VALUES (?, ?, ?)",
            watcher_rows(collection, count, seed),
        )

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (so the file can be copied alone)."""
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # --- records ------------------------------------------------------------------------

    def record_count(self, collection: Collection) -> int:
        with self._lock:
            row = self._conn.execute(f'SELECT count(*) FROM "{collection.table}"').fetchone()
        return int(row[0])

    def to_record(self, collection: Collection, row: sqlite3.Row) -> dict[str, Any]:
        """The record map of a row: Handle, the fields in order, Created At, Updated At."""
        values = tuple(row)
        record: dict[str, Any] = {HANDLE: f"{collection.prefix}-{values[0]}"}
        for (name, convert), value in zip(_plan(collection), values[3:], strict=True):
            record[name] = value if value is None or convert is None else convert(value)
        record[CREATED_AT] = values[1]
        record[UPDATED_AT] = values[2]
        return record

    def get_row(self, collection: Collection, row_id: int) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._conn.execute(
                f'SELECT * FROM "{collection.table}" WHERE id = ?', (row_id,)
            ).fetchone()
        return row

    def insert_record(self, collection: Collection, values: dict[str, Stored]) -> sqlite3.Row:
        """Insert a record (values by column name) stamped now; returns the stored row."""
        stamp = now_instant()
        columns = ["created_at", "updated_at", *values]
        marks = ", ".join("?" * len(columns))
        names = ", ".join(f'"{c}"' for c in columns)
        with self.transaction() as conn:
            cursor = conn.execute(
                f'INSERT INTO "{collection.table}" ({names}) VALUES ({marks})',
                [stamp, stamp, *values.values()],
            )
            row_id = cursor.lastrowid
            self._versions[collection.table] += 1
        row = self.get_row(collection, int(row_id or 0))
        assert row is not None
        return row

    def update_record(
        self, collection: Collection, row: sqlite3.Row, values: dict[str, Stored]
    ) -> sqlite3.Row:
        stamp = _later_than(str(row["updated_at"]))
        assignments = ", ".join(f'"{c}" = ?' for c in ["updated_at", *values])
        with self.transaction() as conn:
            conn.execute(
                f'UPDATE "{collection.table}" SET {assignments} WHERE id = ?',
                [stamp, *values.values(), row["id"]],
            )
            self._versions[collection.table] += 1
        updated = self.get_row(collection, int(row["id"]))
        assert updated is not None
        return updated

    def count(self, table: str, where: str, params: Sequence[Any]) -> int:
        """COUNT(*) under `where`, cached until the table next changes."""
        key = (table, where, tuple(params))
        with self._lock:
            # data_version moves when another process commits to the same file.
            outside = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            version = (self._versions.get(table, 0), outside)
            cached = self._counts.get(key)
            if cached is not None and cached[0] == version:
                return cached[1]
            row = self._conn.execute(
                f'SELECT count(*) FROM "{table}" WHERE {where}', list(params)
            ).fetchone()
        total = int(row[0])
        if len(self._counts) > 512:
            self._counts.clear()
        self._counts[key] = (version, total)
        return total

    def page(
        self,
        table: str,
        where: str,
        params: Sequence[Any],
        *,
        first: int | None,
        last: int | None,
        after: int | None,
        before: int | None,
    ) -> RowPage:
        """A keyset page over `table` in id order: rows after `after` and before `before`,
        then the first `first` of them, or the last `last` when `last` is given."""
        conditions = [f"({where})"]
        bounds: list[Any] = list(params)
        if after is not None:
            conditions.append("id > ?")
            bounds.append(after)
        if before is not None:
            conditions.append("id < ?")
            bounds.append(before)
        clause = " AND ".join(conditions)
        backward = last is not None
        size = last if backward and last is not None else (first or 100)
        order = "DESC" if backward else "ASC"
        with self._lock:
            rows = self._conn.execute(
                f'SELECT * FROM "{table}" WHERE {clause} ORDER BY id {order} LIMIT ?',
                [*bounds, size + 1],
            ).fetchall()
            more = len(rows) > size
            rows = rows[:size]
            if backward:
                rows.reverse()
            exists = self._exists
            if not rows:
                has_previous = after is not None and exists(table, where, params, "<=", after)
                has_next = before is not None and exists(table, where, params, ">=", before)
            elif backward:
                has_previous = more or (
                    after is not None and exists(table, where, params, "<=", after)
                )
                has_next = exists(table, where, params, ">", int(rows[-1]["id"]))
            else:
                has_next = more or (
                    before is not None and exists(table, where, params, ">=", before)
                )
                has_previous = exists(table, where, params, "<", int(rows[0]["id"]))
        return RowPage(rows, has_previous, has_next)

    def _exists(
        self, table: str, where: str, params: Sequence[Any], operator: str, bound: int | None
    ) -> bool:
        if bound is None:
            return False
        with self._lock:
            row = self._conn.execute(
                f'SELECT 1 FROM "{table}" WHERE ({where}) AND id {operator} ? LIMIT 1',
                [*params, bound],
            ).fetchone()
        return row is not None

    # --- sub-resources ------------------------------------------------------------------

    def add_comment(self, scope: str, contents: str, author: str) -> sqlite3.Row:
        uid = str(uuid.uuid4())
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO comments (uid, scope, created_at, source, contents, author)"
                " VALUES (?, ?, ?, 'API', ?, ?)",
                (uid, scope, now_instant(), contents, author),
            )
            self._versions["comments"] = self._versions.get("comments", 0) + 1
        return self._one("SELECT * FROM comments WHERE uid = ?", (uid,))

    def attachments(self, scope: str) -> list[sqlite3.Row]:
        """The attachments of `scope`; each read also moves an upload towards VALID."""
        with self._lock:
            self._promote("scope = ?", [scope])
            rows = self._conn.execute(
                "SELECT * FROM attachments WHERE scope = ? ORDER BY id", (scope,)
            ).fetchall()
            self._conn.execute("UPDATE attachments SET reads = reads + 1 WHERE scope = ?", (scope,))
        return rows

    def attachment(self, scope: str, uid: str) -> sqlite3.Row | None:
        with self._lock:
            self._promote("scope = ? AND uid = ?", [scope, uid])
            row: sqlite3.Row | None = self._conn.execute(
                "SELECT * FROM attachments WHERE scope = ? AND uid = ?", (scope, uid)
            ).fetchone()
            self._conn.execute(
                "UPDATE attachments SET reads = reads + 1 WHERE scope = ? AND uid = ?",
                (scope, uid),
            )
        return row

    def _promote(self, where: str, params: list[Any]) -> None:
        """An upload reads as PROCESSING once (or for a second), then as VALID."""
        self._conn.execute(
            f"UPDATE attachments SET state = 'VALID' WHERE {where}"
            " AND state = 'PROCESSING' AND (reads >= 1 OR ready_at <= ?)",
            [*params, time.time()],
        )

    def add_attachment(
        self,
        scope: str,
        *,
        name: str,
        description: str | None,
        media_type: str,
        content: bytes | None,
        link_url: str | None,
    ) -> sqlite3.Row:
        uid = str(uuid.uuid4())
        state = "VALID" if link_url is not None else "PROCESSING"
        size = len(content) if content is not None else 0
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO attachments (uid, scope, name, description, media_type, size,"
                " created_at, state, view_state, content, link_url, ready_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PRIVATE', ?, ?, ?)",
                (
                    uid,
                    scope,
                    name,
                    description,
                    media_type,
                    size,
                    now_instant(),
                    state,
                    content,
                    link_url,
                    time.time() + 1.0,
                ),
            )
        return self._one("SELECT * FROM attachments WHERE uid = ?", (uid,))

    def delete_attachment(self, scope: str, uid: str) -> bool:
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM attachments WHERE scope = ? AND uid = ?", (scope, uid)
            )
        return cursor.rowcount > 0

    def add_watchers(self, scope: str, emails: Sequence[str]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO watchers (uid, scope, email) VALUES (?, ?, ?)",
                [(str(uuid.uuid4()), scope, email) for email in emails],
            )
            self._versions["watchers"] = self._versions.get("watchers", 0) + 1

    def remove_watchers(self, scope: str, emails: Sequence[str]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM watchers WHERE scope = ? AND email = ?",
                [(scope, email) for email in emails],
            )
            self._versions["watchers"] = self._versions.get("watchers", 0) + 1

    def add_related(self, scope: str, target_type: str, alias: str, target_id: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO related (scope, target_type, target_alias, target_id)"
                " VALUES (?, ?, ?, ?)",
                (scope, target_type, alias, target_id),
            )
            self._versions["related"] = self._versions.get("related", 0) + 1

    def remove_related(self, scope: str, target_id: str) -> bool:
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM related WHERE scope = ? AND target_id = ?", (scope, target_id)
            )
            self._versions["related"] = self._versions.get("related", 0) + 1
        return cursor.rowcount > 0

    def _one(self, sql: str, params: Sequence[Any]) -> sqlite3.Row:
        with self._lock:
            row: sqlite3.Row | None = self._conn.execute(sql, list(params)).fetchone()
        assert row is not None
        return row
