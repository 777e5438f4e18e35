"""Assembling a :class:`Gateway` from a :class:`BastionConfig` and running it on uvicorn.

:func:`build_gateway` turns config sections into stores (memory, SQLite, Redis, PostgreSQL)
and upstream clients; :func:`serve` runs the data plane and the admin API as two uvicorn
servers in one event loop. Values that come from the environment (upstream API keys, the
admin token) are passed in by the caller (the CLI), never read here.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from bastion.config import BastionConfig, UpstreamConfig, is_loopback
from bastion.errors import ConfigError, ConfigProblem, StoreError
from bastion.gateway._app import Gateway
from bastion.gateway._audit import AuditSink, MemoryAuditSink, NullAuditSink
from bastion.gateway._demo import DEMO_MODEL, DemoUpstreamTransport
from bastion.gateway._firewall import PolicyFirewall, StateApprovalStore
from bastion.gateway._keys import KeyStore, SqliteKeyStore
from bastion.gateway._limits import Counter, MemoryCounter
from bastion.gateway._upstream import UpstreamPool
from bastion.state import MemoryStateStore, SqliteStateStore, StateStore

__all__ = ["DEMO_UPSTREAM", "Resources", "build_gateway", "check_bind", "open_key_store", "serve"]

DEMO_UPSTREAM = UpstreamConfig.model_validate(
    {"name": "bastion-demo", "base_url": "http://bastion-demo.invalid/v1", "models": [DEMO_MODEL]}
)


@dataclass(slots=True)
class Resources:
    """Things to close when the gateway stops."""

    closers: list[Callable[[], Any]] = field(default_factory=list)

    async def aclose(self) -> None:
        for close in reversed(self.closers):
            with contextlib.suppress(Exception):
                res = close()
                if asyncio.iscoroutine(res):
                    await res


def check_bind(config: BastionConfig) -> None:
    """Refuse to expose an unauthenticated gateway (also enforced by the config model)."""
    s = config.server
    if not is_loopback(s.host) and not (config.auth.required or s.tls.mtls):
        raise ConfigError(
            [ConfigProblem("<config>", None, "server.host", "a public bind address needs auth.required or mTLS")]
        )
    if not is_loopback(s.admin_host):
        raise ConfigError(
            [
                ConfigProblem(
                    "<config>",
                    None,
                    "server.admin_host",
                    "the admin API must bind a loopback address; put a reverse proxy with TLS in front of it "
                    "to reach it remotely",
                )
            ]
        )


def redis_client(url: str) -> Any:
    try:
        from bastion.state._redis import connect
    except ImportError:
        raise StoreError(
            "stores.state is 'redis' but the redis package is missing: pip install 'bastion-guard[redis]'"
        ) from None
    return connect(url)


def open_key_store(config: BastionConfig, res: Resources) -> KeyStore:
    st = config.stores
    if st.state == "redis":
        from bastion.state._redis import RedisKeyStore

        client = redis_client(st.redis_url)
        res.closers.append(client.aclose)
        return RedisKeyStore(client)
    if st.state == "memory":
        from bastion.gateway._keys import MemoryKeyStore

        return MemoryKeyStore()
    store = SqliteKeyStore(Path(st.data_dir) / "keys.db")
    res.closers.append(store.close)
    return store


def _state_store(config: BastionConfig, res: Resources) -> StateStore:
    st = config.stores
    store: StateStore
    if st.state == "redis":
        from bastion.state._redis import RedisStateStore

        store = RedisStateStore(redis_client(st.redis_url))
    elif st.state == "sqlite":
        store = SqliteStateStore(Path(st.data_dir) / "state.db")
    else:
        store = MemoryStateStore()
    res.closers.append(store.close)
    return store


def _counter(config: BastionConfig, res: Resources) -> Counter:
    if config.stores.state == "redis":
        from bastion.state._redis import RedisCounter

        client = redis_client(config.stores.redis_url)
        res.closers.append(client.aclose)
        return RedisCounter(client)
    return MemoryCounter()


async def _audit_sink(config: BastionConfig, res: Resources) -> AuditSink:
    st = config.stores
    if st.audit == "off":
        return NullAuditSink()
    from bastion.gateway._audit_log import open_audit_sink

    try:
        sink = await open_audit_sink(st.audit, data_dir=st.data_dir, postgres_dsn=st.postgres_dsn)
    except ImportError:
        return MemoryAuditSink()
    return sink


async def build_gateway(
    config: BastionConfig,
    *,
    upstream_keys: Mapping[str, str] | None = None,
    admin_token: str | None = None,
    transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
    mounts: Mapping[str, Any] | None = None,
) -> tuple[Gateway, Resources]:
    """Build a gateway and its stores from config. With no upstreams, the demo upstream is used."""
    check_bind(config)
    res = Resources()
    ups = config.upstreams
    trans = dict(transports or {})
    if not ups:
        ups = (DEMO_UPSTREAM,)
        trans.setdefault(DEMO_UPSTREAM.name, DemoUpstreamTransport())
    pool = UpstreamPool(ups, api_keys=upstream_keys, transports=trans)
    keys = open_key_store(config, res)
    counter = _counter(config, res)
    audit = await _audit_sink(config, res)
    state = _state_store(config, res)
    approvals = StateApprovalStore(state)
    firewall: Any = None
    if config.firewall_policy:
        from bastion.policy import Firewall, load_policy

        firewall = PolicyFirewall(Firewall(load_policy(config.firewall_policy), store=state))
    gw = Gateway(
        config,
        keys=keys,
        counter=counter,
        audit=audit,
        approvals=approvals,
        firewall=firewall,
        upstreams=pool,
        admin_token=admin_token,
        mounts=mounts,
    )
    if config.mcp_servers:
        gw.mount("/mcp", _mcp_app(config, gw, audit, res))
    gw.warmup()
    return gw, res


def _mcp_app(config: BastionConfig, gw: Gateway, audit: AuditSink, res: Resources) -> Any:
    from bastion.gateway._audit_log import AuditLogSink
    from bastion.gateway.mcp import HttpUpstream, McpGuard, McpPolicy, SqlitePinStore, create_mcp_app

    pins: Any = None
    if config.stores.state != "memory":
        Path(config.stores.data_dir).mkdir(parents=True, exist_ok=True)
        pins = SqlitePinStore(Path(config.stores.data_dir) / "mcp_pins.db")
        closer = getattr(pins, "close", None)
        if closer is not None:
            res.closers.append(closer)
    log = audit.log if isinstance(audit, AuditLogSink) else None
    servers = {}
    for m in config.mcp_servers:
        policy = McpPolicy(
            allowed_tools=frozenset(m.allowed_tools) if m.allowed_tools is not None else None,
            denied_tools=frozenset(m.denied_tools),
            on_poisoned=m.on_poisoned,
            on_rug_pull=m.on_rug_pull,
            on_flagged_result=m.on_flagged_result,
        )
        guard = McpGuard(server=m.name, guard=gw.guard, policy=policy, pins=pins, audit=log)
        servers[m.name] = (HttpUpstream(m.url), guard)
    return create_mcp_app(servers)


def _ssl_kwargs(config: BastionConfig) -> dict[str, Any]:
    tls = config.server.tls
    if not tls.enabled:
        return {}
    kw: dict[str, Any] = {"ssl_certfile": tls.certfile, "ssl_keyfile": tls.keyfile}
    if tls.client_ca:
        kw["ssl_ca_certs"] = tls.client_ca
        kw["ssl_cert_reqs"] = ssl.CERT_REQUIRED
    return kw


class _QuietServer(uvicorn.Server):
    """The admin server: the data-plane server owns signal handling."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def serve(
    gw: Gateway,
    res: Resources,
    *,
    log_level: str = "warning",
    on_ready: Callable[[str, str], None] | None = None,
    workers_note: str = "",
) -> None:
    """Run the data plane and the admin API until interrupted."""
    s = gw.config.server
    _check_bindable(s.host, s.port, "server.port", "--port")
    _check_bindable(s.admin_host, s.admin_port, "server.admin_port", "--admin-port")
    data_cfg = uvicorn.Config(
        gw.app(),
        host=s.host,
        port=s.port,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        server_header=False,
        date_header=False,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=64 * 1024,
        **_ssl_kwargs(gw.config),
    )
    admin_cfg = uvicorn.Config(
        gw.admin_app(),
        host=s.admin_host,
        port=s.admin_port,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        server_header=False,
        date_header=False,
    )
    data = uvicorn.Server(data_cfg)
    admin = _QuietServer(admin_cfg)
    admin_task = asyncio.create_task(admin.serve())

    async def announce() -> None:
        while not (data.started and admin.started):
            if data_task.done() or admin_task.done():
                return
            await asyncio.sleep(0.02)
        if on_ready is not None:
            scheme = "https" if gw.config.server.tls.enabled else "http"
            on_ready(
                f"{scheme}://{_hostport(s.host, _bound_port(data, s.port))}/v1",
                f"http://{_hostport(s.admin_host, _bound_port(admin, s.admin_port))}",
            )

    data_task = asyncio.create_task(data.serve())
    ann = asyncio.create_task(announce())
    try:
        try:
            await data_task
        except SystemExit as exc:  # uvicorn exits on startup failures; say so without a traceback
            raise ConfigError(
                [ConfigProblem("<server>", None, "server", f"the gateway could not start (code {exc.code}); see above")]
            ) from None
        if admin_task.done() and not admin.started:
            raise ConfigError([ConfigProblem("<server>", None, "server.admin_port", "the admin API could not start")])
    finally:
        admin.should_exit = True
        with contextlib.suppress(Exception):
            await admin_task
        ann.cancel()
        await gw.aclose()
        await res.aclose()


def _check_bindable(host: str, port: int, setting: str, flag: str) -> None:
    """Fail with a clear message (no traceback) when the address is taken or not ours to bind."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                [
                    ConfigProblem(
                        "<server>",
                        None,
                        setting,
                        f"cannot listen on {host}:{port} ({exc.strerror or exc}); stop the other process "
                        f"or choose another port with {flag}",
                    )
                ]
            ) from None


def _bound_port(server: uvicorn.Server, default: int) -> int:
    for srv in getattr(server, "servers", []) or []:
        for sock in getattr(srv, "sockets", []) or []:
            try:
                return int(sock.getsockname()[1])
            except (OSError, IndexError, TypeError):
                continue
    return default


def _hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
