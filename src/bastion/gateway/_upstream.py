"""Upstream model servers: routing by model name and one httpx client per upstream.

Clients never follow redirects, never read proxy settings from the environment, and use
explicit connect/read timeouts. The transport is injectable (tests use
``httpx.MockTransport``; the built-in demo upstream is an in-process transport); the default
is :class:`~bastion.gateway._transport.LeanTransport`, a small keep-alive HTTP/1.1 transport.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import httpx

from bastion.config import UpstreamConfig
from bastion.gateway._firewall import name_matches
from bastion.gateway._transport import LeanTransport

__all__ = ["Upstream", "UpstreamPool"]


@dataclass(slots=True)
class Upstream:
    """One upstream. The hot path sends ``httpx.Request`` objects straight to ``transport``
    (the client layer costs about a millisecond per request); ``client`` (same transport,
    same timeouts) serves the cold paths."""

    name: str
    base_url: str
    models: tuple[str, ...]
    client: httpx.AsyncClient
    auth_header: str | None
    transport: httpx.AsyncBaseTransport
    timeout: dict[str, float | None]

    def headers(self) -> dict[str, str]:
        h = {"content-type": "application/json", "accept": "application/json, text/event-stream"}
        if self.auth_header:
            h["authorization"] = self.auth_header
        return h

    def request(self, method: str, path: str, *, content: bytes, headers: dict[str, str]) -> httpx.Request:
        """A request with the upstream's explicit timeouts attached."""
        return httpx.Request(
            method, self.base_url + path, content=content, headers=headers, extensions={"timeout": self.timeout}
        )


class UpstreamPool:
    """Routes a model name to the first upstream whose ``models`` patterns match."""

    def __init__(
        self,
        upstreams: Sequence[UpstreamConfig],
        *,
        api_keys: Mapping[str, str] | None = None,
        transports: Mapping[str, httpx.AsyncBaseTransport] | None = None,
        max_connections: int = 512,
    ) -> None:
        self.upstreams: list[Upstream] = []
        keys = dict(api_keys or {})
        trans = dict(transports or {})
        for u in upstreams:
            timeout = httpx.Timeout(u.read_timeout_s, connect=u.connect_timeout_s, pool=u.connect_timeout_s)
            transport = trans.get(u.name) or LeanTransport(max_idle=max_connections)
            client = httpx.AsyncClient(
                base_url=u.base_url,
                timeout=timeout,
                follow_redirects=False,
                trust_env=False,
                transport=transport,
            )
            key = keys.get(u.name)
            self.upstreams.append(
                Upstream(
                    u.name, u.base_url, u.models, client, f"Bearer {key}" if key else None, transport, timeout.as_dict()
                )
            )

    def route(self, model: str) -> Upstream | None:
        for u in self.upstreams:
            if name_matches(model, u.models):
                return u
        return None

    def listed_models(self) -> list[str]:
        """Model names configured without wildcards (for /v1/models when upstreams cannot be asked)."""
        return [m for u in self.upstreams for m in u.models if "*" not in m]

    async def aclose(self) -> None:
        for u in self.upstreams:
            await u.client.aclose()
