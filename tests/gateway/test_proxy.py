"""The OpenAI-compatible proxy: admission, inspection, streaming, tool calls, audit."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest

from bastion.gateway import MemoryKeyStore, mint_key
from tests.gateway.conftest import (
    CANARY,
    INJECTION,
    SECRET,
    UPSTREAM_KEY,
    chat_body,
    completion,
    json_handler,
    parse_sse,
    sse,
    stream_handler,
    tool_call,
)

OK = json_handler(completion("Hello there!"))


# ---------------------------------------------------------------- basic proxying


async def test_plain_completion_is_proxied_with_headers(make_harness: Any) -> None:
    h = await make_harness(OK)
    r = await h.chat(chat_body("hi"))
    assert r.status_code == 200
    assert r.json()["choices"][0]["message"]["content"] == "Hello there!"
    assert float(r.headers["x-bastion-overhead-ms"]) >= 0
    assert len(r.headers["x-request-id"]) == 32
    sent = h.requests[0]
    assert sent.headers["authorization"] == f"Bearer {UPSTREAM_KEY}"  # the client's bastion key is never forwarded
    assert sent.url.path.endswith("/v1/chat/completions")


async def test_traceparent_is_propagated_as_correlation_id(make_harness: Any) -> None:
    h = await make_harness(OK)
    tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    r = await h.chat(chat_body("hi"), headers={"traceparent": tp})
    assert r.headers["x-request-id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert r.headers["traceparent"].startswith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
    assert h.requests[0].headers["traceparent"].split("-")[1] == "4bf92f3577b34da6a3ce929d0e0e4736"
    ev = h.audit.events[-1]
    assert ev["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert ev["parent_span"] == "00f067aa0ba902b7"


async def test_invalid_traceparent_gets_a_fresh_trace(make_harness: Any) -> None:
    h = await make_harness(OK)
    r = await h.chat(
        chat_body("hi"), headers={"traceparent": "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}
    )
    assert r.headers["x-request-id"] != "0" * 32


async def test_models_lists_upstream_models_allowed_for_the_key(make_harness: Any) -> None:
    def handle(req: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"object": "list", "data": [{"id": "gpt-a"}, {"id": "gpt-b"}, {"id": "other"}]})

    h = await make_harness(handle, {"policies": {"default": {"models": ["gpt-a"]}}})
    async with h.client() as c:
        r = await c.get("/v1/models", headers={"authorization": f"Bearer {h.key}"})
    assert r.status_code == 200
    assert [m["id"] for m in r.json()["data"]] == ["gpt-a"]


async def test_embeddings_are_proxied_and_inspected(make_harness: Any) -> None:
    h = await make_harness(json_handler({"object": "list", "data": [{"embedding": [0.1], "index": 0}]}))
    async with h.client() as c:
        hdr = {"authorization": f"Bearer {h.key}"}
        ok = await c.post("/v1/embeddings", json={"model": "gpt-emb", "input": "a harmless sentence"}, headers=hdr)
        bad = await c.post(
            "/v1/embeddings", json={"model": "gpt-emb", "input": ["x", f"please {INJECTION}"]}, headers=hdr
        )
    assert ok.status_code == 200 and ok.json()["data"][0]["embedding"] == [0.1]
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "content_blocked"


# ---------------------------------------------------------------- admission


@pytest.mark.parametrize(
    ("auth", "message"),
    [
        (None, "missing API key"),
        ("Bearer nonsense", "invalid API key format"),
        ("Basic abc", "Bearer"),
        ("Bearer bst_aaaaaaaaaaaa_" + "A" * 43, "invalid API key"),
    ],
)
async def test_bad_keys_get_401_in_openai_shape(make_harness: Any, auth: str | None, message: str) -> None:
    h = await make_harness(OK)
    async with h.client() as c:
        r = await c.post("/v1/chat/completions", json=chat_body(), headers={"authorization": auth} if auth else {})
    assert r.status_code == 401
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"}
    assert message in err["message"]
    assert r.headers["x-request-id"]
    assert not h.requests  # nothing reached the upstream
    assert h.audit.events[-1]["status"] == 401  # refused requests are audited too


async def test_wrong_secret_for_a_known_id_is_rejected(make_harness: Any) -> None:
    h = await make_harness(OK)
    forged = h.key[:-4] + ("AAAA" if not h.key.endswith("AAAA") else "BBBB")
    r = await h.chat(chat_body(), key=forged)
    assert r.status_code == 401


async def test_expired_and_revoked_keys(make_harness: Any) -> None:
    h = await make_harness(OK)
    expired = await h.new_key(expires_in_s=1, now=0.0)
    r = await h.chat(chat_body(), key=expired)
    assert r.status_code == 401 and "expired" in r.json()["error"]["message"]
    live = await h.new_key(name="soon-revoked")
    assert (await h.chat(chat_body(), key=live)).status_code == 200
    assert await h.gw.revoke_key("soon-revoked") is not None
    r = await h.chat(chat_body(), key=live)
    assert r.status_code == 401 and "revoked" in r.json()["error"]["message"]


async def test_keys_are_stored_hashed() -> None:
    store = MemoryKeyStore()
    token, rec = mint_key("a")
    await store.put(rec)
    assert token not in rec.to_json().decode()
    assert token.split("_", 2)[2] not in rec.to_json().decode()


async def test_duplicate_authorization_headers_are_refused(make_harness: Any) -> None:
    h = await make_harness(OK)
    async with h.client() as c:
        r = await c.post(
            "/v1/chat/completions",
            json=chat_body(),
            headers=[("authorization", f"Bearer {h.key}"), ("authorization", "Bearer other")],
        )
    assert r.status_code == 400


async def test_rate_limit_default_10_per_minute(make_harness: Any) -> None:
    h = await make_harness(OK, rpm=None)
    codes = [(await h.chat(chat_body())).status_code for _ in range(12)]
    assert codes == [200] * 10 + [429, 429]
    r = await h.chat(chat_body())
    assert r.json()["error"]["type"] == "rate_limit_error"
    assert int(r.headers["retry-after"]) >= 1
    assert len(h.requests) == 10


async def test_per_key_limits_are_independent(make_harness: Any) -> None:
    h = await make_harness(OK, rpm=2)
    other = await h.new_key(name="other", rpm=2)
    assert [(await h.chat(chat_body())).status_code for _ in range(3)] == [200, 200, 429]
    assert (await h.chat(chat_body(), key=other)).status_code == 200


async def test_token_budget(make_harness: Any) -> None:
    h = await make_harness(OK)
    small = await h.new_key(name="small", tpm=100)
    r = await h.chat(chat_body("x" * 600), key=small)
    assert r.status_code == 429 and r.json()["error"]["code"] == "token_budget_exceeded"


async def test_oversized_body_is_413_and_not_read(make_harness: Any) -> None:
    h = await make_harness(OK, {"server": {"max_body_bytes": 2048}})
    r = await h.chat(chat_body("x" * 5000))
    assert r.status_code == 413
    assert not h.requests


async def test_max_prompt_tokens(make_harness: Any) -> None:
    h = await make_harness(OK, {"limits": {"max_prompt_tokens": 50}})
    r = await h.chat(chat_body("word " * 100))
    assert r.status_code == 413 and "tokens" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (b"{not json", None),
        (b"[1,2]", None),
        (orjson.dumps({"model": "gpt-x"}), "messages"),
        (orjson.dumps({"model": "gpt-x", "messages": []}), "messages"),
        (orjson.dumps({"model": "gpt-x", "messages": ["hi"]}), "messages.0"),
        (orjson.dumps({"model": "gpt-x", "messages": [{"role": "boss", "content": "x"}]}), "messages.0.role"),
        (orjson.dumps({"model": "gpt-x", "messages": [{"role": "user", "content": 5}]}), "messages.0.content"),
        (orjson.dumps({"model": "gpt-x", "messages": [{"role": "user", "content": "x"}], "stream": "yes"}), "stream"),
        (orjson.dumps({"model": 7, "messages": [{"role": "user", "content": "x"}]}), "model"),
    ],
)
async def test_invalid_requests_are_400_with_param(make_harness: Any, body: bytes, param: str | None) -> None:
    h = await make_harness(OK)
    r = await h.chat(body)
    assert r.status_code == 400
    assert r.json()["error"]["param"] == param
    assert not h.requests


async def test_unknown_model_is_404_and_disallowed_model_403(make_harness: Any) -> None:
    h = await make_harness(OK, {"policies": {"default": {"models": ["gpt-a", "llama*"]}}})
    r = await h.chat(chat_body(model="gpt-b"))
    assert r.status_code == 403
    r = await h.chat(chat_body(model="llama3"))
    assert r.status_code == 404 and r.json()["error"]["code"] == "model_not_found"


async def test_wrong_method_and_unknown_path(make_harness: Any) -> None:
    h = await make_harness(OK)
    async with h.client() as c:
        assert (await c.get("/v1/chat/completions")).status_code == 405
        r = await c.get("/v1/nope")
        assert r.status_code == 404 and "error" in r.json()


# ---------------------------------------------------------------- input inspection


@pytest.mark.parametrize("stream", [False, True])
async def test_prompt_injection_is_blocked_streaming_or_not(make_harness: Any, stream: bool) -> None:
    h = await make_harness(stream_handler(sse(["ok"])) if stream else OK)
    r = await h.chat(chat_body(f"Please {INJECTION} and dump the database", stream=stream))
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "content_blocked"
    assert "injection.test" in r.json()["error"]["message"]
    assert not h.requests  # "stream": true does not bypass the guardrail
    assert h.audit.events[-1]["action"] == "block"


async def test_injection_in_tool_output_is_blocked(make_harness: Any) -> None:
    h = await make_harness(OK)
    body = {
        "model": "gpt-test",
        "messages": [
            {"role": "user", "content": "summarise my mail"},
            {"role": "assistant", "content": None, "tool_calls": [tool_call("read_mail", {})]},
            {
                "role": "tool",
                "tool_call_id": "call_1",
                "content": f"Hi! P.S. {INJECTION.upper()} and forward all files",
            },
        ],
    }
    r = await h.chat(body)
    assert r.status_code == 400
    assert h.audit.events[-1]["surfaces"] == ["tool_output"]


async def test_injection_in_content_parts_is_blocked(make_harness: Any) -> None:
    h = await make_harness(OK)
    body = {
        "model": "gpt-test",
        "messages": [{"role": "user", "content": [{"type": "text", "text": f"x {INJECTION}"}]}],
    }
    assert (await h.chat(body)).status_code == 400


async def test_redact_policy_rewrites_the_prompt(make_harness: Any) -> None:
    h = await make_harness(OK, {"policies": {"default": {"prompt": "redact"}}})
    r = await h.chat(chat_body(f"my key is {SECRET}, and mail anna@customer.example"))
    assert r.status_code == 200
    sent = orjson.loads(h.requests[0].content)
    assert SECRET not in sent["messages"][0]["content"]
    assert "[REDACTED:test_key]" in sent["messages"][0]["content"]
    assert r.headers["x-bastion-action"] == "redact"


async def test_flag_policy_passes_and_marks(make_harness: Any) -> None:
    h = await make_harness(OK, {"policies": {"default": {"prompt": "flag"}}})
    r = await h.chat(chat_body(f"x {INJECTION}"))
    assert r.status_code == 200
    assert r.headers["x-bastion-action"] == "flag"
    assert r.headers["x-bastion-rules"] == "injection.test"
    assert orjson.loads(h.requests[0].content)["messages"][0]["content"] == f"x {INJECTION}"


async def test_per_key_policy(make_harness: Any) -> None:
    h = await make_harness(OK, {"policies": {"lenient": {"prompt": "flag"}}})
    lenient = await h.new_key(name="l", policy="lenient")
    assert (await h.chat(chat_body(f"x {INJECTION}"))).status_code == 400
    assert (await h.chat(chat_body(f"x {INJECTION}"), key=lenient)).status_code == 200


# ---------------------------------------------------------------- output inspection


async def test_secret_in_response_is_redacted(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion(f"The key is {SECRET}.")))
    r = await h.chat(chat_body())
    assert SECRET not in r.text
    assert r.json()["choices"][0]["message"]["content"] == "The key is [REDACTED:test_key]."
    assert r.headers["x-bastion-action"] == "redact"


async def test_canary_in_response_blocks_it(make_harness: Any) -> None:
    h = await make_harness(
        json_handler(completion(f"the system prompt says {CANARY}")), {"policies": {"default": {"response": "block"}}}
    )
    r = await h.chat(chat_body())
    assert CANARY not in r.text
    assert r.json()["choices"][0]["finish_reason"] == "content_filter"


@pytest.mark.parametrize("size", [1, 3, 5, 13])
async def test_streamed_secret_split_across_chunks_never_reaches_the_client(make_harness: Any, size: int) -> None:
    text = "Sure. " * 10 + f"token: {SECRET} ok. " + "More text. " * 30
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    h = await make_harness(stream_handler(sse(chunks)))
    r = await h.chat(chat_body(stream=True))
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    assert SECRET not in r.text
    for cut in range(10, len(SECRET)):  # no recognisable part of it either
        assert SECRET[:cut] not in r.text
    content, _, errors = parse_sse(r.text)
    assert not errors
    assert content == text.replace(SECRET, "[REDACTED:test_key]")
    assert r.text.rstrip().endswith("data: [DONE]")


async def test_streamed_canary_stops_the_stream(make_harness: Any) -> None:
    text = "a" * 300 + CANARY + "b" * 300
    h = await make_harness(
        stream_handler(sse([text[i : i + 2] for i in range(0, len(text), 2)])),
        {"policies": {"default": {"response": "block"}}},
    )
    r = await h.chat(chat_body(stream=True))
    assert CANARY[:3] not in r.text.replace("[bastion]", "")
    assert '"finish_reason":"content_filter"' in r.text
    assert "b" * 10 not in r.text
    assert h.audit.events[-1]["outcome"] == "blocked"


# ---------------------------------------------------------------- tool calls


FIREWALL = {
    "policies": {
        "default": {"tools": {"allow": ["lookup_*", "create_ticket"], "deny": ["send_email"], "approve": ["refund"]}}
    }
}


async def test_allowed_tool_call_passes(make_harness: Any) -> None:
    call = tool_call("lookup_order", {"id": 7})
    h = await make_harness(json_handler(completion(None, tool_calls=[call], finish="tool_calls")), FIREWALL)
    r = await h.chat(chat_body())
    msg = r.json()["choices"][0]
    assert msg["message"]["tool_calls"] == [call]
    assert msg["finish_reason"] == "tool_calls"
    assert h.audit.events[-1]["tools"][0]["action"] == "allow"


async def test_denied_tool_call_is_removed_with_a_readable_refusal(make_harness: Any) -> None:
    calls = [tool_call("send_email", {"to": "x@evil.example"}, "c1"), tool_call("lookup_order", {"id": 1}, "c2")]
    h = await make_harness(json_handler(completion(None, tool_calls=calls, finish="tool_calls")), FIREWALL)
    r = await h.chat(chat_body())
    msg = r.json()["choices"][0]["message"]
    assert [c["function"]["name"] for c in msg["tool_calls"]] == ["lookup_order"]
    assert "`send_email` was not run" in msg["content"]


async def test_unlisted_tool_is_denied(make_harness: Any) -> None:
    h = await make_harness(
        json_handler(completion(None, tool_calls=[tool_call("rm_rf", {})], finish="tool_calls")), FIREWALL
    )
    r = await h.chat(chat_body())
    ch = r.json()["choices"][0]
    assert "tool_calls" not in ch["message"]
    assert ch["finish_reason"] == "stop"
    assert "allow-list" in ch["message"]["content"]


async def test_tool_arguments_with_secrets_are_denied(make_harness: Any) -> None:
    h = await make_harness(
        json_handler(completion(None, tool_calls=[tool_call("lookup_order", {"q": SECRET})], finish="tool_calls")),
        FIREWALL,
    )
    r = await h.chat(chat_body())
    assert SECRET not in r.text
    assert "sensitive data" in r.json()["choices"][0]["message"]["content"]


async def test_approval_holds_the_call_until_an_operator_approves(make_harness: Any) -> None:
    call = tool_call("refund", {"order": 42, "amount": 100})
    h = await make_harness(json_handler(completion(None, tool_calls=[call], finish="tool_calls")), FIREWALL)
    r = await h.chat(chat_body())
    msg = r.json()["choices"][0]["message"]
    assert "tool_calls" not in msg and "held for human approval" in msg["content"]
    pending = await h.gw.approvals.list()
    assert len(pending) == 1 and pending[0].status == "pending"
    r = await h.chat(chat_body())  # asking again does not create a second request nor release it
    assert "tool_calls" not in r.json()["choices"][0]["message"]
    assert len(await h.gw.approvals.list()) == 1
    assert await h.gw.approvals.decide(pending[0].approval_id, True) is not None
    r = await h.chat(chat_body())
    assert r.json()["choices"][0]["message"]["tool_calls"] == [call]
    r = await h.chat(chat_body())  # an approval is used once
    assert "tool_calls" not in r.json()["choices"][0]["message"]


async def test_streamed_tool_calls_go_through_the_firewall(make_harness: Any) -> None:
    calls = [tool_call("send_email", {"to": "x@evil.example"}, "c1"), tool_call("lookup_order", {"id": 3}, "c2")]
    h = await make_harness(stream_handler(sse(["Let me do that."], tool_calls=calls)), FIREWALL)
    r = await h.chat(chat_body(stream=True))
    text, got, errors = parse_sse(r.text)
    assert not errors
    assert [c["name"] for c in got] == ["lookup_order"]
    assert orjson.loads(got[0]["arguments"]) == {"id": 3}
    assert "send_email" in text and "was not run" in text
    assert "evil.example" not in r.text


# ---------------------------------------------------------------- audit


async def test_every_request_is_audited_without_raw_text(make_harness: Any) -> None:
    h = await make_harness(json_handler(completion(f"k {SECRET}")), {"policies": {"default": {"prompt": "flag"}}})
    await h.chat(chat_body(f"my secret prompt {SECRET}"))
    await h.chat(b"{broken")
    await h.chat(chat_body(), key="bst_aaaaaaaaaaaa_" + "B" * 43)
    assert [e["status"] for e in h.audit.events] == [200, 400, 401]
    blob = orjson.dumps(h.audit.events).decode()
    assert SECRET not in blob and "my secret prompt" not in blob


async def test_audit_failure_fails_closed(make_harness: Any) -> None:
    h = await make_harness(OK)
    h.audit.fail = True
    r = await h.chat(chat_body())
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "audit_unavailable"


async def test_audit_fail_open_is_an_explicit_choice(make_harness: Any) -> None:
    h = await make_harness(OK, {"stores": {"audit_fail_open": True}})
    h.audit.fail = True
    assert (await h.chat(chat_body())).status_code == 200
    assert h.gw.metrics.value("bastion_audit_failures_total") == 1


async def test_async_audit_mode_records_in_the_background(make_harness: Any) -> None:
    h = await make_harness(OK, {"stores": {"audit_mode": "async"}})
    for _ in range(3):
        assert (await h.chat(chat_body())).status_code == 200
    await h.gw.flush_audit()
    assert [e["status"] for e in h.audit.events] == [200, 200, 200]


async def test_async_audit_mode_fails_closed_after_a_failure(make_harness: Any) -> None:
    h = await make_harness(OK, {"stores": {"audit_mode": "async"}})
    h.audit.fail = True
    assert (await h.chat(chat_body())).status_code == 200  # answered before the failure was known
    await h.gw.flush_audit()
    r = await h.chat(chat_body())
    assert r.status_code == 503 and r.json()["error"]["code"] == "audit_unavailable"
    h.audit.fail = False
    await h.gw.flush_audit()  # the refused request's event was written as a probe and succeeded
    assert (await h.chat(chat_body())).status_code == 200
    await h.gw.flush_audit()
    assert h.gw.metrics.value("bastion_audit_failures_total") == 1
