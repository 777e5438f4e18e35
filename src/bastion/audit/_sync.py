"""``SyncAuditLog``: the async :class:`AuditLog` for synchronous code.

It owns a private event loop on a daemon thread and forwards each call to it, so appends
from several threads are still group-committed. No logic is duplicated here.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Coroutine, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from bastion.audit._log import AuditEvent, AuditLog
from bastion.audit._model import AuditRecord, Checkpoint, ErasureReport, RetentionReport, VerifyReport
from bastion.errors import StoreError

__all__ = ["SyncAuditLog"]

T = TypeVar("T")


class SyncAuditLog:
    """Blocking wrapper: ``SyncAuditLog(AuditLog(...))``; use as a context manager or call :meth:`close`."""

    def __init__(self, log: AuditLog) -> None:
        self.log = log
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="bastion-audit-loop", daemon=True)
        self._thread.start()
        self._closed = False

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._closed:
            coro.close()
            raise StoreError("this SyncAuditLog is closed")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def __enter__(self) -> SyncAuditLog:
        self._call(self.log.open())
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        try:
            self._call(self.log.close())
        finally:
            self._closed = True
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()

    def append(
        self,
        event_type: str,
        payload: Any,
        *,
        correlation_id: str | None = None,
        subject: str | None = None,
        actor: str | None = None,
        clear: Sequence[str] = (),
    ) -> AuditRecord:
        return self._call(
            self.log.append(
                event_type, payload, correlation_id=correlation_id, subject=subject, actor=actor, clear=clear
            )
        )

    def append_many(self, events: Iterable[AuditEvent]) -> list[AuditRecord]:
        return self._call(self.log.append_many(list(events)))

    def verify(self, *, public_keys: Iterable[Ed25519PublicKey] | None = None, live: bool = False) -> VerifyReport:
        return self._call(self.log.verify(public_keys=public_keys, live=live))

    def checkpoint(self, *, verify: bool = True) -> Checkpoint | None:
        return self._call(self.log.checkpoint(verify=verify))

    def erase_subject(self, subject: str, *, actor: str | None = None) -> ErasureReport:
        return self._call(self.log.erase_subject(subject, actor=actor))

    def apply_retention(self, *, max_age: timedelta | None = None, before: datetime | None = None) -> RetentionReport:
        return self._call(self.log.apply_retention(max_age=max_age, before=before))

    def reveal(self, record: AuditRecord) -> dict[str, Any]:
        return self._call(self.log.reveal(record))

    def records(self, start_seq: int = 0) -> Iterator[AuditRecord]:
        return self._iterate(self.log.records(start_seq))

    def export_jsonl(self, *, start_seq: int = 0, reveal: bool = False) -> Iterator[bytes]:
        return self._iterate(self.log.export_jsonl(start_seq=start_seq, reveal=reveal))

    def _iterate(self, agen: AsyncIterator[T]) -> Iterator[T]:
        async def _next() -> tuple[bool, T | None]:
            try:
                return True, await agen.__anext__()
            except StopAsyncIteration:
                return False, None

        while True:
            more, item = self._call(_next())
            if not more:
                return
            yield item  # type: ignore[misc]
