"""The stdio MCP proxy: bastion speaks MCP on its own stdin/stdout and runs the real
server as a child process, inspecting every message in both directions."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import Any, BinaryIO

import orjson

from bastion.gateway.mcp._interceptor import (
    JSONRPC_INVALID_REQUEST,
    JSONRPC_PARSE_ERROR,
    McpConversation,
    McpGuard,
    Outgoing,
    jsonrpc_error,
)

__all__ = ["iter_lines", "run_stdio_proxy"]

_CHUNK = 65536


async def iter_lines(reader: asyncio.StreamReader, max_bytes: int) -> AsyncIterator[bytes | None]:
    """Yield complete lines (without the newline); ``None`` for a line over ``max_bytes`` (dropped)."""
    buf = bytearray()
    skipping = False
    while True:
        chunk = await reader.read(_CHUNK)
        if not chunk:
            if buf and not skipping:
                yield bytes(buf)
            return
        buf.extend(chunk)
        while True:
            nl = buf.find(b"\n")
            if nl < 0:
                if len(buf) > max_bytes:
                    if not skipping:
                        skipping = True
                        yield None
                    buf.clear()
                break
            line = bytes(buf[:nl])
            del buf[: nl + 1]
            if skipping:
                skipping = False
                continue
            if len(line) > max_bytes:
                yield None
                continue
            yield line


async def _stdin_reader() -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=_CHUNK * 4)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin.buffer)
    return reader


async def run_stdio_proxy(
    guard: McpGuard,
    argv: Sequence[str],
    *,
    client_in: asyncio.StreamReader | None = None,
    client_out: BinaryIO | None = None,
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
    launcher: Callable[[list[str]], list[str]] | None = None,
    log: Callable[[str], None] | None = None,
) -> int:
    """Run the proxy until the client closes its input or the server exits; return the server's exit code.

    ``launcher`` rewrites the command (e.g. to start it inside the sandbox). ``env`` replaces the
    child's environment (default: a minimal one: PATH, HOME, LANG), so the parent's secrets do not
    leak into the server.
    """
    out = client_out if client_out is not None else sys.stdout.buffer
    say = log or (lambda msg: print(f"bastion mcp: {msg}", file=sys.stderr))
    cmd = list(argv)
    if launcher is not None:
        cmd = launcher(cmd)
    child_env = (
        dict(env)
        if env is not None
        else {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "VIRTUAL_ENV")}
    )
    try:
        proc = await asyncio.create_subprocess_exec(
            *cmd,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=child_env,
            cwd=cwd,
        )
    except OSError as exc:
        say(f"cannot start the MCP server {cmd[0]!r}: {exc.strerror or exc}")
        return 127
    assert proc.stdin is not None and proc.stdout is not None
    server_in = proc.stdin
    reader = client_in if client_in is not None else await _stdin_reader()
    conv: McpConversation = guard.conversation()
    max_bytes = guard.policy.max_message_bytes
    write_lock = asyncio.Lock()

    async def to_client(message: dict[str, Any]) -> None:
        async with write_lock:
            out.write(orjson.dumps(message) + b"\n")
            out.flush()

    async def route(outs: list[Outgoing]) -> None:
        for o in outs:
            if o.to == "client":
                await to_client(o.message)
            else:
                server_in.write(orjson.dumps(o.message) + b"\n")
                await server_in.drain()

    async def client_to_server() -> None:
        async for line in iter_lines(reader, max_bytes):
            if line is None:
                await to_client(jsonrpc_error(None, JSONRPC_INVALID_REQUEST, f"message over {max_bytes} bytes dropped"))
                continue
            if not line.strip():
                continue
            try:
                message = orjson.loads(line)
            except orjson.JSONDecodeError:
                await to_client(jsonrpc_error(None, JSONRPC_PARSE_ERROR, "parse error: the message is not valid JSON"))
                continue
            try:
                await route(await conv.from_client(message))
            except (BrokenPipeError, ConnectionResetError):
                return
            except Exception as exc:  # noqa: BLE001 - fail closed, answer the client, keep the proxy alive
                say(f"internal error while checking a client message ({type(exc).__name__}); the message was refused")
                ident = message.get("id") if isinstance(message, dict) else None
                await to_client(jsonrpc_error(ident, -32603, "bastion could not check this message; it was refused"))
        with contextlib.suppress(Exception):
            server_in.close()

    async def server_to_client() -> None:
        assert proc.stdout is not None
        async for line in iter_lines(proc.stdout, max_bytes):
            if line is None:
                say(f"the server sent a message over {max_bytes} bytes; dropped")
                continue
            if not line.strip():
                continue
            try:
                message = orjson.loads(line)
            except orjson.JSONDecodeError:
                say("the server wrote a line that is not JSON; dropped")
                continue
            try:
                await route(await conv.from_server(message))
            except Exception as exc:  # noqa: BLE001 - fail closed: drop the message, tell the client
                say(f"internal error while checking a server message ({type(exc).__name__}); it was withheld")
                ident = message.get("id") if isinstance(message, dict) else None
                if ident is not None:
                    await to_client(
                        jsonrpc_error(ident, -32603, "bastion could not check the server's answer; it was withheld")
                    )

    c2s = asyncio.create_task(client_to_server())
    s2c = asyncio.create_task(server_to_client())
    done, _ = await asyncio.wait({c2s, s2c}, return_when=asyncio.FIRST_COMPLETED)
    if c2s in done:
        # The client hung up: give the server a moment to finish, then stop it.
        try:
            await asyncio.wait_for(proc.wait(), timeout=5)
        except TimeoutError:
            proc.terminate()
            try:
                await asyncio.wait_for(proc.wait(), timeout=3)
            except TimeoutError:
                proc.kill()
    for task in (c2s, s2c):
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    rc = await proc.wait()
    return rc
