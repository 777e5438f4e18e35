"""The ``StateStore`` seam: counters, token buckets, flags and approval records.

Every operation is atomic on its own (one key, one read-modify-write), async, and takes
the current time from the caller (``now`` in seconds since the epoch) so that the limits
logic stays testable without sleeping. Implementations: :class:`MemoryStateStore`
(one process) and :class:`SqliteStateStore` (WAL, several processes on one host); the
gateway adds Redis and PostgreSQL behind the same protocol.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "ApprovalRecord",
    "ApprovalStatus",
    "BucketResult",
    "StateStore",
]


@dataclass(frozen=True, slots=True)
class BucketResult:
    """The outcome of one :meth:`StateStore.take_token`."""

    allowed: bool
    remaining: float
    retry_after_s: float


class ApprovalStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class ApprovalRecord:
    """One human-approval request and, once resolved, who decided what and why.

    ``payload`` holds the masked tool call and the reasons (never raw secrets).
    """

    approval_id: str
    status: ApprovalStatus
    created_at: float
    expires_at: float
    agent: str
    tool: str
    session_id: str
    decision_id: str
    payload: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    resolved_at: float | None = None
    resolved_by: str | None = None
    reason: str | None = None

    def effective_status(self, now: float) -> ApprovalStatus:
        """A pending request past its deadline counts as expired (a timeout means deny)."""
        if self.status is ApprovalStatus.PENDING and now >= self.expires_at:
            return ApprovalStatus.EXPIRED
        return self.status

    def resolved(self, status: ApprovalStatus, by: str, reason: str, now: float) -> ApprovalRecord:
        return replace(self, status=status, resolved_by=by, reason=reason, resolved_at=now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "approval_id": self.approval_id,
            "status": self.status.value,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "agent": self.agent,
            "tool": self.tool,
            "session_id": self.session_id,
            "decision_id": self.decision_id,
            "payload": dict(self.payload),
            "resolved_at": self.resolved_at,
            "resolved_by": self.resolved_by,
            "reason": self.reason,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ApprovalRecord:
        return cls(
            approval_id=str(d["approval_id"]),
            status=ApprovalStatus(d["status"]),
            created_at=float(d["created_at"]),
            expires_at=float(d["expires_at"]),
            agent=str(d["agent"]),
            tool=str(d["tool"]),
            session_id=str(d["session_id"]),
            decision_id=str(d["decision_id"]),
            payload=MappingProxyType(dict(d.get("payload") or {})),
            resolved_at=None if d.get("resolved_at") is None else float(d["resolved_at"]),
            resolved_by=None if d.get("resolved_by") is None else str(d["resolved_by"]),
            reason=None if d.get("reason") is None else str(d["reason"]),
        )


@runtime_checkable
class StateStore(Protocol):
    """Small, async, atomic state operations shared by limits, tokens and approvals.

    Keys are opaque strings chosen by the caller (``"rl:agent:a1"``, ``"flag:quarantine:a1"``).
    """

    async def incr_window(self, key: str, window_s: float, now: float, amount: float = 1.0) -> float:
        """Add ``amount`` to a sliding-window counter and return the window's estimated total.

        The estimate weights the previous fixed window by how much of it still overlaps the
        sliding window (the usual two-bucket approximation).
        """
        ...

    async def take_token(
        self, key: str, rate_per_s: float, burst: float, now: float, cost: float = 1.0
    ) -> BucketResult:
        """Take ``cost`` tokens from a token bucket that refills at ``rate_per_s`` up to ``burst``."""
        ...

    async def incr(self, key: str, amount: float = 1.0) -> float:
        """Add to a plain counter (budgets) and return the new total."""
        ...

    async def get_counter(self, key: str) -> float: ...

    async def set_flag(self, key: str, value: str, now: float, ttl_s: float | None = None) -> None:
        """Set a flag (quarantine, revocation ...); ``ttl_s`` makes it expire."""
        ...

    async def get_flag(self, key: str, now: float) -> str | None: ...

    async def delete_flag(self, key: str) -> bool:
        """Remove a flag; True when it existed."""
        ...

    async def list_flags(self, prefix: str, now: float) -> dict[str, str]: ...

    async def put_approval(self, record: ApprovalRecord) -> None: ...

    async def get_approval(self, approval_id: str) -> ApprovalRecord | None: ...

    async def list_approvals(self, status: ApprovalStatus | None = None) -> list[ApprovalRecord]:
        """Records oldest first; ``status`` filters on the stored status."""
        ...

    async def resolve_approval(
        self, approval_id: str, status: ApprovalStatus, by: str, reason: str, now: float
    ) -> ApprovalRecord | None:
        """Atomically move a *pending* request to ``status``.

        Returns the updated record, or ``None`` when the request does not exist or was no
        longer pending (somebody else resolved it first). A pending request past its deadline
        can only be moved to ``expired``.
        """
        ...

    async def close(self) -> None: ...
