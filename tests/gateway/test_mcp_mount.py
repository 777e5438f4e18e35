"""Apps mounted on the data plane (the MCP proxy under /mcp): keys and limits apply first."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.gateway.conftest import completion, json_handler


async def echo_state(request: Request) -> JSONResponse:
    state = request.scope.get("state") or {}
    return JSONResponse({"key_id": state.get("key_id"), "path": request.url.path})


def inner() -> Starlette:
    return Starlette(routes=[Route("/{server}", echo_state, methods=["POST"])])


async def test_mounted_app_needs_a_key_and_learns_its_id(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion("x")), rpm=2)
    h.gw.mount("/mcp", inner())
    async with h.client() as c:
        r = await c.post("/mcp/time", json={})
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"
        hdr = {"authorization": f"Bearer {h.key}"}
        r = await c.post("/mcp/time", json={}, headers=hdr)
        assert r.status_code == 200
        stored = await h.keys.list()
        assert r.json()["key_id"] == stored[0].key_id
        await c.post("/mcp/time", json={}, headers=hdr)
        r = await c.post("/mcp/time", json={}, headers=hdr)
        assert r.status_code == 429  # the key's rate limit covers MCP traffic too
    assert [e["status"] for e in h.audit.events] == [401, 429]


@pytest.mark.slow
async def test_config_mcp_servers_are_mounted_by_build_gateway(tmp_path: Any) -> None:
    from bastion.config import BastionConfig
    from bastion.gateway import build_gateway, mint_key

    cfg = BastionConfig.model_validate(
        {
            "mcp_servers": [{"name": "time", "url": "http://127.0.0.1:9/mcp", "denied_tools": ["rm"]}],
            "stores": {"state": "memory", "audit": "off"},
            "inspection": {"classifier": False},
        }
    )
    gw, res = await build_gateway(cfg)
    token, rec = mint_key("k")
    await gw.keys.put(rec)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=gw.app()), base_url="http://gw") as c:
        assert (await c.post("/mcp/time", content=b"{}")).status_code == 401
        r = await c.post("/mcp/time", content=b"{not json", headers={"authorization": f"Bearer {token}"})
        assert r.status_code == 400 and r.json()["error"]["code"] == -32700  # answered by the MCP proxy
    await gw.aclose()
    await res.aclose()
