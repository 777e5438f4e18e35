"""The audit seam the firewall writes to (the audit log implements it; tests use memory)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

__all__ = ["AuditSink", "MemoryAuditSink"]


@runtime_checkable
class AuditSink(Protocol):
    """Anything with an async ``append(kind, payload, correlation_id=...)``.

    ``kind`` is an event name (``policy.decision``, ``approval.approved``, ``limits.quarantine``
    ...); ``payload`` is JSON-like, with brokered credentials and ``sensitive`` arguments
    already masked. :class:`bastion.audit.AuditLog` fits as it is and also masks PII and
    secrets in the payload before writing. Correlation ids are W3C trace ids (32 hex digits);
    decision ids have that form.
    """

    async def append(
        self, kind: str, payload: Mapping[str, Any], /, *, correlation_id: str | None = None
    ) -> object: ...


class MemoryAuditSink:
    """Keeps events in a list (tests, examples)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any], str | None]] = []

    async def append(self, kind: str, payload: Mapping[str, Any], /, *, correlation_id: str | None = None) -> object:
        self.events.append((kind, dict(payload), correlation_id))
        return len(self.events)

    def kinds(self) -> list[str]:
        return [k for k, _, _ in self.events]
