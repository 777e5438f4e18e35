"""SQLite (WAL) :class:`StateStore`: durable, shared by the processes of one host.

Each operation is one ``BEGIN IMMEDIATE`` transaction, so read-modify-write steps are
atomic across processes. Calls run in a worker thread (``anyio.to_thread``) so the event
loop never blocks on disk.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio.to_thread

from bastion.errors import StoreError
from bastion.state._base import ApprovalRecord, ApprovalStatus, BucketResult
from bastion.state._memory import sliding_estimate

__all__ = ["SqliteStateStore"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS windows (key TEXT PRIMARY KEY, idx INTEGER NOT NULL, prev REAL NOT NULL, curr REAL NOT NULL);
CREATE TABLE IF NOT EXISTS buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, ts REAL NOT NULL);
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value REAL NOT NULL);
CREATE TABLE IF NOT EXISTS flags (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires REAL);
CREATE TABLE IF NOT EXISTS approvals (
    approval_id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at REAL NOT NULL, body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS approvals_status ON approvals(status, created_at);
"""


class SqliteStateStore:
    """A :class:`~bastion.state.StateStore` in one SQLite file (WAL journal).

    ``path`` may be ``":memory:"`` for tests. Errors from SQLite become :class:`StoreError`
    with the operation named and no SQL in the message.
    """

    def __init__(self, path: str | Path, *, timeout_s: float = 5.0) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout_s, isolation_level=None, check_same_thread=False)
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the state database {Path(self.path).name!r}: {type(exc).__name__}; "
                "check the path exists and is writable"
            ) from exc

    def _tx(self, op: str, fn: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    out = fn(self._db)
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
                return out
            except sqlite3.Error as exc:
                raise StoreError(f"state store operation {op!r} failed: {type(exc).__name__}") from exc

    async def _run(self, op: str, fn: Callable[[sqlite3.Connection], T]) -> T:
        return await anyio.to_thread.run_sync(self._tx, op, fn)

    async def incr_window(self, key: str, window_s: float, now: float, amount: float = 1.0) -> float:
        idx = math.floor(now / window_s)

        def fn(db: sqlite3.Connection) -> float:
            row = db.execute("SELECT idx, prev, curr FROM windows WHERE key=?", (key,)).fetchone()
            if row is None or row[0] < idx - 1:
                prev, curr = 0.0, 0.0
            elif row[0] == idx - 1:
                prev, curr = float(row[2]), 0.0
            else:
                prev, curr = float(row[1]), float(row[2])
            curr += amount
            db.execute(
                "INSERT INTO windows(key, idx, prev, curr) VALUES(?,?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET idx=excluded.idx, prev=excluded.prev, curr=excluded.curr",
                (key, idx, prev, curr),
            )
            return sliding_estimate(prev, curr, window_s, now)

        return await self._run("incr_window", fn)

    async def take_token(
        self, key: str, rate_per_s: float, burst: float, now: float, cost: float = 1.0
    ) -> BucketResult:
        def fn(db: sqlite3.Connection) -> BucketResult:
            row = db.execute("SELECT tokens, ts FROM buckets WHERE key=?", (key,)).fetchone()
            tokens, ts = (burst, now) if row is None else (float(row[0]), float(row[1]))
            tokens = min(burst, tokens + max(0.0, now - ts) * rate_per_s)
            allowed = tokens >= cost
            if allowed:
                tokens -= cost
            db.execute(
                "INSERT INTO buckets(key, tokens, ts) VALUES(?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET tokens=excluded.tokens, ts=excluded.ts",
                (key, tokens, now),
            )
            if allowed:
                return BucketResult(True, tokens, 0.0)
            wait = (cost - tokens) / rate_per_s if rate_per_s > 0 else math.inf
            return BucketResult(False, tokens, wait)

        return await self._run("take_token", fn)

    async def incr(self, key: str, amount: float = 1.0) -> float:
        def fn(db: sqlite3.Connection) -> float:
            db.execute(
                "INSERT INTO counters(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
                (key, amount),
            )
            return float(db.execute("SELECT value FROM counters WHERE key=?", (key,)).fetchone()[0])

        return await self._run("incr", fn)

    async def get_counter(self, key: str) -> float:
        def fn(db: sqlite3.Connection) -> float:
            row = db.execute("SELECT value FROM counters WHERE key=?", (key,)).fetchone()
            return 0.0 if row is None else float(row[0])

        return await self._run("get_counter", fn)

    async def set_flag(self, key: str, value: str, now: float, ttl_s: float | None = None) -> None:
        expires = None if ttl_s is None else now + ttl_s

        def fn(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO flags(key, value, expires) VALUES(?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value, expires=excluded.expires",
                (key, value, expires),
            )

        await self._run("set_flag", fn)

    async def get_flag(self, key: str, now: float) -> str | None:
        def fn(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT value, expires FROM flags WHERE key=?", (key,)).fetchone()
            if row is None:
                return None
            if row[1] is not None and now >= float(row[1]):
                db.execute("DELETE FROM flags WHERE key=?", (key,))
                return None
            return str(row[0])

        return await self._run("get_flag", fn)

    async def delete_flag(self, key: str) -> bool:
        def fn(db: sqlite3.Connection) -> bool:
            return db.execute("DELETE FROM flags WHERE key=?", (key,)).rowcount > 0

        return await self._run("delete_flag", fn)

    async def list_flags(self, prefix: str, now: float) -> dict[str, str]:
        def fn(db: sqlite3.Connection) -> dict[str, str]:
            rows = db.execute(
                "SELECT key, value, expires FROM flags WHERE substr(key, 1, ?) = ? ORDER BY key",
                (len(prefix), prefix),
            ).fetchall()
            return {str(k): str(v) for k, v, exp in rows if exp is None or now < float(exp)}

        return await self._run("list_flags", fn)

    async def put_approval(self, record: ApprovalRecord) -> None:
        def fn(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO approvals(approval_id, status, created_at, body) VALUES(?,?,?,?) "
                "ON CONFLICT(approval_id) DO UPDATE SET status=excluded.status, body=excluded.body",
                (record.approval_id, record.status.value, record.created_at, record.to_json()),
            )

        await self._run("put_approval", fn)

    @staticmethod
    def _load(body: Any) -> ApprovalRecord:
        return ApprovalRecord.from_dict(json.loads(str(body)))

    async def get_approval(self, approval_id: str) -> ApprovalRecord | None:
        def fn(db: sqlite3.Connection) -> ApprovalRecord | None:
            row = db.execute("SELECT body FROM approvals WHERE approval_id=?", (approval_id,)).fetchone()
            return None if row is None else self._load(row[0])

        return await self._run("get_approval", fn)

    async def list_approvals(self, status: ApprovalStatus | None = None) -> list[ApprovalRecord]:
        def fn(db: sqlite3.Connection) -> list[ApprovalRecord]:
            if status is None:
                rows = db.execute("SELECT body FROM approvals ORDER BY created_at, approval_id").fetchall()
            else:
                rows = db.execute(
                    "SELECT body FROM approvals WHERE status=? ORDER BY created_at, approval_id",
                    (status.value,),
                ).fetchall()
            return [self._load(r[0]) for r in rows]

        return await self._run("list_approvals", fn)

    async def resolve_approval(
        self, approval_id: str, status: ApprovalStatus, by: str, reason: str, now: float
    ) -> ApprovalRecord | None:
        def fn(db: sqlite3.Connection) -> ApprovalRecord | None:
            row = db.execute("SELECT body FROM approvals WHERE approval_id=?", (approval_id,)).fetchone()
            if row is None:
                return None
            record = self._load(row[0])
            if record.status is not ApprovalStatus.PENDING:
                return None
            if now >= record.expires_at and status is not ApprovalStatus.EXPIRED:
                return None
            updated = record.resolved(status, by, reason, now)
            db.execute(
                "UPDATE approvals SET status=?, body=? WHERE approval_id=?",
                (updated.status.value, updated.to_json(), approval_id),
            )
            return updated

        return await self._run("resolve_approval", fn)

    async def close(self) -> None:
        with self._lock:
            self._db.close()
