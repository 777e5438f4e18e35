"""Window counters for per-key rate and token limits.

A :class:`Counter` adds ``amount`` to a named counter whose window starts at its first
hit and lasts ``window_s``; it returns the new total and the seconds left in the window.
A request is admitted while the total stays within the limit. Because the increment and
the read are one atomic step (one dict operation here, one Lua script in Redis), replicas
sharing a Redis counter admit exactly ``limit`` requests per window between them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Counter", "LimitResult", "MemoryCounter", "check_limit"]


class Counter(Protocol):
    async def incr(self, key: str, amount: int, window_s: float) -> tuple[int, float]:
        """Add ``amount``; return (total in the current window, seconds until it resets)."""
        ...


@dataclass(frozen=True, slots=True)
class LimitResult:
    allowed: bool
    limit: int
    used: int
    reset_s: float

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)


async def check_limit(
    counter: Counter, key: str, limit: int, *, amount: int = 1, window_s: float = 60.0
) -> LimitResult:
    used, reset = await counter.incr(key, amount, window_s)
    return LimitResult(allowed=used <= limit, limit=limit, used=used, reset_s=reset)


class MemoryCounter:
    """In-process counters (the embedded default; exact within one process only)."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000) -> None:
        self._clock = clock
        self._max = max_keys
        self._windows: dict[str, tuple[float, int]] = {}

    async def incr(self, key: str, amount: int, window_s: float) -> tuple[int, float]:
        now = self._clock()
        start, total = self._windows.get(key, (now, 0))
        if now - start >= window_s:
            start, total = now, 0
        total += amount
        if len(self._windows) >= self._max and key not in self._windows:
            self._evict(now, window_s)
        self._windows[key] = (start, total)
        return total, max(0.0, window_s - (now - start))

    def _evict(self, now: float, window_s: float) -> None:
        stale = [k for k, (s, _) in self._windows.items() if now - s >= window_s]
        for k in stale:
            del self._windows[k]
