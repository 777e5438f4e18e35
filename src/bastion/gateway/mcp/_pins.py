"""Tool-definition pins: the SHA-256 of each tool's definition, first seen wins.

A changed definition (a rug pull) is detected against the pin until an operator
re-pins the tool (``bastion mcp pins reset``).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Protocol

from bastion.errors import StoreError

__all__ = ["MemoryPinStore", "PinStore", "SqlitePinStore"]


class PinStore(Protocol):
    async def get(self, server: str, tool: str) -> str | None: ...

    async def set(self, server: str, tool: str, digest: str) -> None: ...

    async def reset(self, server: str, tool: str | None = None) -> int: ...

    async def items(self) -> list[tuple[str, str, str]]: ...


class MemoryPinStore:
    def __init__(self) -> None:
        self._pins: dict[tuple[str, str], str] = {}

    async def get(self, server: str, tool: str) -> str | None:
        return self._pins.get((server, tool))

    async def set(self, server: str, tool: str, digest: str) -> None:
        self._pins.setdefault((server, tool), digest)

    async def reset(self, server: str, tool: str | None = None) -> int:
        keys = [k for k in self._pins if k[0] == server and (tool is None or k[1] == tool)]
        for k in keys:
            del self._pins[k]
        return len(keys)

    async def items(self) -> list[tuple[str, str, str]]:
        return sorted((s, t, d) for (s, t), d in self._pins.items())


class SqlitePinStore:
    """Pins persisted in a SQLite file (WAL), so a restart does not forget them."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS mcp_pins (server TEXT NOT NULL, tool TEXT NOT NULL, "
                "sha256 TEXT NOT NULL, pinned_at REAL NOT NULL, PRIMARY KEY (server, tool))"
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the MCP pin store {self.path}: {exc}") from None
        self._lock = asyncio.Lock()

    async def get(self, server: str, tool: str) -> str | None:
        async with self._lock:
            row = self._db.execute("SELECT sha256 FROM mcp_pins WHERE server=? AND tool=?", (server, tool)).fetchone()
        return None if row is None else str(row[0])

    async def set(self, server: str, tool: str, digest: str) -> None:
        async with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO mcp_pins (server, tool, sha256, pinned_at) VALUES (?, ?, ?, ?)",
                (server, tool, digest, time.time()),
            )

    async def reset(self, server: str, tool: str | None = None) -> int:
        async with self._lock:
            if tool is None:
                cur = self._db.execute("DELETE FROM mcp_pins WHERE server=?", (server,))
            else:
                cur = self._db.execute("DELETE FROM mcp_pins WHERE server=? AND tool=?", (server, tool))
        return int(cur.rowcount)

    async def items(self) -> list[tuple[str, str, str]]:
        async with self._lock:
            rows = self._db.execute("SELECT server, tool, sha256 FROM mcp_pins ORDER BY server, tool").fetchall()
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def close(self) -> None:
        self._db.close()
