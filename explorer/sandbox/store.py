"""The sandbox's SQLite database: one table per collection plus the sub-resource tables.

Reads never wait for each other: each thread reads through a connection of its own (WAL
mode lets readers run beside a writer, and SQLite releases the interpreter lock while it
works), so a page that scans a large table does not hold up the small ones behind it.
Writes go through one connection under a lock. Pages and counts are cached per filter and
dropped when the table changes (here or, seen through `PRAGMA data_version`, in another
process); a listing's page and total always come from one state of the table.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from explorer.records import DEFAULT_PAGE_SIZE
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
# Counts and pages kept at most (then the cache starts afresh); a page of 100 rows holds
# about 100 KB, so the cache stays under some 50 MB.
CACHED_ANSWERS = 512
SEED_WAIT = 120.0


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
        # The writer's lock; readers take none.
        self._lock = threading.RLock()
        self._closed = False
        # A generous wait: another process may be seeding this file (seconds for big sizes).
        self._conn = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=SEED_WAIT
        )
        self._conn.row_factory = sqlite3.Row
        # Per table, a sequence number that is odd while a write to it is in progress and
        # moves on at every write: a cached answer is kept and served only within one even
        # number, so no reader ever gets an answer older than a finished write.
        self._versions: dict[str, int] = {c.table: 0 for c in COLLECTIONS}
        self._cache: dict[Hashable, tuple[tuple[int, int], Any]] = {}
        self._watch_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self.seeded_now = False
        if self._needs_seeding():
            self._reseed(records, seed, counts or {})
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._tune(self._conn)
        # Only asked for `data_version`, which moves when another connection commits.
        self._watch = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.secret = bytes.fromhex(self._meta("secret") or "")

    @staticmethod
    def _tune(conn: sqlite3.Connection) -> None:
        # Counting a filter scans a whole table or index: keep them in memory and mapped.
        conn.execute("PRAGMA cache_size=-32768")
        conn.execute("PRAGMA mmap_size=268435456")

    def _reader(self) -> sqlite3.Connection:
        """This thread's read connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise sqlite3.ProgrammingError("the sandbox database is closed")
            conn = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=SEED_WAIT
            )
            conn.row_factory = sqlite3.Row
            self._tune(conn)
            conn.execute("PRAGMA query_only=ON")
            with self._readers_lock:
                self._readers.append(conn)
            self._local.conn = conn
        return conn

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """This thread's reader inside one read transaction: its queries see one state."""
        conn = self._reader()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def _version(self, table: str) -> tuple[int, int]:
        """The table's sequence number here, and the file's as other connections change it."""
        with self._watch_lock:
            outside = int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        return self._versions.get(table, 0), outside

    def _cached(self, table: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`compute()`, or its answer cached under `key` while `table` has not changed."""
        before = self._version(table)
        settled = before[0] % 2 == 0
        if settled:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == before:
                return hit[1]
        value = compute()
        if settled and self._version(table) == before:
            if len(self._cache) > CACHED_ANSWERS:
                self._cache.clear()
            self._cache[key] = (before, value)
        return value

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
            f'"c{i}" {spec.kind.rule.affinity}' for i, spec in enumerate(collection.fields)
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
        """Close every connection; waits for a write in progress."""
        with self._lock:
            self._closed = True
            self._conn.close()
            with self._watch_lock:
                self._watch.close()
            with self._readers_lock:
                for reader in self._readers:
                    reader.close()
                self._readers.clear()

    @contextmanager
    def transaction(self, *tables: str) -> Iterator[sqlite3.Connection]:
        """A write transaction on the writer connection; `tables` are the ones it changes."""
        with self._lock:
            for table in tables:
                self._versions[table] = self._versions.get(table, 0) + 1
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            finally:
                for table in tables:
                    self._versions[table] += 1

    # --- records ------------------------------------------------------------------------

    def record_count(self, collection: Collection) -> int:
        row = self._reader().execute(f'SELECT count(*) FROM "{collection.table}"').fetchone()
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
        row: sqlite3.Row | None = (
            self._reader()
            .execute(f'SELECT * FROM "{collection.table}" WHERE id = ?', (row_id,))
            .fetchone()
        )
        return row

    def insert_record(self, collection: Collection, values: dict[str, Stored]) -> sqlite3.Row:
        """Insert a record (values by column name) stamped now; returns the stored row."""
        stamp = now_instant()
        columns = ["created_at", "updated_at", *values]
        marks = ", ".join("?" * len(columns))
        names = ", ".join(f'"{c}"' for c in columns)
        with self.transaction(collection.table) as conn:
            cursor = conn.execute(
                f'INSERT INTO "{collection.table}" ({names}) VALUES ({marks})',
                [stamp, stamp, *values.values()],
            )
            row_id = cursor.lastrowid
        row = self.get_row(collection, int(row_id or 0))
        assert row is not None
        return row

    def update_record(
        self, collection: Collection, row: sqlite3.Row, values: dict[str, Stored]
    ) -> sqlite3.Row:
        stamp = _later_than(str(row["updated_at"]))
        assignments = ", ".join(f'"{c}" = ?' for c in ["updated_at", *values])
        with self.transaction(collection.table) as conn:
            conn.execute(
                f'UPDATE "{collection.table}" SET {assignments} WHERE id = ?',
                [stamp, *values.values(), row["id"]],
            )
        updated = self.get_row(collection, int(row["id"]))
        assert updated is not None
        return updated

    def count(self, table: str, where: str, params: Sequence[Any]) -> int:
        """COUNT(*) under `where`, cached until the table next changes."""

        def counted() -> int:
            sql = f'SELECT count(*) FROM "{table}" WHERE {where}'
            return int(self._reader().execute(sql, list(params)).fetchone()[0])

        total: int = self._cached(table, ("count", table, where, tuple(params)), counted)
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
        then the first `first` of them, or the last `last` when `last` is given; cached
        until the table next changes."""
        key = ("page", table, where, tuple(params), first, last, after, before)
        page: RowPage = self._cached(
            table, key, lambda: self._read_page(table, where, params, first, last, after, before)
        )
        return page

    def listing(
        self,
        table: str,
        where: str,
        params: Sequence[Any],
        *,
        first: int | None,
        last: int | None,
        after: int | None,
        before: int | None,
    ) -> tuple[RowPage, int]:
        """A page (as `page`) and the filter's total, both from one state of the table:
        cached answers are used only while no write has touched the table since."""
        page_key = ("page", table, where, tuple(params), first, last, after, before)
        count_key = ("count", table, where, tuple(params))
        version = self._version(table)
        settled = version[0] % 2 == 0

        def hit(key: Hashable) -> Any:
            found = self._cache.get(key) if settled else None
            return found[1] if found is not None and found[0] == version else None

        page, total = hit(page_key), hit(count_key)
        if page is not None and total is not None:
            return page, total
        with self._snapshot() as conn:
            sql = f'SELECT count(*) FROM "{table}" WHERE {where}'
            if total is None:
                total = int(conn.execute(sql, list(params)).fetchone()[0])
            if page is None:
                page = self._read_page(table, where, params, first, last, after, before, conn)
            # The snapshot began with its first read: a write since `version` means a cached
            # half may be older than it, so both come from the snapshot instead.
            if self._version(table) != version:
                page = self._read_page(table, where, params, first, last, after, before, conn)
                total = int(conn.execute(sql, list(params)).fetchone()[0])
                return page, total
        if settled and self._version(table) == version:
            if len(self._cache) > CACHED_ANSWERS:
                self._cache.clear()
            self._cache[page_key] = (version, page)
            self._cache[count_key] = (version, total)
        return page, total

    def _read_page(
        self,
        table: str,
        where: str,
        params: Sequence[Any],
        first: int | None,
        last: int | None,
        after: int | None,
        before: int | None,
        conn: sqlite3.Connection | None = None,
    ) -> RowPage:
        """The page read through `conn` (inside its read transaction), or a fresh snapshot."""
        if conn is None:
            with self._snapshot() as fresh:
                return self._read_page(table, where, params, first, last, after, before, fresh)
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
        size = last if backward and last is not None else (first or DEFAULT_PAGE_SIZE)
        order = "DESC" if backward else "ASC"
        rows = conn.execute(
            f'SELECT * FROM "{table}" WHERE {clause} ORDER BY id {order} LIMIT ?',
            [*bounds, size + 1],
        ).fetchall()
        more = len(rows) > size
        rows = rows[:size]
        if backward:
            rows.reverse()

        def exists(
            table: str, where: str, params: Sequence[Any], operator: str, bound: int | None
        ) -> bool:
            return self._exists(conn, table, where, params, operator, bound)

        if not rows:
            has_previous = after is not None and exists(table, where, params, "<=", after)
            has_next = before is not None and exists(table, where, params, ">=", before)
        elif backward:
            has_previous = more or (after is not None and exists(table, where, params, "<=", after))
            has_next = exists(table, where, params, ">", int(rows[-1]["id"]))
        else:
            has_next = more or (before is not None and exists(table, where, params, ">=", before))
            has_previous = exists(table, where, params, "<", int(rows[0]["id"]))
        return RowPage(rows, has_previous, has_next)

    @staticmethod
    def _exists(
        conn: sqlite3.Connection,
        table: str,
        where: str,
        params: Sequence[Any],
        operator: str,
        bound: int | None,
    ) -> bool:
        if bound is None:
            return False
        row = conn.execute(
            f'SELECT 1 FROM "{table}" WHERE ({where}) AND id {operator} ? LIMIT 1',
            [*params, bound],
        ).fetchone()
        return row is not None

    # --- sub-resources ------------------------------------------------------------------

    def add_comment(self, scope: str, contents: str, author: str) -> sqlite3.Row:
        uid = str(uuid.uuid4())
        with self.transaction("comments") as conn:
            conn.execute(
                "INSERT INTO comments (uid, scope, created_at, source, contents, author)"
                " VALUES (?, ?, ?, 'API', ?, ?)",
                (uid, scope, now_instant(), contents, author),
            )
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
        with self.transaction("attachments") as conn:
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
        with self.transaction("attachments") as conn:
            cursor = conn.execute(
                "DELETE FROM attachments WHERE scope = ? AND uid = ?", (scope, uid)
            )
        return cursor.rowcount > 0

    def add_watchers(self, scope: str, emails: Sequence[str]) -> None:
        with self.transaction("watchers") as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO watchers (uid, scope, email) VALUES (?, ?, ?)",
                [(str(uuid.uuid4()), scope, email) for email in emails],
            )

    def remove_watchers(self, scope: str, emails: Sequence[str]) -> None:
        with self.transaction("watchers") as conn:
            conn.executemany(
                "DELETE FROM watchers WHERE scope = ? AND email = ?",
                [(scope, email) for email in emails],
            )

    def add_related(self, scope: str, target_type: str, alias: str, target_id: str) -> None:
        with self.transaction("related") as conn:
            conn.execute(
                "INSERT OR IGNORE INTO related (scope, target_type, target_alias, target_id)"
                " VALUES (?, ?, ?, ?)",
                (scope, target_type, alias, target_id),
            )

    def remove_related(self, scope: str, target_id: str) -> bool:
        with self.transaction("related") as conn:
            cursor = conn.execute(
                "DELETE FROM related WHERE scope = ? AND target_id = ?", (scope, target_id)
            )
        return cursor.rowcount > 0

    def _one(self, sql: str, params: Sequence[Any]) -> sqlite3.Row:
        row: sqlite3.Row | None = self._reader().execute(sql, list(params)).fetchone()
        assert row is not None
        return row
