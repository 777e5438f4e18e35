"""API keys: created once, shown once, stored as a SHA-256 digest, compared in constant time.

A key reads ``bst_<id>_<secret>``: ``id`` (12 lowercase base32 characters) is public and
used to look the record up; ``secret`` is 256 random bits. Only ``sha256(key)`` is stored.
A plain hash is enough here (unlike passwords) because the secret is uniformly random and
far too long to guess; the comparison uses :func:`hmac.compare_digest`, and an unknown id
still costs one comparison so timing does not reveal which ids exist.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, Protocol

import orjson

from bastion.errors import InputError, StoreError

__all__ = [
    "ApiKey",
    "KeyCheck",
    "KeyStore",
    "MemoryKeyStore",
    "SqliteKeyStore",
    "check_key",
    "mint_key",
    "parse_duration",
    "revoke",
]

_KEY_RE = re.compile(r"^bst_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$")
_DUMMY_DIGEST = hashlib.sha256(b"bastion-dummy-key").hexdigest()
_NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


@dataclass(frozen=True, slots=True)
class ApiKey:
    """The stored record of one key (never the key itself)."""

    key_id: str
    name: str
    digest: str
    created_at: float
    expires_at: float | None = None
    revoked: bool = False
    rpm: int | None = None
    tpm: int | None = None
    policy: str = "default"

    def public(self) -> dict[str, object]:
        """A view safe to print or return from the admin API (no digest)."""
        return {
            "id": self.key_id,
            "name": self.name,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "revoked": self.revoked,
            "rpm": self.rpm,
            "tpm": self.tpm,
            "policy": self.policy,
        }

    def to_json(self) -> bytes:
        return orjson.dumps({**self.public(), "digest": self.digest})

    @staticmethod
    def from_json(data: bytes | str) -> ApiKey:
        d: dict[str, Any] = orjson.loads(data)
        return ApiKey(
            key_id=str(d["id"]),
            name=str(d["name"]),
            digest=str(d["digest"]),
            created_at=float(d["created_at"]),
            expires_at=None if d.get("expires_at") is None else float(d["expires_at"]),
            revoked=bool(d.get("revoked", False)),
            rpm=None if d.get("rpm") is None else int(d["rpm"]),
            tpm=None if d.get("tpm") is None else int(d["tpm"]),
            policy=str(d.get("policy") or "default"),
        )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def mint_key(
    name: str,
    *,
    rpm: int | None = None,
    tpm: int | None = None,
    expires_in_s: float | None = None,
    policy: str = "default",
    now: float | None = None,
) -> tuple[str, ApiKey]:
    """Make a new key. Returns ``(secret key to show once, record to store)``."""
    if not _NAME_RE.match(name):
        raise InputError("key name must be 1-64 characters of letters, digits, '_', '.', '@' or '-'")
    if rpm is not None and rpm < 1:
        raise InputError("--rpm must be at least 1")
    if tpm is not None and tpm < 1:
        raise InputError("--tpm must be at least 1")
    key_id = base64.b32encode(secrets.token_bytes(10)).decode("ascii").lower()[:12]
    secret = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")
    token = f"bst_{key_id}_{secret}"
    created = time.time() if now is None else now
    record = ApiKey(
        key_id=key_id,
        name=name,
        digest=_digest(token),
        created_at=created,
        expires_at=None if expires_in_s is None else created + expires_in_s,
        rpm=rpm,
        tpm=tpm,
        policy=policy,
    )
    return token, record


_DURATION_RE = re.compile(r"^\s*(\d+)\s*([smhdw]?)\s*$")
_UNITS = {"": 86400, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> float:
    """``30d``, ``12h``, ``90m``, ``45s``, ``2w`` (a bare number means days) to seconds."""
    m = _DURATION_RE.match(text)
    if not m or int(m.group(1)) == 0:
        raise InputError(f"invalid duration {text!r}: use a positive number with s, m, h, d or w (e.g. 30d)")
    return float(int(m.group(1)) * _UNITS[m.group(2)])


class KeyStore(Protocol):
    """Where key records live (memory, SQLite, Redis)."""

    async def put(self, key: ApiKey) -> None: ...

    async def get(self, key_id: str) -> ApiKey | None: ...

    async def list(self) -> list[ApiKey]: ...


@dataclass(frozen=True, slots=True)
class KeyCheck:
    """The outcome of checking a presented key."""

    status: Literal["ok", "missing", "malformed", "unknown", "expired", "revoked"]
    key: ApiKey | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


async def check_key(store: KeyStore, presented: str | None, *, now: float | None = None) -> KeyCheck:
    """Check a presented key in constant time against its stored digest."""
    if not presented:
        return KeyCheck("missing")
    m = _KEY_RE.match(presented)
    if m is None:
        hmac.compare_digest(_DUMMY_DIGEST, _DUMMY_DIGEST)
        return KeyCheck("malformed")
    record = await store.get(m.group(1))
    stored = record.digest if record is not None else _DUMMY_DIGEST
    matches = hmac.compare_digest(stored, _digest(presented))
    if record is None or not matches:
        return KeyCheck("unknown")
    if record.revoked:
        return KeyCheck("revoked", record)
    if record.expires_at is not None and (time.time() if now is None else now) >= record.expires_at:
        return KeyCheck("expired", record)
    return KeyCheck("ok", record)


async def revoke(store: KeyStore, ident: str) -> ApiKey | None:
    """Revoke by id or by name (every key with that name). Returns the last key revoked."""
    done: ApiKey | None = None
    for key in await store.list():
        if key.key_id == ident or key.name == ident:
            done = replace(key, revoked=True)
            await store.put(done)
    return done


class MemoryKeyStore:
    """Keys in a dict (tests, single process)."""

    def __init__(self) -> None:
        self._keys: dict[str, ApiKey] = {}

    async def put(self, key: ApiKey) -> None:
        self._keys[key.key_id] = key

    async def get(self, key_id: str) -> ApiKey | None:
        return self._keys.get(key_id)

    async def list(self) -> list[ApiKey]:
        return sorted(self._keys.values(), key=lambda k: k.created_at)


class SqliteKeyStore:
    """Keys in a SQLite file (the embedded default). Lookups are cached for ``cache_ttl_s``
    (default 1 s), so a revocation takes effect within that time in every process."""

    def __init__(
        self, path: str | Path, *, cache_ttl_s: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._path = str(path)
        if self._path != ":memory:":
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._ttl = cache_ttl_s
        self._clock = clock
        self._cache: dict[str, tuple[float, ApiKey | None]] = {}
        try:
            self._db = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.execute("CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, record BLOB NOT NULL)")
        except sqlite3.Error as exc:
            raise StoreError(
                f"key store {self._path}: cannot open ({type(exc).__name__}); check the path and permissions"
            ) from None

    def _run(self, sql: str, args: tuple[object, ...]) -> list[Any]:
        try:
            with self._lock:
                return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"key store: query failed ({type(exc).__name__})") from None

    async def put(self, key: ApiKey) -> None:
        self._run("INSERT OR REPLACE INTO api_keys (id, record) VALUES (?, ?)", (key.key_id, key.to_json()))
        self._cache.pop(key.key_id, None)

    async def get(self, key_id: str) -> ApiKey | None:
        now = self._clock()
        hit = self._cache.get(key_id)
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        rows = self._run("SELECT record FROM api_keys WHERE id = ?", (key_id,))
        key = ApiKey.from_json(rows[0][0]) if rows else None
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[key_id] = (now, key)
        return key

    async def list(self) -> list[ApiKey]:
        rows = self._run("SELECT record FROM api_keys", ())
        return sorted((ApiKey.from_json(r[0]) for r in rows), key=lambda k: k.created_at)

    def close(self) -> None:
        with self._lock:
            self._db.close()
