"""Redis behind the :class:`~bastion.state.StateStore` protocol, for several gateway replicas.

Every read-modify-write is one Lua script, so it runs atomically on the Redis server and
replicas sharing the server see one consistent state:

* :class:`RedisStateStore`: sliding-window counters, token buckets, plain counters, flags
  with expiry (native ``PX``), and approval records (a hash plus a sorted index; resolving
  a pending approval is a compare-and-set in Lua, so two operators cannot both win).
* :class:`RedisCounter`: the gateway's exact per-key window counters: ``INCRBY`` plus
  ``PEXPIRE`` on the first hit. N replicas behind a 100/min limit admit exactly 100 requests
  per window between them.

The caller passes a ``redis.asyncio`` client (configuration flows in through constructors);
every Redis failure becomes a :class:`~bastion.errors.StoreError` naming the operation only.
"""

from __future__ import annotations

import math
from typing import Any

from redis.exceptions import RedisError

from bastion.errors import StoreError
from bastion.gateway._keys import ApiKey
from bastion.state._base import ApprovalRecord, ApprovalStatus, BucketResult

_ERRORS = (RedisError, OSError, ValueError, TypeError)

__all__ = ["RedisCounter", "RedisKeyStore", "RedisStateStore", "connect"]

_FIXED_WINDOW = """
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {total, ttl}
"""

# KEYS[1] window hash; ARGV: idx, amount, ttl_ms  -> {prev, curr} as strings
_SLIDING = """
local idx = tonumber(ARGV[1])
local cur = redis.call('HMGET', KEYS[1], 'idx', 'prev', 'curr')
local prev, curr = 0, 0
if cur[1] then
  local sidx = tonumber(cur[1])
  if sidx == idx - 1 then
    prev = tonumber(cur[3])
  elseif sidx == idx then
    prev = tonumber(cur[2]); curr = tonumber(cur[3])
  end
end
curr = curr + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'idx', idx, 'prev', tostring(prev), 'curr', tostring(curr))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {tostring(prev), tostring(curr)}
"""

# KEYS[1] bucket hash; ARGV: rate, burst, now, cost -> {allowed, tokens}
_BUCKET = """
local rate, burst, now, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local cur = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens, ts = burst, now
if cur[1] then tokens = tonumber(cur[1]); ts = tonumber(cur[2]) end
local dt = now - ts
if dt < 0 then dt = 0 end
tokens = math.min(burst, tokens + dt * rate)
local allowed = 0
if tokens >= cost then tokens = tokens - cost; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
return {allowed, tostring(tokens)}
"""

# KEYS[1] approvals hash, KEYS[2] index zset; ARGV: id, new_body_if_pending... resolved in Python? No: CAS.
# ARGV: id, expected_body, new_body, new_status
_RESOLVE = """
local body = redis.call('HGET', KEYS[1], ARGV[1])
if not body or body ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
return 1
"""


def connect(url: str, *, max_connections: int = 64, timeout_s: float = 2.0) -> Any:
    """A ``redis.asyncio`` client with a bounded, blocking pool: a burst of requests waits
    for one of ``max_connections`` connections instead of opening hundreds at once."""
    import redis.asyncio as aioredis

    pool = aioredis.BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=timeout_s,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
    )
    return aioredis.Redis.from_pool(pool)  # closing the client closes the pool


def _fail(op: str, exc: BaseException) -> StoreError:
    return StoreError(f"state store (redis) operation {op!r} failed: {type(exc).__name__}")


class RedisCounter:
    """Atomic fixed-window counters (the window starts at the first hit) for the gateway."""

    def __init__(self, client: Any, *, prefix: str = "bastion:limit:") -> None:
        self._r = client
        self._prefix = prefix
        self._script = client.register_script(_FIXED_WINDOW)

    async def incr(self, key: str, amount: int, window_s: float) -> tuple[int, float]:
        try:
            total, ttl_ms = await self._script(keys=[self._prefix + key], args=[int(amount), int(window_s * 1000)])
        except _ERRORS as exc:
            raise _fail("incr", exc) from None
        return int(total), max(0.0, int(ttl_ms) / 1000.0)


