"""The official `mcp` SDK as a client, through `bastion mcp proxy`, to real and fake stdio servers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

mcp = pytest.importorskip("mcp", reason="the official mcp SDK is not installed (dev extra)")
from mcp import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

BASTION = str(Path(sys.executable).parent / "bastion")
FAKE = str(Path(__file__).resolve().parents[1] / "gateway" / "mcp" / "fake_server.py")


def _params(tmp_path: Path, server: list[str], *extra: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=BASTION, args=["mcp", "proxy", "--pins", str(tmp_path / "pins.db"), *extra, "--", *server]
    )


def _text(result: Any) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)


@pytest.mark.skipif(importlib.util.find_spec("mcp_server_time") is None, reason="mcp-server-time not installed")
@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_reference_time_server_through_proxy(tmp_path: Path, mode: str) -> None:
    async with Client(_params(tmp_path, [sys.executable, "-m", "mcp_server_time"]), mode=mode) as c:  # type: ignore[arg-type]
        tools = [t.name for t in (await c.list_tools()).tools]
        assert "get_current_time" in tools
        result = await c.call_tool("get_current_time", {"timezone": "Europe/Berlin"})
        assert not result.is_error
        assert "Europe/Berlin" in _text(result)


async def test_poisoned_tool_is_hidden_from_the_real_client(tmp_path: Path) -> None:
    async with Client(_params(tmp_path, [sys.executable, FAKE, "poisoned"]), mode="legacy") as c:
        tools = [t.name for t in (await c.list_tools()).tools]
        assert tools == ["lookup"]
        refused = await c.call_tool("notes", {})
        assert refused.is_error
        assert "bastion refused" in _text(refused)


async def test_injected_tool_result_never_reaches_the_client(tmp_path: Path) -> None:
    async with Client(_params(tmp_path, [sys.executable, FAKE, "injecting"]), mode="legacy") as c:
        await c.list_tools()
        result = await c.call_tool("lookup", {"order_id": "7"})
        assert result.is_error
        assert "attacker@evil.example" not in _text(result)
        assert "withheld" in _text(result)


async def test_secret_in_tool_result_is_redacted(tmp_path: Path) -> None:
    async with Client(_params(tmp_path, [sys.executable, FAKE, "secret"]), mode="legacy") as c:
        await c.list_tools()
        result = await c.call_tool("lookup", {"order_id": "7"})
        assert "AKIAQ3EGRTYK5LNB7XWZ" not in _text(result)
        assert "order 7 shipped" in _text(result)


async def test_rug_pull_is_caught_on_relist(tmp_path: Path) -> None:
    async with Client(_params(tmp_path, [sys.executable, FAKE, "rugpull"]), mode="legacy") as c:
        assert [t.name for t in (await c.list_tools()).tools] == ["lookup"]
        assert [t.name for t in (await c.list_tools()).tools] == []
        refused = await c.call_tool("lookup", {"order_id": "1"})
        assert refused.is_error and "rug pull" in _text(refused)
