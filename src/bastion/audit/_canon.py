"""Canonical JSON, hashing, timestamps and correlation ids for the audit chain.

Canonical JSON here means: object keys sorted, no whitespace, UTF-8, the JSON that
``orjson`` writes with ``OPT_SORT_KEYS`` (floats in shortest round-trip form). Every
value that reaches the chain is checked first: only JSON types, ``str`` keys, finite
floats, 64-bit integers, bounded depth and size.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import orjson

from bastion.errors import InputError

__all__ = [
    "GENESIS_DOMAIN",
    "MAX_DEPTH",
    "canonical",
    "check_event_type",
    "check_json",
    "genesis_hash",
    "new_correlation_id",
    "parse_correlation_id",
    "sha256_hex",
    "utc_timestamp",
]

MAX_DEPTH = 32
GENESIS_DOMAIN = b"bastion-audit-genesis-v1:"

_TRACE_ID = re.compile(r"^[0-9a-f]{32}$")
_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$")
_EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")
_ZERO_ID = "0" * 32
_INT_MIN = -(2**63)
_INT_MAX = 2**64 - 1


def canonical(value: Any) -> bytes:
    """Canonical JSON bytes of an already checked value (sorted keys, compact, UTF-8)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def genesis_hash(log_id: str) -> str:
    """The ``_prev`` of a log's first record: binds the chain to the log's random id."""
    return sha256_hex(GENESIS_DOMAIN + log_id.encode("ascii"))


def utc_timestamp(now: datetime | None = None) -> str:
    """RFC 3339 UTC with microseconds, fixed width, so strings sort in time order."""
    dt = (now or datetime.now(UTC)).astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_correlation_id() -> str:
    """A fresh W3C trace id: 32 lowercase hex digits, never all zeros."""
    while True:
        tid = os.urandom(16).hex()
        if tid != _ZERO_ID:
            return tid


def parse_correlation_id(value: str) -> str:
    """Accept a W3C trace id (32 hex) or a whole ``traceparent`` header; return the trace id."""
    if not isinstance(value, str):
        raise InputError(f"correlation_id must be a str, not {type(value).__name__}")
    v = value.strip().lower()
    if _TRACE_ID.match(v):
        tid = v
    else:
        m = _TRACEPARENT.match(v)
        if m is None or m.group(1) == "ff":
            raise InputError(
                "correlation_id must be a W3C trace id (32 hex digits) or a traceparent header "
                "such as '00-<32 hex trace id>-<16 hex span id>-01'"
            )
        tid = m.group(2)
    if tid == "0" * 32:
        raise InputError("correlation_id must not be all zeros (invalid W3C trace id)")
    return tid


def check_event_type(event_type: str) -> str:
    if not isinstance(event_type, str) or not _EVENT_TYPE.match(event_type):
        raise InputError(
            f"event_type {event_type!r} is invalid: use 1-64 lowercase characters a-z, 0-9 and "
            "'._:-', starting with a letter (e.g. 'policy.decision')"
        )
    return event_type


def check_json(value: Any, *, what: str = "payload", max_bytes: int = 1 << 20) -> None:
    """Raise :class:`InputError` unless ``value`` is plain JSON that canonicalises safely."""
    _check(value, what, 0)
    size = len(canonical(value))
    if size > max_bytes:
        raise InputError(f"{what} is {size} bytes as JSON, over the {max_bytes}-byte limit; log less")


def _check(value: Any, path: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise InputError(f"{path}: nested deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int):
        if not _INT_MIN <= value <= _INT_MAX:
            raise InputError(f"{path}: integer {value} does not fit in 64 bits; log it as a string")
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{path}: NaN and infinity are not JSON; log them as strings")
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise InputError(f"{path}: key {k!r} must be a str, not {type(k).__name__}")
            _check(v, f"{path}.{k}", depth + 1)
        return
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check(v, f"{path}[{i}]", depth + 1)
        return
    raise InputError(f"{path}: {type(value).__name__} is not a JSON type (use dict, list, str, int, float, bool, None)")
