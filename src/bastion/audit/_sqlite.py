"""The default audit store: one SQLite file in WAL mode.

Durability: ``journal_mode=WAL`` with ``synchronous=FULL`` (the default here): when
:meth:`SQLiteAuditStore.append` returns, the transaction's WAL frames were fsync'ed, so an
acknowledged record survives ``kill -9`` and power loss. ``synchronous="NORMAL"`` survives
``kill -9`` but may lose the last transactions on power loss.

All database work runs on one private thread that owns the connection, so the event loop
never blocks on disk. Triggers refuse ``UPDATE`` on records and ``DELETE`` above the
retention anchor; they guard against mistakes, not against someone with write access to
the file (that is what the hash chain and signed checkpoints are for).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from bastion.audit._model import Checkpoint, RawRecord, StoreState
from bastion.audit._store import SubjectKey
from bastion.errors import StoreError

__all__ = ["SQLiteAuditStore"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_records (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    type TEXT NOT NULL,
    kid TEXT,
    body BLOB NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_records_kid ON audit_records(kid) WHERE kid IS NOT NULL;
CREATE TABLE IF NOT EXISTS audit_checkpoints (
    seq INTEGER PRIMARY KEY,
    log_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_subject_keys (
    ref TEXT PRIMARY KEY,
    kid TEXT NOT NULL UNIQUE,
    wrapped BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
WHEN OLD.seq > COALESCE((SELECT CAST(v AS INTEGER) FROM audit_meta WHERE k = 'anchor_seq'), 0)
BEGIN SELECT RAISE(ABORT, 'audit records are append-only; only retention deletes them'); END;
"""

_SYNC_MODES = ("FULL", "NORMAL", "EXTRA")


