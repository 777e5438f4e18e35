"""The audit store for several gateway replicas: PostgreSQL (``psycopg`` 3, async).

Same tables and guarantees as :class:`~bastion.audit.SQLiteAuditStore`: ``append`` runs in
one transaction that locks the ``head_seq`` meta row (``SELECT ... FOR UPDATE``), checks that
the first record continues the head, inserts the records and moves the head. Writers on
other replicas wait for the lock and then see the new head, so the chain never forks: a
loser gets ``False`` and :class:`~bastion.audit.AuditLog` re-chains and retries. Commits are
durable when ``append`` returns (PostgreSQL's default ``synchronous_commit=on``). Triggers
refuse ``UPDATE`` of records and ``DELETE`` above the retention anchor.

``schema`` keeps the tables in their own PostgreSQL schema (created when missing), which
lets several logs (or test runs) share one database.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import AsyncIterator, Sequence
from typing import Any

from bastion.audit._model import Checkpoint, RawRecord, StoreState
from bastion.audit._store import SubjectKey
from bastion.errors import StoreError

__all__ = ["PostgresAuditStore"]

_SCHEMA_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

_DDL = """
CREATE TABLE IF NOT EXISTS audit_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_records (
    seq BIGINT PRIMARY KEY, ts TEXT NOT NULL, type TEXT NOT NULL, kid TEXT, body BYTEA NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_records_kid ON audit_records(kid) WHERE kid IS NOT NULL;
CREATE TABLE IF NOT EXISTS audit_checkpoints (
    seq BIGINT PRIMARY KEY, log_id TEXT NOT NULL, hash TEXT NOT NULL, ts TEXT NOT NULL,
    kind TEXT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_subject_keys (ref TEXT PRIMARY KEY, kid TEXT NOT NULL UNIQUE, wrapped BYTEA NOT NULL);
CREATE OR REPLACE FUNCTION audit_records_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit records are append-only';
  END IF;
  IF OLD.seq > COALESCE((SELECT CAST(v AS BIGINT) FROM audit_meta WHERE k = 'anchor_seq'), 0) THEN
    RAISE EXCEPTION 'audit records are append-only; only retention deletes them';
  END IF;
  RETURN OLD;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_records_guard ON audit_records;
CREATE TRIGGER audit_records_guard BEFORE UPDATE OR DELETE ON audit_records
FOR EACH ROW EXECUTE FUNCTION audit_records_guard();
"""

_MANAGED = ("log_id", "head_seq", "head_hash", "anchor_seq", "schema")


class PostgresAuditStore:
    """Audit records in PostgreSQL. ``dsn``: a libpq connection string or URL."""

    def __init__(self, dsn: str, *, schema: str = "public", connect_timeout_s: float = 5.0) -> None:
        if not _SCHEMA_RE.match(schema):
            raise StoreError(f"invalid PostgreSQL schema name {schema!r}: use lowercase letters, digits and '_'")
        self._dsn = dsn
        self.schema = schema
        self._timeout = connect_timeout_s
        self._conn: Any = None
        self._lock = asyncio.Lock()

    def _error(self, op: str, exc: BaseException) -> StoreError:
        text = str(exc).split("\n", 1)[0]
        if "append-only" in text:
            return StoreError(f"audit store (postgres): {text}")
        return StoreError(f"audit store (postgres) {op} failed: {type(exc).__name__}")

    async def open(self, *, create: bool = True) -> StoreState:
        try:
            import psycopg
        except ImportError:
            raise StoreError("the postgres audit store needs psycopg: pip install 'bastion-guard[postgres]'") from None
        async with self._lock:
            if self._conn is None:
                try:
                    conn = await psycopg.AsyncConnection.connect(
                        self._dsn, autocommit=True, connect_timeout=int(self._timeout)
                    )
                except psycopg.Error as exc:
                    raise self._error("connect", exc) from None
                try:
                    if self.schema != "public":
                        await conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                    await conn.execute(f'SET search_path TO "{self.schema}"')
                    exists = await (await conn.execute("SELECT to_regclass('audit_meta')")).fetchone()
                    if (exists is None or exists[0] is None) and not create:
                        raise StoreError("no audit log in this PostgreSQL database/schema (create=False)")
                    async with conn.transaction():
                        await conn.execute(
                            "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.bastion_audit'))"
                        )
                        await conn.execute(_DDL)
                        await conn.execute(
                            "INSERT INTO audit_meta(k, v) VALUES ('log_id', %s), ('head_seq', '0'), "
                            "('anchor_seq', '0'), ('schema', '1') ON CONFLICT (k) DO NOTHING",
                            (secrets.token_hex(16),),
                        )
                except StoreError:
                    await conn.close()
                    raise
                except psycopg.Error as exc:
                    await conn.close()
                    raise self._error("open", exc) from None
                self._conn = conn
        return await self.state()

    async def _q(self, op: str, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        if self._conn is None:
            raise StoreError("audit store (postgres) is closed; open it first")
        async with self._lock:
            try:
                cur = await self._conn.execute(sql, args)
                return list(await cur.fetchall()) if cur.description is not None else []
            except psycopg.Error as exc:
                raise self._error(op, exc) from None

    async def close(self) -> None:
        async with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                await conn.close()

    async def state(self) -> StoreState:
        meta = {str(k): str(v) for k, v in await self._q("state", "SELECT k, v FROM audit_meta")}
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
                "audit store (postgres): the meta table is damaged; it was altered outside bastion"
            ) from None

    async def set_meta(self, key: str, value: str) -> None:
        if key in _MANAGED:
            raise StoreError(f"meta key {key!r} is managed by the store")
        await self._q(
            "set_meta",
            "INSERT INTO audit_meta(k, v) VALUES (%s, %s) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
            (key, value),
        )

    async def append(self, records: Sequence[RawRecord], *, checkpoint: Checkpoint | None = None) -> bool:
        import psycopg

        if not records:
            return True
        if self._conn is None:
            raise StoreError("audit store (postgres) is closed; open it first")
        async with self._lock:
            try:
                async with self._conn.transaction():
                    cur = await self._conn.execute("SELECT v FROM audit_meta WHERE k = 'head_seq' FOR UPDATE")
                    row = await cur.fetchone()
                    if row is None or int(row[0]) != records[0].seq - 1:
                        return False
                    async with self._conn.cursor() as c:
                        await c.executemany(
                            "INSERT INTO audit_records(seq, ts, type, kid, body, hash) VALUES (%s, %s, %s, %s, %s, %s)",
                            [(r.seq, r.ts, r.event_type, r.kid, r.body, r.hash) for r in records],
                        )
                    last = records[-1]
                    await self._conn.execute(
                        "INSERT INTO audit_meta(k, v) VALUES ('head_seq', %s), ('head_hash', %s) "
                        "ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
                        (str(last.seq), last.hash),
                    )
                    if checkpoint is not None:
                        await self._put_cp(checkpoint)
            except psycopg.Error as exc:
                raise self._error("append", exc) from None
        return True

    async def scan(self, start_seq: int = 0, *, batch: int = 4096) -> AsyncIterator[Sequence[RawRecord]]:
        nxt = start_seq
        while True:
            rows = await self._q(
                "scan",
                "SELECT seq, ts, type, kid, body, hash FROM audit_records WHERE seq >= %s ORDER BY seq LIMIT %s",
                (nxt, batch),
            )
            if not rows:
                return
            out = [RawRecord(int(s), str(t), str(ty), k, bytes(b), str(h)) for s, t, ty, k, b, h in rows]
            yield out
            nxt = out[-1].seq + 1

    async def _put_cp(self, cp: Checkpoint) -> None:
        await self._conn.execute(
            "INSERT INTO audit_checkpoints(seq, log_id, hash, ts, kind, key_id, signature) "
            "VALUES (%s,%s,%s,%s,%s,%s,%s) "
            "ON CONFLICT (seq) DO UPDATE SET log_id=EXCLUDED.log_id, hash=EXCLUDED.hash, ts=EXCLUDED.ts, "
            "kind=EXCLUDED.kind, key_id=EXCLUDED.key_id, signature=EXCLUDED.signature",
            (cp.seq, cp.log_id, cp.hash, cp.ts, cp.kind, cp.key_id, cp.signature),
        )

    async def checkpoints(self) -> list[Checkpoint]:
        rows = await self._q(
            "checkpoints", "SELECT log_id, seq, hash, ts, kind, key_id, signature FROM audit_checkpoints ORDER BY seq"
        )
        return [
            Checkpoint(log_id=str(a), seq=int(b), hash=str(h), ts=str(t), kind=str(k), key_id=str(i), signature=str(s))
            for a, b, h, t, k, i, s in rows
        ]

    async def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        import psycopg

        if self._conn is None:
            raise StoreError("audit store (postgres) is closed; open it first")
        async with self._lock:
            try:
                await self._put_cp(checkpoint)
            except psycopg.Error as exc:
                raise self._error("add_checkpoint", exc) from None

    async def delete_through(self, seq: int, anchor: Checkpoint) -> int:
        import psycopg

        if self._conn is None:
            raise StoreError("audit store (postgres) is closed; open it first")
        async with self._lock:
            try:
                async with self._conn.transaction():
                    await self._put_cp(anchor)
                    await self._conn.execute(
                        "INSERT INTO audit_meta(k, v) VALUES ('anchor_seq', %s) "
                        "ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
                        (str(seq),),
                    )
                    cur = await self._conn.execute("DELETE FROM audit_records WHERE seq <= %s", (seq,))
                    n = cur.rowcount
                    await self._conn.execute("DELETE FROM audit_checkpoints WHERE seq < %s", (seq,))
            except psycopg.Error as exc:
                raise self._error("delete_through", exc) from None
        return int(n)

    async def subject_key(self, ref: str) -> SubjectKey | None:
        rows = await self._q("subject_key", "SELECT kid, wrapped FROM audit_subject_keys WHERE ref = %s", (ref,))
        return (str(rows[0][0]), bytes(rows[0][1])) if rows else None

    async def add_subject_key(self, ref: str, kid: str, wrapped: bytes) -> SubjectKey:
        await self._q(
            "add_subject_key",
            "INSERT INTO audit_subject_keys(ref, kid, wrapped) VALUES (%s, %s, %s) ON CONFLICT (ref) DO NOTHING",
            (ref, kid, wrapped),
        )
        got = await self.subject_key(ref)
        if got is None:
            raise StoreError("audit store (postgres): subject key vanished while being added")
        return got

    async def key_by_kid(self, kid: str) -> bytes | None:
        rows = await self._q("key_by_kid", "SELECT wrapped FROM audit_subject_keys WHERE kid = %s", (kid,))
        return bytes(rows[0][0]) if rows else None

    async def delete_subject_key(self, ref: str) -> str | None:
        rows = await self._q(
            "delete_subject_key", "DELETE FROM audit_subject_keys WHERE ref = %s RETURNING kid", (ref,)
        )
        return str(rows[0][0]) if rows else None

    async def count_kid(self, kid: str) -> int:
        rows = await self._q("count_kid", "SELECT count(*) FROM audit_records WHERE kid = %s", (kid,))
        return int(rows[0][0])

    async def drop(self) -> None:
        """Drop this store's schema (tests and teardown only; refuses the ``public`` schema)."""
        if self.schema == "public":
            raise StoreError("refusing to drop the public schema")
        await self._q("drop", f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
