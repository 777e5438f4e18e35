"""The ``AuditStore`` seam and the in-memory implementation.

A store keeps four things: records (append-only, by ``seq``), signed checkpoints, a small
meta table (log id, head, retention anchor) and the per-subject key table. It does no
hashing, signing or encryption: :class:`~bastion.audit.AuditLog` does, so every backend
gets the same guarantees. A store must make :meth:`append` atomic and durable before it
returns (that is what "acknowledged" means) and must refuse an append whose first ``seq``
is not ``head + 1`` (several writers on one store then cannot fork the chain).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Sequence
from typing import Protocol, runtime_checkable

from bastion.audit._model import Checkpoint, RawRecord, StoreState
from bastion.errors import StoreError

__all__ = ["AuditStore", "MemoryAuditStore", "SubjectKey"]

SubjectKey = tuple[str, bytes]  # (kid, wrapped key)


@runtime_checkable
class AuditStore(Protocol):
    """Where audit records live. Implementations: memory, SQLite (default), PostgreSQL."""

    async def open(self, *, create: bool = True) -> StoreState:
        """Open (creating the schema and a random log id when ``create``) and report the state."""
        ...

    async def close(self) -> None: ...

    async def state(self) -> StoreState:
        """The current log id, head and anchor (cheap; called before every verify)."""
        ...

    async def set_meta(self, key: str, value: str) -> None:
        """Set one meta value (e.g. ``kek_id``); the keys ``log_id``, ``head_*``, ``anchor_seq`` are the store's."""
        ...

    async def append(self, records: Sequence[RawRecord], *, checkpoint: Checkpoint | None = None) -> bool:
        """Atomically and durably add ``records`` (consecutive seqs) and move the head to the last one.

        Returns ``False`` (writing nothing) when ``records[0].seq`` is not ``head + 1``: another
        writer appended first. ``checkpoint``, if given, is stored in the same transaction.
        """
        ...

    def scan(self, start_seq: int = 0, *, batch: int = 4096) -> AsyncIterator[Sequence[RawRecord]]:
        """Records with ``seq >= start_seq`` in ascending ``seq`` order, in batches."""
        ...

    async def checkpoints(self) -> list[Checkpoint]:
        """Every stored checkpoint, ascending by ``seq``."""
        ...

    async def add_checkpoint(self, checkpoint: Checkpoint) -> None: ...

    async def delete_through(self, seq: int, anchor: Checkpoint) -> int:
        """Retention: atomically store ``anchor`` (at ``seq``), make it the anchor, and delete
        records and checkpoints with ``seq`` at or below it. Returns the records deleted."""
        ...

    async def subject_key(self, ref: str) -> SubjectKey | None: ...

    async def add_subject_key(self, ref: str, kid: str, wrapped: bytes) -> SubjectKey:
        """Insert a key unless ``ref`` has one already; return the key that is stored."""
        ...

    async def key_by_kid(self, kid: str) -> bytes | None: ...

    async def delete_subject_key(self, ref: str) -> str | None:
        """Destroy the subject's key; return its kid, or ``None`` if there was none."""
        ...

    async def count_kid(self, kid: str) -> int:
        """How many records carry ``kid``."""
        ...


class MemoryAuditStore:
    """A process-local store for tests and short-lived agents. Nothing survives the process."""

    def __init__(self) -> None:
        self._open = False
        self.meta: dict[str, str] = {}
        self.rows: dict[int, RawRecord] = {}
        self.cps: dict[int, Checkpoint] = {}
        self.keys: dict[str, SubjectKey] = {}

    def _state(self) -> StoreState:
        hs = int(self.meta.get("head_seq", "0"))
        return StoreState(
            log_id=self.meta["log_id"],
            head_seq=hs,
            head_hash=self.meta.get("head_hash"),
            anchor_seq=int(self.meta.get("anchor_seq", "0")),
            meta=dict(self.meta),
        )

    async def open(self, *, create: bool = True) -> StoreState:
        if "log_id" not in self.meta:
            if not create:
                raise StoreError("the in-memory audit store is empty and create=False")
            self.meta["log_id"] = secrets.token_hex(16)
        self._open = True
        return self._state()

    async def close(self) -> None:
        self._open = False

    def _need_open(self) -> None:
        if not self._open:
            raise StoreError("audit store is closed; open it first")

    async def set_meta(self, key: str, value: str) -> None:
        self._need_open()
        self.meta[key] = value

    async def append(self, records: Sequence[RawRecord], *, checkpoint: Checkpoint | None = None) -> bool:
        self._need_open()
        if not records:
            return True
        head = int(self.meta.get("head_seq", "0"))
        if records[0].seq != head + 1:
            return False
        for r in records:
            self.rows[r.seq] = r
        self.meta["head_seq"] = str(records[-1].seq)
        self.meta["head_hash"] = records[-1].hash
        if checkpoint is not None:
            self.cps[checkpoint.seq] = checkpoint
        return True

    async def state(self) -> StoreState:
        self._need_open()
        return self._state()

    async def scan(self, start_seq: int = 0, *, batch: int = 4096) -> AsyncIterator[Sequence[RawRecord]]:
        self._need_open()
        seqs = sorted(s for s in self.rows if s >= start_seq)
        for i in range(0, len(seqs), batch):
            chunk = [self.rows[s] for s in seqs[i : i + batch] if s in self.rows]
            if chunk:
                yield chunk

    async def checkpoints(self) -> list[Checkpoint]:
        self._need_open()
        return [self.cps[s] for s in sorted(self.cps)]

    async def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        self._need_open()
        self.cps[checkpoint.seq] = checkpoint

    async def delete_through(self, seq: int, anchor: Checkpoint) -> int:
        self._need_open()
        doomed = [s for s in self.rows if s <= seq]
        for s in doomed:
            del self.rows[s]
        for s in [s for s in self.cps if s < seq]:
            del self.cps[s]
        self.cps[anchor.seq] = anchor
        self.meta["anchor_seq"] = str(seq)
        return len(doomed)

    async def subject_key(self, ref: str) -> SubjectKey | None:
        self._need_open()
        return self.keys.get(ref)

    async def add_subject_key(self, ref: str, kid: str, wrapped: bytes) -> SubjectKey:
        self._need_open()
        return self.keys.setdefault(ref, (kid, wrapped))

    async def key_by_kid(self, kid: str) -> bytes | None:
        self._need_open()
        for k, w in self.keys.values():
            if k == kid:
                return w
        return None

    async def delete_subject_key(self, ref: str) -> str | None:
        self._need_open()
        entry = self.keys.pop(ref, None)
        return entry[0] if entry is not None else None

    async def count_kid(self, kid: str) -> int:
        self._need_open()
        return sum(1 for r in self.rows.values() if r.kid == kid)
