"""The official `mcp` SDK client → bastion's Streamable HTTP proxy → an SDK-built upstream server."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp", reason="the official mcp SDK is not installed (dev extra)")
import uvicorn
from mcp import Client

from bastion.gateway.mcp import HttpUpstream, McpGuard, create_mcp_app

UPSTREAM = str(Path(__file__).resolve().parents[1] / "gateway" / "mcp" / "http_upstream.py")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


@pytest.fixture(scope="module")
def proxy_url() -> Iterator[str]:
    up_port, px_port = _port(), _port()
    proc = subprocess.Popen([sys.executable, UPSTREAM, str(up_port)])
    try:
        _wait(up_port)
        app = create_mcp_app({"orders": (HttpUpstream(f"http://127.0.0.1:{up_port}/mcp"), McpGuard(server="orders"))})
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=px_port, log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        _wait(px_port)
        yield f"http://127.0.0.1:{px_port}/orders"
        server.should_exit = True
        thread.join(timeout=10)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _text(result: Any) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)


async def test_clean_call_passes(proxy_url: str) -> None:
    async with Client(proxy_url, mode="legacy") as c:
        assert [t.name for t in (await c.list_tools()).tools] == ["lookup"]
        result = await c.call_tool("lookup", {"order_id": "42"})
        assert "Order 42 shipped." in _text(result)


async def test_injected_result_blocked_over_sse(proxy_url: str) -> None:
    async with Client(proxy_url, mode="legacy") as c:
        await c.list_tools()
        result = await c.call_tool("lookup", {"order_id": "inject"})
        assert result.is_error
        assert "attacker@evil.example" not in _text(result)


async def test_secret_redacted_over_sse(proxy_url: str) -> None:
    async with Client(proxy_url, mode="legacy") as c:
        await c.list_tools()
        result = await c.call_tool("lookup", {"order_id": "secret"})
        assert "AKIAQ3EGRTYK5LNB7XWZ" not in _text(result)
        assert "Order 2 shipped." in _text(result)


async def test_garbage_and_unknown_server(proxy_url: str) -> None:
    import httpx

    base = proxy_url.rsplit("/", 1)[0]
    async with httpx.AsyncClient(trust_env=False) as h:
        r = await h.post(proxy_url, content=b"{not json", headers={"content-type": "application/json"})
        assert r.status_code == 400 and r.json()["error"]["code"] == -32700
        r = await h.post(base + "/nope", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        assert r.status_code == 404
        r = await h.post(proxy_url, json=[{"jsonrpc": "2.0", "id": 1, "method": "ping"}])
        assert r.status_code == 400
        assert "Traceback" not in r.text and "127.0.0.1" not in r.text
    await asyncio.sleep(0)
