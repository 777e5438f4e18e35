"""In-process :class:`StateStore`: dictionaries, safe within one event loop."""

from __future__ import annotations

import math

from bastion.state._base import ApprovalRecord, ApprovalStatus, BucketResult

__all__ = ["MemoryStateStore", "sliding_estimate"]


def sliding_estimate(prev: float, curr: float, window_s: float, now: float) -> float:
    """Two-bucket sliding-window estimate shared by every backend."""
    elapsed = (now % window_s) / window_s
    return curr + prev * (1.0 - elapsed)


class MemoryStateStore:
    """A :class:`~bastion.state.StateStore` held in memory (tests, single process).

    Every method runs without awaiting anything inside, so each is atomic with respect to
    other tasks on the same event loop.
    """

    def __init__(self) -> None:
        self._windows: dict[str, tuple[int, float, float]] = {}
        self._buckets: dict[str, tuple[float, float]] = {}
        self._counters: dict[str, float] = {}
        self._flags: dict[str, tuple[str, float | None]] = {}
        self._approvals: dict[str, ApprovalRecord] = {}

    async def incr_window(self, key: str, window_s: float, now: float, amount: float = 1.0) -> float:
        idx = math.floor(now / window_s)
        slot = self._windows.get(key)
        if slot is None or slot[0] < idx - 1:
            prev, curr = 0.0, 0.0
        elif slot[0] == idx - 1:
            prev, curr = slot[2], 0.0
        else:
            prev, curr = slot[1], slot[2]
        curr += amount
        self._windows[key] = (idx, prev, curr)
        return sliding_estimate(prev, curr, window_s, now)

    async def take_token(
        self, key: str, rate_per_s: float, burst: float, now: float, cost: float = 1.0
    ) -> BucketResult:
        tokens, ts = self._buckets.get(key, (burst, now))
        tokens = min(burst, tokens + max(0.0, now - ts) * rate_per_s)
        if tokens >= cost:
            tokens -= cost
            self._buckets[key] = (tokens, now)
            return BucketResult(True, tokens, 0.0)
        self._buckets[key] = (tokens, now)
        wait = (cost - tokens) / rate_per_s if rate_per_s > 0 else math.inf
        return BucketResult(False, tokens, wait)

    async def incr(self, key: str, amount: float = 1.0) -> float:
        value = self._counters.get(key, 0.0) + amount
        self._counters[key] = value
        return value

    async def get_counter(self, key: str) -> float:
        return self._counters.get(key, 0.0)

    async def set_flag(self, key: str, value: str, now: float, ttl_s: float | None = None) -> None:
        self._flags[key] = (value, None if ttl_s is None else now + ttl_s)

    async def get_flag(self, key: str, now: float) -> str | None:
        item = self._flags.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and now >= expires:
            del self._flags[key]
            return None
        return value

    async def delete_flag(self, key: str) -> bool:
        return self._flags.pop(key, None) is not None

    async def list_flags(self, prefix: str, now: float) -> dict[str, str]:
        out: dict[str, str] = {}
        for key in list(self._flags):
            if key.startswith(prefix):
                value = await self.get_flag(key, now)
                if value is not None:
                    out[key] = value
        return out

    async def put_approval(self, record: ApprovalRecord) -> None:
        self._approvals[record.approval_id] = record

    async def get_approval(self, approval_id: str) -> ApprovalRecord | None:
        return self._approvals.get(approval_id)

    async def list_approvals(self, status: ApprovalStatus | None = None) -> list[ApprovalRecord]:
        records = sorted(self._approvals.values(), key=lambda r: (r.created_at, r.approval_id))
        return [r for r in records if status is None or r.status is status]

    async def resolve_approval(
        self, approval_id: str, status: ApprovalStatus, by: str, reason: str, now: float
    ) -> ApprovalRecord | None:
        record = self._approvals.get(approval_id)
        if record is None or record.status is not ApprovalStatus.PENDING:
            return None
        if now >= record.expires_at and status is not ApprovalStatus.EXPIRED:
            return None
        updated = record.resolved(status, by, reason, now)
        self._approvals[approval_id] = updated
        return updated

    async def close(self) -> None:
        return None
