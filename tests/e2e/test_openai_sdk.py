"""The official ``openai`` Python SDK through a real gateway (uvicorn on a loopback port)
to a fake OpenAI-compatible upstream: streaming, tool calls, errors, embeddings, models."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest

openai = pytest.importorskip("openai")

from bastion.config import BastionConfig  # noqa: E402
from bastion.gateway import Gateway, MemoryAuditSink, MemoryKeyStore, UpstreamPool, mint_key  # noqa: E402
from tests.gateway.conftest import CANARY, INJECTION, SECRET, completion, fake_guard, sse, tool_call  # noqa: E402


def upstream(req: httpx.Request) -> httpx.Response:
    """A fake model: the last user message picks the answer."""
    if req.url.path.endswith("/models"):
        return httpx.Response(
            200, json={"object": "list", "data": [{"id": "gpt-fake", "object": "model", "created": 0, "owned_by": "t"}]}
        )
    body = orjson.loads(req.content)
    if req.url.path.endswith("/embeddings"):
        return httpx.Response(
            200,
            json={
                "object": "list",
                "model": body["model"],
                "data": [{"object": "embedding", "index": 0, "embedding": [0.5, 0.25]}],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            },
        )
    last = body["messages"][-1]["content"] or ""
    text = (
        f"Here you go: {SECRET} and nothing else. " + "Padding text. " * 30
        if "secret" in last
        else "Just a normal answer. " * 20
    )
    calls = None
    if "weather" in last:
        calls = [tool_call("get_weather", {"city": "Berlin"}, "call_w")]
    if "wire money" in last:
        calls = [
            tool_call("wire_money", {"to": "attacker", "amount": 10_000}, "call_m"),
            tool_call("get_weather", {"city": "Paris"}, "call_p"),
        ]
    if "canary" in last:
        text = "The hidden prompt contains " + CANARY + " as you asked." + " more" * 50
    if body.get("stream"):
        chunks = [] if calls else [text[i : i + 4] for i in range(0, len(text), 4)]
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=sse(chunks, tool_calls=calls))
    if calls:
        return httpx.Response(200, json=completion(None, tool_calls=calls, finish="tool_calls"))
    return httpx.Response(200, json=completion(text))


class Running:
    def __init__(self, gw: Gateway) -> None:
        import uvicorn

        self.server = uvicorn.Server(
            uvicorn.Config(gw.app(), host="127.0.0.1", port=0, log_level="error", lifespan="off")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("gateway did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/v1"

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def gateway() -> Iterator[tuple[str, str, str, MemoryAuditSink, MemoryKeyStore]]:
    cfg = BastionConfig.model_validate(
        {
            "upstreams": [{"name": "fake", "base_url": "http://fake-upstream.invalid/v1", "models": ["gpt-*"]}],
            "policies": {
                "default": {"response": "redact", "tools": {"allow": ["get_weather"], "deny": ["wire_money"]}},
                "strict": {"response": "block"},
            },
        }
    )
    keys = MemoryKeyStore()
    token, rec = mint_key("sdk", rpm=1000)
    strict, srec = mint_key("strict", rpm=1000, policy="strict")
    asyncio.run(keys.put(rec))
    asyncio.run(keys.put(srec))
    audit = MemoryAuditSink()
    pool = UpstreamPool(cfg.upstreams, transports={"fake": httpx.MockTransport(upstream)})
    gw = Gateway(cfg, guard=fake_guard(), keys=keys, audit=audit, upstreams=pool)
    with Running(gw) as url:
        yield url, token, strict, audit, keys


_CLIENTS: list[Any] = []


def client(url: str, key: str) -> Any:
    c = openai.OpenAI(base_url=url, api_key=key, max_retries=0, timeout=20)
    _CLIENTS.append(c)
    return c


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _CLIENTS:
        _CLIENTS.pop().close()


def test_chat_completion(gateway: Any) -> None:
    url, key, _, audit, _ = gateway
    r = client(url, key).chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "hello"}])
    assert r.choices[0].message.content.startswith("Just a normal answer.")
    assert audit.events[-1]["status"] == 200


def test_non_streamed_secret_is_redacted(gateway: Any) -> None:
    url, key, _, _, _ = gateway
    r = client(url, key).chat.completions.create(
        model="gpt-fake", messages=[{"role": "user", "content": "tell me the secret"}]
    )
    assert SECRET not in r.choices[0].message.content
    assert "[REDACTED:test_key]" in r.choices[0].message.content


def test_streaming_redacts_a_secret_split_across_chunks(gateway: Any) -> None:
    url, key, _, _, _ = gateway
    stream = client(url, key).chat.completions.create(
        model="gpt-fake", messages=[{"role": "user", "content": "tell me the secret"}], stream=True
    )
    pieces = [c.choices[0].delta.content or "" for c in stream if c.choices]
    text = "".join(pieces)
    assert SECRET not in text
    assert "[REDACTED:test_key]" in text
    assert len(pieces) > 2  # it really streamed


def test_streaming_canary_is_cut_for_a_block_policy(gateway: Any) -> None:
    url, _, strict, _, _ = gateway
    stream = client(url, strict).chat.completions.create(
        model="gpt-fake", messages=[{"role": "user", "content": "show the canary"}], stream=True
    )
    chunks = [c for c in stream if c.choices]
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert CANARY[:6] not in text
    assert chunks[-1].choices[0].finish_reason == "content_filter"


def test_tool_calls_non_streamed_and_streamed(gateway: Any) -> None:
    url, key, _, _, _ = gateway
    c = client(url, key)
    tools = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            },
        }
    ]
    r = c.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "weather?"}], tools=tools)
    call = r.choices[0].message.tool_calls[0]
    assert call.function.name == "get_weather" and orjson.loads(call.function.arguments) == {"city": "Berlin"}
    assert r.choices[0].finish_reason == "tool_calls"

    stream = c.chat.completions.create(
        model="gpt-fake", messages=[{"role": "user", "content": "weather?"}], tools=tools, stream=True
    )
    names, args = [], ""
    for chunk in stream:
        for ch in chunk.choices:
            for tc in ch.delta.tool_calls or []:
                if tc.function and tc.function.name:
                    names.append(tc.function.name)
                if tc.function and tc.function.arguments:
                    args += tc.function.arguments
    assert names == ["get_weather"] and orjson.loads(args) == {"city": "Berlin"}


def test_denied_tool_call_is_removed_and_explained(gateway: Any) -> None:
    url, key, _, audit, _ = gateway
    r = client(url, key).chat.completions.create(
        model="gpt-fake", messages=[{"role": "user", "content": "wire money now"}]
    )
    msg = r.choices[0].message
    assert [t.function.name for t in msg.tool_calls] == ["get_weather"]
    assert "`wire_money` was not run" in msg.content
    assert {d["tool"]: d["action"] for d in audit.events[-1]["tools"]} == {"wire_money": "deny", "get_weather": "allow"}


def test_sdk_errors(gateway: Any) -> None:
    url, key, _, _, _ = gateway
    with pytest.raises(openai.AuthenticationError):
        client(url, "bst_aaaaaaaaaaaa_" + "A" * 43).chat.completions.create(
            model="gpt-fake", messages=[{"role": "user", "content": "x"}]
        )
    with pytest.raises(openai.BadRequestError) as ei:
        client(url, key).chat.completions.create(
            model="gpt-fake", messages=[{"role": "user", "content": INJECTION}], stream=True
        )
    assert "blocked" in str(ei.value)
    with pytest.raises(openai.NotFoundError):
        client(url, key).chat.completions.create(model="claude-x", messages=[{"role": "user", "content": "x"}])
    raw = client(url, key).chat.completions.with_raw_response.create(
        model="gpt-fake", messages=[{"role": "user", "content": "x"}]
    )
    assert raw.headers["x-bastion-overhead-ms"]


def test_rate_limit_error(gateway: Any) -> None:
    url, _, _, _, store = gateway
    token, rec = mint_key("tiny", rpm=2)
    asyncio.run(store.put(rec))
    c = client(url, token)
    for _ in range(2):
        c.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.RateLimitError):
        c.chat.completions.create(model="gpt-fake", messages=[{"role": "user", "content": "x"}])


def test_embeddings_and_models(gateway: Any) -> None:
    url, key, _, _, _ = gateway
    c = client(url, key)
    e = c.embeddings.create(model="gpt-emb", input="hello")
    assert e.data[0].embedding == [0.5, 0.25]
    assert [m.id for m in c.models.list()] == ["gpt-fake"]


def _raw(url: str, payload: bytes) -> bytes:
    import socket

    host, port = url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(payload)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out and (b"content-length: 0" in out.lower() or out.endswith(b"}")):
                break
        return out


@pytest.mark.parametrize(
    "head",
    [
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",  # CL.TE smuggling
        b"Content-Length: 5\r\nContent-Length: 50\r\n",  # conflicting lengths
        b"Transfer-Encoding: xchunked\r\n",  # obfuscated TE
    ],
)
def test_header_smuggling_is_refused(gateway: Any, head: bytes) -> None:
    url, key, _, audit, _ = gateway
    before = len(audit.events)
    req = (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + key.encode()
        + b"\r\n"
        + head
        + b"\r\n0\r\n\r\nGET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    resp = _raw(url, req)
    assert resp.startswith(b"HTTP/1.1 4"), resp[:200]
    assert resp.count(b"HTTP/1.1 ") == 1  # the smuggled second request was not served
    time.sleep(0.2)
    if b"Transfer-Encoding: chunked" in head:  # refused by bastion (h11 refuses the others itself)
        assert [e["status"] for e in audit.events[before:]] == [400]
    else:
        assert len(audit.events) == before


def test_client_hanging_up_mid_stream_is_still_audited(gateway: Any) -> None:
    url, key, _, audit, _ = gateway
    before = len(audit.events)
    body = {"model": "gpt-fake", "messages": [{"role": "user", "content": "tell me the secret"}], "stream": True}
    with (
        httpx.Client(timeout=10) as c,
        c.stream("POST", url + "/chat/completions", json=body, headers={"authorization": f"Bearer {key}"}) as r,
    ):
        for _ in r.iter_raw():
            break  # hang up after the first bytes
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(e.get("phase") == "stream_end" for e in audit.events[before:]):
        time.sleep(0.05)
    ends = [e for e in audit.events[before:] if e.get("phase") == "stream_end"]
    assert len(ends) == 1
    assert ends[0]["outcome"] in ("client_disconnected", "complete")
