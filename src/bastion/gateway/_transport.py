"""A lean HTTP/1.1 transport for ``httpx.AsyncClient`` (the gateway's default upstream transport).

httpcore's connection pool costs milliseconds per request once a few requests run
concurrently (measured: ~80 requests/s with 16 concurrent requests to a local server that
answers in 0.1 ms). This transport keeps what the gateway needs and nothing else: a
keep-alive pool per origin (a deque of idle connections), ``Content-Length`` and chunked
response bodies, streamed responses, TLS through :mod:`ssl`, ``TCP_NODELAY``, and the
timeouts that ``httpx.AsyncClient`` puts in ``request.extensions["timeout"]``. No proxies,
no HTTP/2, no redirects (the client never follows them anyway).

Everything an upstream sends is bounded: the status line and headers to 64 KiB, a chunk-size
line to 1 KiB. Callers bound the body (the gateway caps responses and SSE events).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import httpx

__all__ = ["LeanTransport"]

_MAX_HEAD = 64 * 1024
_MAX_CHUNK_LINE = 1024
_READ = 65_536


class _Conn:
    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()

    @property
    def usable(self) -> bool:
        return not self.writer.is_closing() and not self.reader.at_eof()


def _timeouts(request: httpx.Request) -> tuple[float | None, float | None, float | None]:
    t: dict[str, Any] = request.extensions.get("timeout") or {}
    return t.get("connect"), t.get("read"), t.get("write")


class _Body(httpx.AsyncByteStream):
    """Streams a response body; returns the connection to the pool when fully read."""

    def __init__(
        self,
        owner: LeanTransport,
        key: tuple[str, str, int],
        conn: _Conn,
        headers: dict[str, str],
        read_timeout: float | None,
    ) -> None:
        self._owner = owner
        self._key = key
        self._conn = conn
        self._read_timeout = read_timeout
        te = headers.get("transfer-encoding", "").lower()
        self._chunked = "chunked" in te
        cl = headers.get("content-length")
        self._length: int | None = None
        if not self._chunked and cl is not None:
            try:
                self._length = int(cl)
            except ValueError:
                raise httpx.RemoteProtocolError("invalid Content-Length from upstream") from None
            if self._length < 0:
                raise httpx.RemoteProtocolError("invalid Content-Length from upstream")
        self._keep = headers.get("connection", "").lower() != "close" and (self._chunked or self._length is not None)
        self._done = False

    async def _read(self, n: int) -> bytes:
        try:
            return await asyncio.wait_for(self._conn.reader.read(n), self._read_timeout)
        except TimeoutError:
            raise httpx.ReadTimeout("upstream read timed out") from None
        except OSError as exc:
            raise httpx.ReadError(f"upstream read failed ({type(exc).__name__})") from None

    async def _readline(self) -> bytes:
        try:
            line = await asyncio.wait_for(self._conn.reader.readuntil(b"\n"), self._read_timeout)
        except TimeoutError:
            raise httpx.ReadTimeout("upstream read timed out") from None
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, OSError):
            raise httpx.RemoteProtocolError("upstream closed or sent a malformed chunked body") from None
        if len(line) > _MAX_CHUNK_LINE:
            raise httpx.RemoteProtocolError("chunk-size line too long")
        return line

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            if self._chunked:
                while True:
                    size_line = (await self._readline()).split(b";", 1)[0].strip()
                    try:
                        size = int(size_line, 16)
                    except ValueError:
                        raise httpx.RemoteProtocolError("invalid chunk size from upstream") from None
                    if size == 0:
                        while (await self._readline()).strip():  # trailers
                            pass
                        break
                    left = size
                    while left:
                        data = await self._read(min(left, _READ))
                        if not data:
                            raise httpx.RemoteProtocolError("upstream closed inside a chunk")
                        left -= len(data)
                        yield data
                    await self._readline()
            elif self._length is not None:
                left = self._length
                while left:
                    data = await self._read(min(left, _READ))
                    if not data:
                        raise httpx.RemoteProtocolError("upstream closed before the end of the body")
                    left -= len(data)
                    yield data
            else:
                while True:
                    data = await self._read(_READ)
                    if not data:
                        break
                    yield data
            self._done = True
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        conn, self._conn = self._conn, None  # type: ignore[assignment]
        if conn is None:
            return
        if self._done and self._keep:
            self._owner._release(self._key, conn)
        else:
            conn.close()


class LeanTransport(httpx.AsyncBaseTransport):
    """Minimal keep-alive HTTP/1.1 transport. ``max_idle``: idle connections kept per origin."""

    def __init__(self, *, max_idle: int = 256, ssl_context: ssl.SSLContext | None = None) -> None:
        self._idle: dict[tuple[str, str, int], deque[_Conn]] = {}
        self._max_idle = max_idle
        self._ssl = ssl_context
        self._closed = False

    def _release(self, key: tuple[str, str, int], conn: _Conn) -> None:
        pool = self._idle.setdefault(key, deque())
        if self._closed or len(pool) >= self._max_idle or not conn.usable:
            conn.close()
        else:
            pool.append(conn)

    async def _connect(self, key: tuple[str, str, int], timeout: float | None) -> _Conn:
        scheme, host, port = key
        ctx: ssl.SSLContext | None = None
        if scheme == "https":
            ctx = self._ssl or ssl.create_default_context()
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(host, port, ssl=ctx, server_hostname=host if ctx else None, limit=_MAX_HEAD),
                timeout,
            )
        except TimeoutError:
            raise httpx.ConnectTimeout("connecting to the upstream timed out") from None
        except (OSError, ssl.SSLError) as exc:
            raise httpx.ConnectError(f"cannot connect to the upstream ({type(exc).__name__})") from None
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _Conn(reader, writer)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:
            raise httpx.ConnectError("transport is closed")
        url = request.url
        scheme = url.scheme
        if scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported scheme {scheme!r}")
        port = url.port or (443 if scheme == "https" else 80)
        key = (scheme, url.host, port)
        connect_t, read_t, write_t = _timeouts(request)
        body = await request.aread()
        target = url.raw_path.decode("ascii")
        lines = [f"{request.method} {target} HTTP/1.1".encode()]
        has_len = False
        for k, v in request.headers.raw:
            lk = k.lower()
            if lk == b"content-length":
                has_len = True
            if lk == b"transfer-encoding":
                continue  # we always send a fixed-length body
            lines.append(k + b": " + v)
        if not has_len and (body or request.method in ("POST", "PUT", "PATCH")):
            lines.append(b"content-length: " + str(len(body)).encode())
        payload = b"\r\n".join(lines) + b"\r\n\r\n" + body

        pool = self._idle.get(key)
        for attempt in range(2):
            conn: _Conn | None = None
            reused = False
            while pool:
                cand = pool.pop()
                if cand.usable:
                    conn, reused = cand, True
                    break
                cand.close()
            if conn is None:
                conn = await self._connect(key, connect_t)
            try:
                conn.writer.write(payload)
                await asyncio.wait_for(conn.writer.drain(), write_t)
                head = await asyncio.wait_for(conn.reader.readuntil(b"\r\n\r\n"), read_t)
            except TimeoutError:
                conn.close()
                raise httpx.ReadTimeout("the upstream did not answer in time") from None
            except (asyncio.IncompleteReadError, ConnectionError, OSError) as exc:
                conn.close()
                if reused and attempt == 0 and not (isinstance(exc, asyncio.IncompleteReadError) and exc.partial):
                    continue  # a stale keep-alive connection: retry once on a fresh one
                raise httpx.RemoteProtocolError("the upstream closed the connection") from None
            except asyncio.LimitOverrunError:
                conn.close()
                raise httpx.RemoteProtocolError("the upstream's response headers are too large") from None
            return self._response(request, key, conn, head, read_t)
        raise httpx.RemoteProtocolError("the upstream closed the connection")

    def _response(
        self, request: httpx.Request, key: tuple[str, str, int], conn: _Conn, head: bytes, read_t: float | None
    ) -> httpx.Response:
        try:
            text = head.decode("latin-1")
            status_line, _, rest = text.partition("\r\n")
            version, status_s, _reason = [*status_line.split(" ", 2), ""][:3]
            if not version.startswith("HTTP/1."):
                raise ValueError
            status = int(status_s)
        except ValueError:
            conn.close()
            raise httpx.RemoteProtocolError("the upstream sent an invalid status line") from None
        headers: list[tuple[str, str]] = []
        lower: dict[str, str] = {}
        for line in rest.split("\r\n"):
            if not line:
                continue
            name, sep, value = line.partition(":")
            if not sep or not name or name != name.strip():
                conn.close()
                raise httpx.RemoteProtocolError("the upstream sent an invalid header line")
            value = value.strip()
            headers.append((name, value))
            ln = name.lower()
            if ln in lower and ln == "content-length" and lower[ln] != value:
                conn.close()
                raise httpx.RemoteProtocolError("the upstream sent conflicting Content-Length headers")
            lower[ln] = value
        if request.method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            lower["content-length"] = "0"
            lower.pop("transfer-encoding", None)
        try:
            stream = _Body(self, key, conn, lower, read_t)
        except httpx.RemoteProtocolError:
            conn.close()
            raise
        return httpx.Response(
            status, headers=headers, stream=stream, request=request, extensions={"http_version": b"HTTP/1.1"}
        )

    async def aclose(self) -> None:
        self._closed = True
        for pool in self._idle.values():
            while pool:
                pool.pop().close()
        self._idle.clear()
