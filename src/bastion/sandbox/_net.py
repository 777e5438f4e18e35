"""Network allow-lists: a private network namespace whose only reachable addresses are relays.

For ``allow:HOST:PORT,...`` the sandbox gets its own network namespace with just the loopback
interface. For every allowed endpoint bastion binds a listener *inside* that namespace (an IP host on
that same address, a host name on a private 127.0.0.N address that the sandbox's ``/etc/hosts`` maps
the name to) and relays each accepted connection to the real endpoint from the host's namespace. There
is no route and no DNS server: nothing else is reachable, whatever the sandboxed program tries.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import ipaddress
import os
import socket
import struct
import tempfile
import threading
from dataclasses import dataclass, field

from bastion.sandbox._linux import CLONE_NEWNET, libc_call
from bastion.sandbox._profile import Endpoint, NetworkPolicy

__all__ = ["NetworkNamespace"]

_SIOCSIFFLAGS = 0x8914
_SIOCSIFADDR = 0x8916
_SIOCSIFNETMASK = 0x891C
_IFF_UP = 0x1
_IFF_LOOPBACK = 0x8
_IFF_RUNNING = 0x40
_CONNECT_TIMEOUT = 10.0
_MAX_CONNECTIONS = 64


def _ifreq_flags(name: str, flags: int) -> bytes:
    return struct.pack("16sH22x", name.encode(), flags)


def _ifreq_addr(name: str, addr: str) -> bytes:
    sin = struct.pack("HH4s8x", socket.AF_INET, 0, socket.inet_aton(addr))
    return struct.pack("16s16s8x", name.encode(), sin)


@dataclass(frozen=True, slots=True)
class _Listener:
    endpoint: Endpoint
    address: str  # where the sandbox connects (inside its namespace)
    sock: socket.socket


def _setup_namespace(policy: NetworkPolicy) -> tuple[int, list[_Listener], dict[str, str]]:
    """Runs in a throw-away thread: create the namespace, bring lo up, bind the listeners."""
    libc_call("unshare", CLONE_NEWNET)
    listeners: list[_Listener] = []
    hosts: dict[str, str] = {}
    fd = -1
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as ctl:
            fcntl.ioctl(ctl, _SIOCSIFFLAGS, _ifreq_flags("lo", _IFF_UP | _IFF_LOOPBACK | _IFF_RUNNING))
            alias = 0
            next_private = 2
            for ep in policy.allow:
                try:
                    ip = ipaddress.ip_address(ep.host)
                except ValueError:
                    ip = None
                if ip is None:
                    if ep.host not in hosts:
                        hosts[ep.host] = f"127.0.0.{next_private}"
                        next_private += 1
                    address = hosts[ep.host]
                elif ip.version == 6:
                    if not ip.is_loopback:
                        raise OSError(f"IPv6 allow-list entry {ep} is not supported (only [::1]); use a host name")
                    address = "::1"
                else:
                    address = str(ip)
                    if not ip.is_loopback:
                        alias += 1
                        name = f"lo:{alias}"
                        fcntl.ioctl(ctl, _SIOCSIFADDR, _ifreq_addr(name, address))
                        fcntl.ioctl(ctl, _SIOCSIFNETMASK, _ifreq_addr(name, "255.255.255.255"))
                family = socket.AF_INET6 if ":" in address else socket.AF_INET
                sock = socket.socket(family, socket.SOCK_STREAM)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((address, ep.port))
                sock.listen(16)
                sock.setblocking(False)
                listeners.append(_Listener(ep, address, sock))
        fd = os.open("/proc/thread-self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        for lst in listeners:
            lst.sock.close()
        raise
    return fd, listeners, hosts


@dataclass
class NetworkNamespace:
    """A prepared network namespace (``fd``) with relays running for the allowed endpoints."""

    fd: int
    listeners: list[_Listener]
    hosts_file: str | None
    _servers: list[asyncio.Server] = field(default_factory=list)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @classmethod
    async def create(cls, policy: NetworkPolicy) -> NetworkNamespace:
        done: list[tuple[int, list[_Listener], dict[str, str]]] = []
        failed: list[OSError] = []

        def work() -> None:
            # A fresh thread: the namespace change dies with it and never leaks into a pooled thread.
            try:
                done.append(_setup_namespace(policy))
            except OSError as exc:
                failed.append(exc)

        thread = threading.Thread(target=work, name="bastion-netns", daemon=True)
        thread.start()
        await asyncio.to_thread(thread.join)
        if failed:
            raise failed[0]
        fd, listeners, hosts = done[0]
        hosts_file = None
        if hosts:
            lines = [] if "localhost" in hosts else ["127.0.0.1\tlocalhost", "::1\tlocalhost"]
            lines += [f"{addr}\t{name}" for name, addr in hosts.items()]
            hfd, hosts_file = tempfile.mkstemp(prefix="bastion-hosts-")
            with os.fdopen(hfd, "w", encoding="ascii") as out:
                out.write("\n".join(lines) + "\n")
            os.chmod(hosts_file, 0o644)
        ns = cls(fd=fd, listeners=listeners, hosts_file=hosts_file)
        for lst in listeners:
            server = await asyncio.start_server(ns._handler(lst.endpoint), sock=lst.sock)
            ns._servers.append(server)
        return ns

    def _handler(self, ep: Endpoint):  # type: ignore[no-untyped-def]
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            if task is not None:
                self._tasks.add(task)
            try:
                if len(self._tasks) > _MAX_CONNECTIONS:
                    return
                try:
                    up_r, up_w = await asyncio.wait_for(asyncio.open_connection(ep.host, ep.port),
                                                        _CONNECT_TIMEOUT)
                except (OSError, TimeoutError):
                    return
                try:
                    await asyncio.gather(_pipe(reader, up_w), _pipe(up_r, writer))
                finally:
                    up_w.close()
            finally:
                writer.close()
                if task is not None:
                    self._tasks.discard(task)

        return handle

    async def close(self) -> None:
        for server in self._servers:
            server.close()
        for task in list(self._tasks):
            task.cancel()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 1.0)
        for lst in self.listeners:
            lst.sock.close()
        with contextlib.suppress(OSError):
            os.close(self.fd)
        if self.hosts_file is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.hosts_file)


async def _pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
    try:
        while True:
            data = await src.read(65536)
            if not data:
                break
            dst.write(data)
            await dst.drain()
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        with contextlib.suppress(OSError):
            if dst.can_write_eof():
                dst.write_eof()