class RedisStateStore:
    """A :class:`~bastion.state.StateStore` on Redis (shared by every replica)."""

    def __init__(self, client: Any, *, prefix: str = "bastion:") -> None:
        self._r = client
        self._p = prefix
        self._sliding = client.register_script(_SLIDING)
        self._bucket = client.register_script(_BUCKET)
        self._resolve = client.register_script(_RESOLVE)

    # -- counters -------------------------------------------------------------------------
    async def incr_window(self, key: str, window_s: float, now: float, amount: float = 1.0) -> float:
        from bastion.state._memory import sliding_estimate

        idx = math.floor(now / window_s)
        try:
            prev, curr = await self._sliding(
                keys=[f"{self._p}win:{key}"], args=[idx, repr(float(amount)), int(window_s * 2000) + 1000]
            )
        except _ERRORS as exc:
            raise _fail("incr_window", exc) from None
        return sliding_estimate(float(prev), float(curr), window_s, now)

    async def take_token(
        self, key: str, rate_per_s: float, burst: float, now: float, cost: float = 1.0
    ) -> BucketResult:
        try:
            allowed, tokens_s = await self._bucket(
                keys=[f"{self._p}bucket:{key}"],
                args=[repr(float(rate_per_s)), repr(float(burst)), repr(now), repr(float(cost))],
            )
        except _ERRORS as exc:
            raise _fail("take_token", exc) from None
        tokens = float(tokens_s)
        if int(allowed):
            return BucketResult(True, tokens, 0.0)
        wait = (cost - tokens) / rate_per_s if rate_per_s > 0 else math.inf
        return BucketResult(False, tokens, wait)

    async def incr(self, key: str, amount: float = 1.0) -> float:
        try:
            return float(await self._r.incrbyfloat(f"{self._p}ctr:{key}", float(amount)))
        except _ERRORS as exc:
            raise _fail("incr", exc) from None

    async def get_counter(self, key: str) -> float:
        try:
            raw = await self._r.get(f"{self._p}ctr:{key}")
        except _ERRORS as exc:
            raise _fail("get_counter", exc) from None
        return 0.0 if raw is None else float(raw)

    # -- flags ------------------------------------------------------------------------------
    async def set_flag(self, key: str, value: str, now: float, ttl_s: float | None = None) -> None:
        try:
            if ttl_s is None:
                await self._r.set(f"{self._p}flag:{key}", value)
            else:
                await self._r.set(f"{self._p}flag:{key}", value, px=max(1, int(ttl_s * 1000)))
        except _ERRORS as exc:
            raise _fail("set_flag", exc) from None

    async def get_flag(self, key: str, now: float) -> str | None:
        try:
            raw = await self._r.get(f"{self._p}flag:{key}")
        except _ERRORS as exc:
            raise _fail("get_flag", exc) from None
        return None if raw is None else (raw.decode() if isinstance(raw, bytes) else str(raw))

    async def delete_flag(self, key: str) -> bool:
        try:
            return int(await self._r.delete(f"{self._p}flag:{key}")) > 0
        except _ERRORS as exc:
            raise _fail("delete_flag", exc) from None

    async def list_flags(self, prefix: str, now: float) -> dict[str, str]:
        base = f"{self._p}flag:"
        out: dict[str, str] = {}
        try:
            async for name in self._r.scan_iter(match=base + _glob_escape(prefix) + "*", count=500):
                raw = await self._r.get(name)
                if raw is not None:
                    k = name.decode() if isinstance(name, bytes) else str(name)
                    out[k[len(base) :]] = raw.decode() if isinstance(raw, bytes) else str(raw)
        except _ERRORS as exc:
            raise _fail("list_flags", exc) from None
        return dict(sorted(out.items()))

    # -- approvals ----------------------------------------------------------------------------
    async def put_approval(self, record: ApprovalRecord) -> None:
        try:
            pipe = self._r.pipeline(transaction=True)
            pipe.hset(f"{self._p}approvals", record.approval_id, record.to_json())
            pipe.hset(f"{self._p}approval_status", record.approval_id, record.status.value)
            pipe.zadd(f"{self._p}approval_index", {record.approval_id: record.created_at})
            await pipe.execute()
        except _ERRORS as exc:
            raise _fail("put_approval", exc) from None

    async def get_approval(self, approval_id: str) -> ApprovalRecord | None:
        try:
            raw = await self._r.hget(f"{self._p}approvals", approval_id)
        except _ERRORS as exc:
            raise _fail("get_approval", exc) from None
        return None if raw is None else ApprovalRecord.from_dict(_loads(raw))

    async def list_approvals(self, status: ApprovalStatus | None = None) -> list[ApprovalRecord]:
        try:
            ids = await self._r.zrange(f"{self._p}approval_index", 0, -1)
            if not ids:
                return []
            bodies = await self._r.hmget(f"{self._p}approvals", ids)
        except _ERRORS as exc:
            raise _fail("list_approvals", exc) from None
        records = [ApprovalRecord.from_dict(_loads(b)) for b in bodies if b is not None]
        records.sort(key=lambda r: (r.created_at, r.approval_id))
        return [r for r in records if status is None or r.status is status]

    async def resolve_approval(
        self, approval_id: str, status: ApprovalStatus, by: str, reason: str, now: float
    ) -> ApprovalRecord | None:
        for _ in range(8):  # compare-and-set; retried only if another writer changed the record
            current_raw = None
            try:
                current_raw = await self._r.hget(f"{self._p}approvals", approval_id)
            except _ERRORS as exc:
                raise _fail("resolve_approval", exc) from None
            if current_raw is None:
                return None
            record = ApprovalRecord.from_dict(_loads(current_raw))
            if record.status is not ApprovalStatus.PENDING:
                return None
            if now >= record.expires_at and status is not ApprovalStatus.EXPIRED:
                return None
            updated = record.resolved(status, by, reason, now)
            try:
                ok = await self._resolve(
                    keys=[f"{self._p}approvals", f"{self._p}approval_index", f"{self._p}approval_status"],
                    args=[approval_id, current_raw, updated.to_json(), updated.status.value],
                )
            except _ERRORS as exc:
                raise _fail("resolve_approval", exc) from None
            if int(ok):
                return updated
        return None

    async def close(self) -> None:
        try:
            await self._r.aclose()
        except _ERRORS as exc:
            raise _fail("close", exc) from None


