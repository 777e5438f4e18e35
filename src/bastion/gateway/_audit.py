"""The gateway's seam to the audit log.

Every request, decision and approval becomes one event (a flat mapping of names, ids, rule
ids and numbers; never raw prompts, responses or secrets). The gateway awaits
:meth:`AuditSink.record` before it answers, so a failing store refuses the request (fail
closed) unless the operator set ``stores.audit_fail_open``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any, Protocol

__all__ = ["AuditSink", "CallbackAuditSink", "MemoryAuditSink", "NullAuditSink"]


class AuditSink(Protocol):
    async def record(self, event: Mapping[str, Any]) -> None: ...

    async def aclose(self) -> None: ...


class MemoryAuditSink:
    """Keeps events in a list (tests, demo)."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.fail = False

    async def record(self, event: Mapping[str, Any]) -> None:
        if self.fail:
            from bastion.errors import StoreError

            raise StoreError("audit store unavailable (injected failure)")
        self.events.append(dict(event))

    async def aclose(self) -> None:
        return None


class NullAuditSink:
    """Discards events (``stores.audit: off``)."""

    async def record(self, event: Mapping[str, Any]) -> None:
        return None

    async def aclose(self) -> None:
        return None


class CallbackAuditSink:
    """Adapts any ``append(event)`` callable, sync or async, running sync ones in a thread."""

    def __init__(self, append: Callable[[Mapping[str, Any]], Any], close: Callable[[], Any] | None = None) -> None:
        self._append = append
        self._close = close

    async def record(self, event: Mapping[str, Any]) -> None:
        if asyncio.iscoroutinefunction(self._append):
            await self._append(event)
        else:
            await asyncio.to_thread(self._append, event)

    async def aclose(self) -> None:
        if self._close is None:
            return
        res = self._close()
        if asyncio.iscoroutine(res):
            await res
