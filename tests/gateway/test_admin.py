"""The admin API: closed without a token, keys and approvals with one, metrics without text."""

from __future__ import annotations

from typing import Any

import httpx

from tests.gateway.conftest import SECRET, chat_body, completion, json_handler, tool_call

ADMIN = "admin-token-for-tests-0123456789"
FIREWALL = {"policies": {"default": {"tools": {"allow": ["lookup"], "approve": ["refund"]}}}}


def admin_client(h: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=h.gw.admin_app()), base_url="http://admin")


async def test_admin_is_closed_without_a_token(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion("x")))
    async with admin_client(h) as c:
        r = await c.get("/admin/keys", headers={"authorization": "Bearer anything"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "admin_disabled"


async def test_admin_rejects_a_wrong_token(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion("x")), admin_token=ADMIN)
    async with admin_client(h) as c:
        for hdr in ({}, {"authorization": "Bearer nope"}, {"authorization": ADMIN}):
            assert (await c.get("/admin/keys", headers=hdr)).status_code == 401


async def test_keys_through_the_admin_api(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion("x")), admin_token=ADMIN)
    auth = {"authorization": f"Bearer {ADMIN}"}
    async with admin_client(h) as c:
        r = await c.post("/admin/keys", json={"name": "ops-bot", "rpm": 5, "expires": "1d"}, headers=auth)
        assert r.status_code == 201
        token = r.json()["key"]
        listed = (await c.get("/admin/keys", headers=auth)).json()["data"]
        assert "ops-bot" in [k["name"] for k in listed]
        assert token not in (await c.get("/admin/keys", headers=auth)).text
        assert (await h.chat(chat_body(), key=token)).status_code == 200
        assert (await c.post("/admin/keys/ops-bot/revoke", headers=auth)).status_code == 200
        assert (await c.post("/admin/keys/ghost/revoke", headers=auth)).status_code == 404
        bad = await c.post("/admin/keys", json={"name": "x", "rpm": "many"}, headers=auth)
        assert bad.status_code == 400 and bad.json()["error"]["param"] == "rpm"
    assert (await h.chat(chat_body(), key=token)).status_code == 401
    assert [e["event"] for e in h.audit.events if e["event"].startswith("admin.")] == [
        "admin.key_created",
        "admin.key_revoked",
    ]


async def test_approvals_through_the_admin_api(make_harness: Any) -> None:
    call = tool_call("refund", {"order": 1})
    h = await make_harness(
        json_handler(completion(None, tool_calls=[call], finish="tool_calls")), FIREWALL, admin_token=ADMIN
    )
    auth = {"authorization": f"Bearer {ADMIN}"}
    r = await h.chat(chat_body())
    assert "held for human approval" in r.json()["choices"][0]["message"]["content"]
    async with admin_client(h) as c:
        pending = (await c.get("/admin/approvals", headers=auth)).json()["data"]
        assert [(a["tool"], a["status"]) for a in pending] == [("refund", "pending")]
        bad = await c.post(f"/admin/approvals/{pending[0]['id']}", json={"decision": "maybe"}, headers=auth)
        assert bad.status_code == 400
        ok = await c.post(f"/admin/approvals/{pending[0]['id']}", json={"decision": "approve"}, headers=auth)
        assert ok.status_code == 200 and ok.json()["status"] == "approved"
        again = await c.post(f"/admin/approvals/{pending[0]['id']}", json={"decision": "deny"}, headers=auth)
        assert again.status_code == 404
    r = await h.chat(chat_body())
    assert r.json()["choices"][0]["message"]["tool_calls"] == [call]


async def test_metrics_count_without_leaking(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion(f"k {SECRET}")))
    await h.chat(chat_body())
    await h.chat(b"{bad")
    async with admin_client(h) as c:
        text = (await c.get("/metrics")).text
        assert (await c.get("/healthz")).json() == {"status": "ok"}
    assert 'bastion_requests_total{route="/v1/chat/completions",status="200"} 1' in text
    assert 'bastion_requests_total{route="/v1/chat/completions",status="400"} 1' in text
    assert 'bastion_decisions_total{action="redact",surface="response"} 1' in text
    assert "bastion_overhead_ms_count" in text
    assert SECRET not in text and h.key not in text