def _loads(raw: Any) -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(raw.decode() if isinstance(raw, bytes) else str(raw))
    return data


def _glob_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "*?[]\\":
            out.append("\\")
        out.append(ch)
    return "".join(out)


class RedisKeyStore:
    """Keys in Redis, shared by every replica (``redis.asyncio`` client passed in)."""

    def __init__(self, client: Any, *, prefix: str = "bastion:key:") -> None:
        self._r = client
        self._prefix = prefix

    async def put(self, key: ApiKey) -> None:
        try:
            await self._r.set(self._prefix + key.key_id, key.to_json())
        except _ERRORS as exc:
            raise StoreError(f"key store (redis): write failed ({type(exc).__name__})") from None

    async def get(self, key_id: str) -> ApiKey | None:
        try:
            raw = await self._r.get(self._prefix + key_id)
        except _ERRORS as exc:
            raise StoreError(f"key store (redis): read failed ({type(exc).__name__})") from None
        return None if raw is None else ApiKey.from_json(raw)

    async def list(self) -> list[ApiKey]:
        out: list[ApiKey] = []
        try:
            async for name in self._r.scan_iter(match=self._prefix + "*", count=500):
                raw = await self._r.get(name)
                if raw is not None:
                    out.append(ApiKey.from_json(raw))
        except _ERRORS as exc:
            raise StoreError(f"key store (redis): scan failed ({type(exc).__name__})") from None
        return sorted(out, key=lambda k: k.created_at)