class SQLiteAuditStore:
    """Audit records in one SQLite file (created ``0600`` when missing).

    ``path``: the database file. ``synchronous``: ``"FULL"`` (default, power-loss safe),
    ``"EXTRA"`` or ``"NORMAL"`` (process-crash safe only). ``busy_timeout_s``: how long to wait
    for another process's write lock before failing with :class:`StoreError`.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, synchronous: str = "FULL", busy_timeout_s: float = 10.0
    ) -> None:
        mode = synchronous.upper()
        if mode not in _SYNC_MODES:
            raise StoreError(f"synchronous must be one of {', '.join(_SYNC_MODES)}, not {synchronous!r}")
        self.path = Path(path)
        self.synchronous = mode
        self.busy_timeout_ms = int(busy_timeout_s * 1000)
        self._conn: sqlite3.Connection | None = None
        self._exec: ThreadPoolExecutor | None = None

    # -- plumbing ------------------------------------------------------------------------

    async def _run(self, fn: Callable[[], T]) -> T:
        if self._exec is None:
            raise StoreError(f"audit store {self.path} is closed; open it first")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._exec, self._guarded, fn)

    def _guarded(self, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _error(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc)
        if "not a database" in text or "malformed" in text:
            return StoreError(
                f"audit store {self.path} is corrupt or not a SQLite database ({text}); restore it from a "
                "backup or point --db at the right file"
            )
        if "locked" in text or "busy" in text:
            return StoreError(
                f"audit store {self.path} is locked by another process for more than "
                f"{self.busy_timeout_ms / 1000:g} s; retry, or raise busy_timeout_s"
            )
        if "append-only" in text:
            return StoreError(f"audit store {self.path}: {text}")
        return StoreError(f"audit store {self.path} failed: {type(exc).__name__}: {text}")

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"audit store {self.path} is closed; open it first")
        return self._conn

    # -- lifecycle -----------------------------------------------------------------------

    async def open(self, *, create: bool = True) -> StoreState:
        if self._exec is None:
            self._exec = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bastion-audit-sqlite")
        try:
            return await self._run(lambda: self._open(create))
        except BaseException:
            await self.close()
            raise

    def _open(self, create: bool) -> StoreState:
        if self._conn is None:
            if not self.path.exists():
                if not create:
                    raise StoreError(f"no audit log at {self.path}; check --db")
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            elif self.path.is_dir():
                raise StoreError(f"{self.path} is a directory, not an audit store file")
            conn = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=self.busy_timeout_ms / 1000
            )
            try:
                conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError(f"audit store {self.path}: cannot enable WAL mode (got {mode})")
                conn.execute(f"PRAGMA synchronous = {self.synchronous}")
                conn.execute("PRAGMA secure_delete = ON")  # erased keys and expired records are zeroed
                conn.executescript(_SCHEMA)
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute(
                        "INSERT OR IGNORE INTO audit_meta(k, v) VALUES ('log_id', ?), ('head_seq', '0'), "
                        "('anchor_seq', '0'), ('schema', '1')",
                        (secrets.token_hex(16),),
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._state()

    def _state(self) -> StoreState:
        meta = dict(self.conn.execute("SELECT k, v FROM audit_meta").fetchall())
        try:
            return StoreState(
                log_id=meta["log_id"],
                head_seq=int(meta.get("head_seq", "0")),
                head_hash=meta.get("head_hash"),
                anchor_seq=int(meta.get("anchor_seq", "0")),
                meta=meta,
            )
        except (KeyError, ValueError):
            raise StoreError(
                f"audit store {self.path}: the meta table is damaged (log_id/head_seq/anchor_seq); "
                "the store was altered outside bastion"
            ) from None

    async def state(self) -> StoreState:
        return await self._run(self._state)

    async def close(self) -> None:
        ex, self._exec = self._exec, None
        if ex is None:
            return
        conn = self._conn
        self._conn = None

        def _close() -> None:
            if conn is not None:
                conn.close()

        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(ex, _close)
        finally:
            ex.shutdown(wait=True)

    async def set_meta(self, key: str, value: str) -> None:
        if key in ("log_id", "head_seq", "head_hash", "anchor_seq", "schema"):
            raise StoreError(f"meta key {key!r} is managed by the store")
        await self._run(
            lambda: self._tx(lambda c: c.execute("INSERT OR REPLACE INTO audit_meta(k, v) VALUES (?, ?)", (key, value)))
        )

    def _tx(self, body: Callable[[sqlite3.Connection], Any]) -> Any:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            out = body(c)
        except BaseException:
            c.execute("ROLLBACK")
            raise
        c.execute("COMMIT")
        return out

    # -- records -------------------------------------------------------------------------

    async def append(self, records: Sequence[RawRecord], *, checkpoint: Checkpoint | None = None) -> bool:
        if not records:
            return True
        return bool(await self._run(lambda: self._append(records, checkpoint)))

    def _append(self, records: Sequence[RawRecord], checkpoint: Checkpoint | None) -> bool:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            row = c.execute("SELECT v FROM audit_meta WHERE k = 'head_seq'").fetchone()
            if row is None or int(row[0]) != records[0].seq - 1:
                c.execute("ROLLBACK")
                return False
            c.executemany(
                "INSERT INTO audit_records(seq, ts, type, kid, body, hash) VALUES (?, ?, ?, ?, ?, ?)", records
            )
            last = records[-1]
            c.execute(
                "INSERT OR REPLACE INTO audit_meta(k, v) VALUES ('head_seq', ?), ('head_hash', ?)",
                (str(last.seq), last.hash),
            )
            if checkpoint is not None:
                self._put_cp(c, checkpoint)
        except BaseException:
            c.execute("ROLLBACK")
            raise
        c.execute("COMMIT")
        return True

    async def scan(self, start_seq: int = 0, *, batch: int = 4096) -> AsyncIterator[Sequence[RawRecord]]:
        # The next batch is read on the store's thread while the caller works on this one.
        if self._exec is None:
            raise StoreError(f"audit store {self.path} is closed; open it first")
        loop = asyncio.get_running_loop()
        ex = self._exec
        fut = loop.run_in_executor(ex, self._guarded, lambda: self._scan(start_seq, batch))
        try:
            while True:
                rows = await fut
                if not rows:
                    return
                nxt = rows[-1].seq + 1
                fut = loop.run_in_executor(ex, self._guarded, lambda n=nxt: self._scan(n, batch))  # type: ignore[misc]
                yield rows
        finally:
            if not fut.done():
                fut.cancel()
            elif not fut.cancelled():
                fut.exception()  # retrieved: an abandoned read-ahead never logs an error

    def _scan(self, start: int, batch: int) -> list[RawRecord]:
        # CAST: a body stored as TEXT by someone editing the file still comes back as bytes.
        cur = self.conn.execute(
            "SELECT seq, ts, type, kid, CAST(COALESCE(body, '') AS BLOB), hash FROM audit_records "
            "WHERE seq >= ? ORDER BY seq LIMIT ?",
            (start, batch),
        )
        return list(map(RawRecord._make, cur.fetchall()))

    # -- checkpoints ---------------------------------------------------------------------

    @staticmethod
    def _put_cp(c: sqlite3.Connection, cp: Checkpoint) -> None:
        c.execute(
            "INSERT OR REPLACE INTO audit_checkpoints(seq, log_id, hash, ts, kind, key_id, signature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (cp.seq, cp.log_id, cp.hash, cp.ts, cp.kind, cp.key_id, cp.signature),
        )

    async def checkpoints(self) -> list[Checkpoint]:
        def _get() -> list[Checkpoint]:
            rows = self.conn.execute(
                "SELECT log_id, seq, hash, ts, kind, key_id, signature FROM audit_checkpoints ORDER BY seq"
            ).fetchall()
            return [
                Checkpoint(
                    log_id=str(a), seq=int(b), hash=str(h), ts=str(t), kind=str(k), key_id=str(i), signature=str(s)
                )
                for a, b, h, t, k, i, s in rows
            ]

        return await self._run(_get)

    async def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        await self._run(lambda: self._tx(lambda c: self._put_cp(c, checkpoint)))

    async def delete_through(self, seq: int, anchor: Checkpoint) -> int:
        def _body(c: sqlite3.Connection) -> int:
            self._put_cp(c, anchor)
            c.execute("INSERT OR REPLACE INTO audit_meta(k, v) VALUES ('anchor_seq', ?)", (str(seq),))
            n = c.execute("DELETE FROM audit_records WHERE seq <= ?", (seq,)).rowcount
            c.execute("DELETE FROM audit_checkpoints WHERE seq < ?", (seq,))
            return int(n)

        return int(await self._run(lambda: self._tx(_body)))

    # -- subject keys --------------------------------------------------------------------

    async def subject_key(self, ref: str) -> SubjectKey | None:
        def _get() -> SubjectKey | None:
            row = self.conn.execute("SELECT kid, wrapped FROM audit_subject_keys WHERE ref = ?", (ref,)).fetchone()
            return (str(row[0]), bytes(row[1])) if row is not None else None

        return await self._run(_get)

    async def add_subject_key(self, ref: str, kid: str, wrapped: bytes) -> SubjectKey:
        def _body(c: sqlite3.Connection) -> SubjectKey:
            c.execute(
                "INSERT OR IGNORE INTO audit_subject_keys(ref, kid, wrapped) VALUES (?, ?, ?)", (ref, kid, wrapped)
            )
            row = c.execute("SELECT kid, wrapped FROM audit_subject_keys WHERE ref = ?", (ref,)).fetchone()
            return (str(row[0]), bytes(row[1]))

        result: SubjectKey = await self._run(lambda: self._tx(_body))
        return result

    async def key_by_kid(self, kid: str) -> bytes | None:
        def _get() -> bytes | None:
            row = self.conn.execute("SELECT wrapped FROM audit_subject_keys WHERE kid = ?", (kid,)).fetchone()
            return bytes(row[0]) if row is not None else None

        return await self._run(_get)

    async def delete_subject_key(self, ref: str) -> str | None:
        def _body(c: sqlite3.Connection) -> str | None:
            row = c.execute("SELECT kid FROM audit_subject_keys WHERE ref = ?", (ref,)).fetchone()
            if row is None:
                return None
            c.execute("DELETE FROM audit_subject_keys WHERE ref = ?", (ref,))
            return str(row[0])

        result: str | None = await self._run(lambda: self._tx(_body))
        if result is not None:
            # Make sure the key bytes do not linger in the WAL or in free pages.
            await self._run(self._scrub)
        return result

    def _scrub(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def count_kid(self, kid: str) -> int:
        return int(
            await self._run(
                lambda: self.conn.execute("SELECT count(*) FROM audit_records WHERE kid = ?", (kid,)).fetchone()[0]
            )
        )
