"""The gateway's events written to :class:`bastion.audit.AuditLog` (hash-chained, signed
checkpoints), on SQLite (default) or PostgreSQL (several replicas).

Each event becomes one record: type ``gateway.<event>`` (``gateway.llm.request`` ...),
correlation id = the request's W3C trace id, actor = the API key id. ``append`` returns once
the record is committed; concurrent requests are group-committed by the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bastion.audit import AuditLog, PayloadMasker, SQLiteAuditStore

__all__ = ["AuditLogSink", "open_audit_sink"]


class AuditLogSink:
    """Adapts an open :class:`AuditLog` to the gateway's :class:`AuditSink` protocol."""

    def __init__(self, log: AuditLog) -> None:
        self.log = log

    async def record(self, event: Mapping[str, Any]) -> None:
        payload = {k: v for k, v in event.items() if k not in ("event", "trace_id", "key_id", "ts") and v is not None}
        await self.log.append(
            "gateway." + str(event.get("event", "event")),
            payload,
            correlation_id=event.get("trace_id") or None,
            actor=event.get("key_id") or None,
        )

    async def aclose(self) -> None:
        await self.log.close()


async def open_audit_sink(kind: str, *, data_dir: str, postgres_dsn: str) -> AuditLogSink:
    """Open the configured audit store. Event payloads hold ids, rule ids and numbers only, so
    the masker checks field names without re-scanning every value."""
    if kind == "postgres":
        from bastion.audit._postgres import PostgresAuditStore

        store: Any = PostgresAuditStore(postgres_dsn)
    else:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        store = SQLiteAuditStore(Path(data_dir) / "audit.db", synchronous="NORMAL")
    log = AuditLog(store, masker=PayloadMasker(scan=False))
    await log.open()
    return AuditLogSink(log)
