"""The Streamable HTTP MCP proxy, as an ASGI app.

``create_mcp_app({"name": (HttpUpstream(url), McpGuard(server="name"))})`` answers
``POST/GET/DELETE /{name}``: each JSON-RPC message from the client is checked, forwarded
to the upstream server, and every message of the answer (a JSON body or an SSE stream)
is inspected *before* it is written to the client. The gateway mounts this app under
``/mcp``; authentication happens there, and the authenticated key id is read from
``scope["state"]["key_id"]`` when present.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from bastion.gateway.mcp._interceptor import (
    JSONRPC_INVALID_REQUEST,
    JSONRPC_PARSE_ERROR,
    McpConversation,
    McpGuard,
    jsonrpc_error,
)

__all__ = ["HttpUpstream", "create_mcp_app"]

_FORWARD_HEADERS = ("accept", "content-type", "mcp-session-id", "mcp-protocol-version", "last-event-id")
_RETURN_HEADERS = ("mcp-session-id", "mcp-protocol-version")


@dataclass(frozen=True, slots=True)
class HttpUpstream:
    """An upstream Streamable HTTP MCP server. ``headers`` (e.g. its own auth) are never shown to clients."""

    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout_s: float = 60.0


def _rpc_response(payload: dict[str, Any], status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        orjson.dumps(payload), status_code=status, media_type="application/json", headers=dict(headers or {})
    )


async def _read_body(request: Request, limit: int) -> bytes | None:
    size = 0
    chunks: list[bytes] = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _sse_events(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, str]]:
    event: dict[str, str] = {}
    data: list[str] = []
    async for line in lines:
        if line == "":
            if data or event:
                event["data"] = "\n".join(data)
                yield event
            event, data = {}, []
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            data.append(value)
        elif name in ("event", "id", "retry"):
            event[name] = value
    if data:
        event["data"] = "\n".join(data)
        yield event


def create_mcp_app(
    servers: Mapping[str, tuple[HttpUpstream, McpGuard]],
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Starlette:
    client = httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(60.0, connect=5.0),
        follow_redirects=False,
        trust_env=False,
    )

    def lookup(request: Request) -> tuple[HttpUpstream, McpGuard] | None:
        return servers.get(request.path_params["server"])

    def upstream_headers(request: Request, upstream: HttpUpstream) -> dict[str, str]:
        h = {k: v for k, v in request.headers.items() if k.lower() in _FORWARD_HEADERS}
        h.update(upstream.headers)
        return h

    def returned_headers(resp: httpx.Response) -> dict[str, str]:
        return {k: v for k, v in resp.headers.items() if k.lower() in _RETURN_HEADERS}

    def unknown(request: Request) -> Response:
        return JSONResponse(
            jsonrpc_error(None, JSONRPC_INVALID_REQUEST, f"unknown MCP server {request.path_params['server']!r}"),
            status_code=404,
        )

    async def stream_filtered(resp: httpx.Response, conv: McpConversation) -> AsyncIterator[bytes]:
        try:
            async for ev in _sse_events(resp.aiter_lines()):
                raw = ev.get("data", "")
                head = "".join(f"{k}: {ev[k]}\n" for k in ("id", "retry") if k in ev)
                if not raw:
                    if head:
                        yield (head + "\n").encode()
                    continue
                try:
                    message = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    continue  # garbage from the server is never forwarded
                try:
                    outs = await conv.from_server(message)
                except Exception:  # noqa: BLE001 - fail closed: withhold what could not be checked
                    ident = message.get("id") if isinstance(message, dict) else None
                    outs_msgs = [
                        jsonrpc_error(ident, -32603, "bastion could not check the server's answer; it was withheld")
                    ]
                else:
                    outs_msgs = [o.message for o in outs if o.to == "client"]
                for m in outs_msgs:
                    yield (head + "event: message\ndata: " + orjson.dumps(m).decode() + "\n\n").encode()
        except httpx.HTTPError:
            return
        finally:
            await resp.aclose()

    async def post(request: Request) -> Response:
        entry = lookup(request)
        if entry is None:
            return unknown(request)
        upstream, guard = entry
        body = await _read_body(request, guard.policy.max_message_bytes)
        if body is None:
            return _rpc_response(jsonrpc_error(None, JSONRPC_INVALID_REQUEST, "message too large"), 413)
        try:
            message = orjson.loads(body)
        except orjson.JSONDecodeError:
            return _rpc_response(
                jsonrpc_error(None, JSONRPC_PARSE_ERROR, "parse error: the body is not valid JSON"), 400
            )
        state = request.scope.get("state") or {}
        conv = guard.conversation(
            key_id=state.get("key_id") if isinstance(state, dict) else None,
            session_id=request.headers.get("mcp-session-id"),
        )
        outs = await conv.from_client(message)
        replies = [o.message for o in outs if o.to == "client"]
        forwards = [o.message for o in outs if o.to == "server"]
        if replies or not forwards:
            status = 400 if replies and "error" in replies[0] else 200
            return _rpc_response(replies[0] if replies else {}, status)
        try:
            req = client.build_request(
                "POST",
                upstream.url,
                content=orjson.dumps(forwards[0]),
                headers=upstream_headers(request, upstream),
                timeout=upstream.timeout_s,
            )
            resp = await client.send(req, stream=True)
        except httpx.HTTPError:
            ident = message.get("id") if isinstance(message, dict) else None
            return _rpc_response(jsonrpc_error(ident, -32603, "the MCP server is unavailable"), 502)
        ctype = resp.headers.get("content-type", "")
        if resp.status_code == 202 or not ctype:
            await resp.aclose()
            return Response(status_code=resp.status_code, headers=returned_headers(resp))
        if ctype.startswith("text/event-stream"):
            return StreamingResponse(
                stream_filtered(resp, conv),
                status_code=resp.status_code,
                media_type="text/event-stream",
                headers={**returned_headers(resp), "cache-control": "no-store"},
            )
        try:
            raw = await resp.aread()
        finally:
            await resp.aclose()
        if len(raw) > guard.policy.max_message_bytes:
            return _rpc_response(jsonrpc_error(None, -32603, "the MCP server's answer was too large; withheld"), 502)
        try:
            answer = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return _rpc_response(jsonrpc_error(None, -32603, "the MCP server sent an invalid answer"), 502)
        outs = await conv.from_server(answer)
        msgs = [o.message for o in outs if o.to == "client"]
        if not msgs:
            return _rpc_response(jsonrpc_error(None, -32603, "the MCP server sent an invalid answer"), 502)
        return _rpc_response(msgs[0], resp.status_code, returned_headers(resp))

    async def get(request: Request) -> Response:
        entry = lookup(request)
        if entry is None:
            return unknown(request)
        upstream, guard = entry
        conv = guard.conversation(session_id=request.headers.get("mcp-session-id"))
        try:
            req = client.build_request("GET", upstream.url, headers=upstream_headers(request, upstream), timeout=None)
            resp = await client.send(req, stream=True)
        except httpx.HTTPError:
            return _rpc_response(jsonrpc_error(None, -32603, "the MCP server is unavailable"), 502)
        if not resp.headers.get("content-type", "").startswith("text/event-stream"):
            await resp.aclose()
            return Response(status_code=resp.status_code)
        return StreamingResponse(
            stream_filtered(resp, conv), media_type="text/event-stream", headers=returned_headers(resp)
        )

    async def delete(request: Request) -> Response:
        entry = lookup(request)
        if entry is None:
            return unknown(request)
        upstream, _guard = entry
        try:
            resp = await client.request("DELETE", upstream.url, headers=upstream_headers(request, upstream))
        except httpx.HTTPError:
            return _rpc_response(jsonrpc_error(None, -32603, "the MCP server is unavailable"), 502)
        return Response(status_code=resp.status_code)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await client.aclose()

    return Starlette(
        routes=[
            Route("/{server}", post, methods=["POST"]),
            Route("/{server}", get, methods=["GET"]),
            Route("/{server}", delete, methods=["DELETE"]),
        ],
        lifespan=lifespan,
    )
