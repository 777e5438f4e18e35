"""LeanTransport, the default upstream transport, against a scripted raw HTTP server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bastion.gateway._transport import LeanTransport

Script = Callable[[bytes], bytes | None]


class RawServer:
    """Answers each request (read up to the end of its headers + Content-Length body) with
    ``script(request) -> raw response bytes`` (None: close the connection)."""

    def __init__(self, script: Script, *, close_after: bool = False) -> None:
        self.script = script
        self.close_after = close_after
        self.connections = 0
        self.server: asyncio.AbstractServer | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        task = asyncio.current_task()
        assert task is not None
        self.tasks.add(task)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                n = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        n = int(line.split(b":")[1])
                body = await reader.readexactly(n) if n else b""
                out = self.script(head + body)
                if out is None:
                    break
                writer.write(out)
                await writer.drain()
                if self.close_after or b"connection: close" in out.lower():
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self.tasks.discard(task)

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def __aexit__(self, *exc: Any) -> None:
        assert self.server is not None
        self.server.close()
        for t in list(self.tasks):
            t.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.server.wait_closed()


def ok(body: bytes, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
        + str(len(body)).encode()
        + b"\r\n"
        + extra
        + b"\r\n"
        + body
    )


async def call(url: str, transport: LeanTransport, *, timeout: float = 5.0, content: bytes = b"{}") -> httpx.Response:
    req = httpx.Request(
        "POST",
        url + "/v1/chat/completions",
        content=content,
        extensions={"timeout": {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}},
    )
    resp = await transport.handle_async_request(req)
    await resp.aread()
    return resp


async def test_content_length_keep_alive_reuses_one_connection() -> None:
    srv = RawServer(lambda req: ok(b'{"a":1}'))
    async with srv as url:
        t = LeanTransport()
        for _ in range(5):
            r = await call(url, t)
            assert r.status_code == 200 and r.json() == {"a": 1}
        await t.aclose()
    assert srv.connections == 1


async def test_request_is_sent_with_length_and_headers() -> None:
    seen: list[bytes] = []

    def script(req: bytes) -> bytes:
        seen.append(req)
        return ok(b"{}")

    async with RawServer(script) as url:
        t = LeanTransport()
        await call(url, t, content=b'{"model":"m"}')
        await t.aclose()
    head, _, body = seen[0].partition(b"\r\n\r\n")
    assert head.startswith(b"POST /v1/chat/completions HTTP/1.1")
    assert b"content-length: 13" in head.lower() and body == b'{"model":"m"}'
    assert b"transfer-encoding" not in head.lower()


async def test_chunked_response_and_trailers() -> None:
    raw = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nx-trailer: 1\r\n\r\n"
    srv = RawServer(lambda req: raw)
    async with srv as url:
        t = LeanTransport()
        assert (await call(url, t)).content == b"hello world"
        assert (await call(url, t)).content == b"hello world"
        await t.aclose()
    assert srv.connections == 1


async def test_streamed_body_arrives_in_pieces() -> None:
    async def slow_server(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        await reader.readexactly(2)
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        for part in (b"data: 1\n\n", b"data: 2\n\n"):
            writer.write(hex(len(part))[2:].encode() + b"\r\n" + part + b"\r\n")
            await writer.drain()
            await asyncio.sleep(0.05)
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(slow_server, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t = LeanTransport()
    resp = await t.handle_async_request(httpx.Request("POST", f"http://127.0.0.1:{port}/x", content=b"{}"))
    parts = [p async for p in resp.aiter_raw()]
    assert parts == [b"data: 1\n\n", b"data: 2\n\n"]
    await t.aclose()
    server.close()
    await server.wait_closed()


async def test_connection_close_and_read_to_eof() -> None:
    srv = RawServer(lambda req: b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nbody-until-eof")
    async with srv as url:
        t = LeanTransport()
        assert (await call(url, t)).content == b"body-until-eof"
        assert (await call(url, t)).content == b"body-until-eof"
        await t.aclose()
    assert srv.connections == 2


async def test_stale_keep_alive_connection_is_retried_once() -> None:
    count = {"n": 0}

    def script(req: bytes) -> bytes | None:
        count["n"] += 1
        return ok(b"{}") if count["n"] % 2 == 1 else None  # every second request: server closes

    srv = RawServer(script)
    async with srv as url:
        t = LeanTransport()
        assert (await call(url, t)).status_code == 200
        assert (await call(url, t)).status_code == 200
        await t.aclose()


@pytest.mark.parametrize(
    ("raw", "exc"),
    [
        (b"SMTP/1.0 200 OK\r\n\r\n", httpx.RemoteProtocolError),
        (b"HTTP/1.1 abc OK\r\n\r\n", httpx.RemoteProtocolError),
        (b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\nab", httpx.RemoteProtocolError),
        (b"HTTP/1.1 200 OK\r\n bad-fold: x\r\n\r\n", httpx.RemoteProtocolError),
        (b"HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n", httpx.RemoteProtocolError),
        (b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n", httpx.RemoteProtocolError),
        (b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort", httpx.RemoteProtocolError),
        (b"HTTP/1.1 200 OK\r\nx: " + b"a" * 70_000 + b"\r\n\r\n", httpx.RemoteProtocolError),
    ],
)
async def test_malformed_responses_raise_httpx_errors(raw: bytes, exc: type[Exception]) -> None:
    async with RawServer(lambda req: raw, close_after=True) as url:
        t = LeanTransport()
        with pytest.raises(exc):
            await call(url, t, timeout=2.0)
        await t.aclose()


async def test_read_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # never answers; returns once the client gives up and closes
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t = LeanTransport()
    with pytest.raises(httpx.ReadTimeout):
        await call(f"http://127.0.0.1:{port}", t, timeout=0.2)
    await t.aclose()
    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()


async def test_connect_error() -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t = LeanTransport()
    with pytest.raises(httpx.ConnectError):
        await call(f"http://127.0.0.1:{port}", t)
    with pytest.raises(httpx.UnsupportedProtocol):
        await t.handle_async_request(httpx.Request("GET", "ftp://127.0.0.1/x"))


async def test_works_under_httpx_async_client() -> None:
    async with RawServer(lambda req: ok(b'{"ok":true}', b"content-encoding: identity\r\n")) as url:  # noqa: SIM117 - the client needs the server URL
        async with httpx.AsyncClient(
            base_url=url, transport=LeanTransport(), follow_redirects=False, trust_env=False
        ) as c:
            r = await c.get("/v1/models")
            assert r.json() == {"ok": True}
