"""HTTP plumbing shared by the gateway's apps: OpenAI-shaped errors, W3C trace context,
bounded body reading and the pure-ASGI correlation middleware.

Error bodies follow OpenAI's shape ``{"error": {"message", "type", "param", "code"}}`` and
every response carries ``x-request-id`` (the trace id) and ``traceparent``. Messages are
written here, by us: no exception text, stack trace, upstream URL, key or config value
ever reaches a client.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import anyio
import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "GatewayHTTPError",
    "RequestContext",
    "TraceMiddleware",
    "error_body",
    "error_response",
    "json_response",
    "parse_traceparent",
    "read_body",
]

_TRACEPARENT_RE = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")

_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    405: "invalid_request_error",
    408: "timeout_error",
    409: "invalid_request_error",
    413: "invalid_request_error",
    415: "invalid_request_error",
    429: "rate_limit_error",
    500: "server_error",
    502: "upstream_error",
    503: "server_error",
    504: "upstream_error",
}


class GatewayHTTPError(Exception):
    """Raised inside handlers; becomes an OpenAI-shaped error response."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
        action: str = "error",
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.param = param
        self.headers = headers or {}
        self.action = action


def error_body(status: int, message: str, *, code: str | None = None, param: str | None = None) -> bytes:
    return orjson.dumps(
        {"error": {"message": message, "type": _TYPES.get(status, "server_error"), "param": param, "code": code}}
    )


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(payload), status_code=status, headers=headers, media_type="application/json")


def error_response(exc: GatewayHTTPError) -> Response:
    return Response(
        error_body(exc.status, exc.message, code=exc.code, param=exc.param),
        status_code=exc.status,
        headers=exc.headers,
        media_type="application/json",
    )


def parse_traceparent(value: str | None) -> tuple[str, str] | None:
    """Return (trace id, parent span id) of a valid W3C ``traceparent``; None otherwise."""
    if not value:
        return None
    m = _TRACEPARENT_RE.match(value.strip().lower())
    if m is None or m.group(1) == "ff" or m.group(2) == "0" * 32 or m.group(3) == "0" * 16:
        return None
    return m.group(2), m.group(3)


@dataclass(slots=True)
class RequestContext:
    """Per-request values: trace ids, timings (for ``x-bastion-overhead-ms``)."""

    trace_id: str
    span_id: str
    parent_id: str | None
    t0: float = field(default_factory=time.perf_counter)
    upstream_s: float = 0.0

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-01"

    def overhead_ms(self) -> float:
        return max(0.0, (time.perf_counter() - self.t0 - self.upstream_s) * 1000.0)


def context_of(request: Request) -> RequestContext:
    ctx = request.scope.get("bastion.ctx")
    if isinstance(ctx, RequestContext):
        return ctx
    ctx = RequestContext(secrets.token_hex(16), secrets.token_hex(8), None)
    request.scope["bastion.ctx"] = ctx
    return ctx


class TraceMiddleware:
    """Pure ASGI middleware (safe on streaming responses).

    Takes the trace id from a valid incoming ``traceparent`` (or makes one), stores a
    :class:`RequestContext` in the scope, adds ``x-request-id`` and ``traceparent`` to the
    response, and turns any unexpected exception into a bare 500 in OpenAI's shape.
    """

    def __init__(self, app: ASGIApp, *, on_error: Any = None, on_reject: Any = None) -> None:
        self.app = app
        self.on_error = on_error
        self.on_reject = on_reject  # async (trace id, path, reason) -> None: audits refusals made here

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming: bytes | None = None
        framing = 0
        for k, v in scope["headers"]:
            if k == b"traceparent":
                incoming = v
            elif k == b"content-length" or k == b"transfer-encoding":
                framing |= 1 if k == b"content-length" else 2
        parsed = parse_traceparent(incoming.decode("latin-1")) if incoming is not None else None
        trace_id, parent = parsed if parsed is not None else (secrets.token_hex(16), None)
        ctx = RequestContext(trace_id, secrets.token_hex(8), parent)
        scope["bastion.ctx"] = ctx
        extra = [(b"x-request-id", trace_id.encode()), (b"traceparent", ctx.traceparent.encode())]
        if framing == 3:  # Content-Length and Transfer-Encoding together: a smuggling attempt
            body = error_body(400, "send either Content-Length or Transfer-Encoding, not both", code="bad_request")
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                        *extra,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            if self.on_reject is not None:
                await self.on_reject(trace_id, str(scope.get("path", ""))[:200], "content_length_and_transfer_encoding")
            return
        started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:  # never leak: log-free generic 500 with the correlation id
            if self.on_error is not None:
                self.on_error(exc)
            if started:
                raise
            body = error_body(500, f"internal error in the gateway (request id {trace_id})", code="internal_error")
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        *extra,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})


async def read_body(request: Request, *, max_bytes: int, timeout_s: float) -> bytes:
    """Read the request body, refusing more than ``max_bytes`` (413) or a client slower than
    ``timeout_s`` for the whole body (408)."""
    declared = request.headers.getlist("content-length")
    if len(declared) > 1:
        raise GatewayHTTPError(400, "more than one Content-Length header", code="bad_request")
    if declared:
        try:
            size = int(declared[0])
        except ValueError:
            raise GatewayHTTPError(400, "invalid Content-Length header", code="bad_request") from None
        if size > max_bytes:
            raise GatewayHTTPError(
                413, f"request body of {size} bytes is over the {max_bytes}-byte limit", code="request_too_large"
            )
    buf = bytearray()
    try:
        with anyio.fail_after(timeout_s):
            async for chunk in request.stream():
                buf += chunk
                if len(buf) > max_bytes:
                    raise GatewayHTTPError(
                        413, f"request body is over the {max_bytes}-byte limit", code="request_too_large"
                    )
    except TimeoutError:
        raise GatewayHTTPError(
            408, f"the request body did not arrive within {timeout_s:g} s", code="body_timeout"
        ) from None
    return bytes(buf)
