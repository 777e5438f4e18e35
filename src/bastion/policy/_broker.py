"""Credential broker: real secrets are injected at execution time and never seen by the model.

The agent calls a tool without its credential; after the firewall allows the call, the
broker adds the secret (fetched from a :class:`SecretSource`) to the arguments the tool
function receives, and scrubs the secret out of whatever the tool returns. A model that
tries to *supply* a brokered parameter itself is refused (``args.credential_supplied``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from bastion.errors import PolicyError

__all__ = ["CredentialBroker", "MappingSecretSource", "Secret", "SecretSource"]


class Secret:
    """A secret value that never prints itself."""

    __slots__ = ("_value", "name")

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({self.name!r}, '***')"

    __str__ = __repr__


@runtime_checkable
class SecretSource(Protocol):
    async def get(self, name: str) -> str:
        """The secret's current value; raise :class:`PolicyError` when it is unknown."""
        ...


class MappingSecretSource:
    """Secrets from a mapping given by the caller (the CLI/config reads env or files)."""

    def __init__(self, secrets: Mapping[str, str]) -> None:
        self._secrets = dict(secrets)

    async def get(self, name: str) -> str:
        try:
            return self._secrets[name]
        except KeyError:
            raise PolicyError(f"credential {name!r} is not configured in the secret source") from None


class CredentialBroker:
    """``bindings`` maps tool name -> {parameter name -> secret name}."""

    def __init__(self, source: SecretSource, bindings: Mapping[str, Mapping[str, str]]) -> None:
        self.source = source
        self.bindings = {tool: dict(params) for tool, params in bindings.items()}
        self._seen: dict[str, str] = {}

    def bound_params(self, tool: str) -> frozenset[str]:
        return frozenset(self.bindings.get(tool, {}))

    async def inject(self, tool: str, args: Mapping[str, Any], *, as_secret: bool = False) -> dict[str, Any]:
        """A copy of ``args`` with the tool's credentials added (``args`` is not mutated)."""
        params = self.bindings.get(tool, {})
        supplied = sorted(set(params) & set(args))
        if supplied:
            raise PolicyError(f"the caller supplied brokered credential parameter(s) {supplied} for tool {tool!r}")
        out = dict(args)
        for param, secret_name in params.items():
            value = await self.source.get(secret_name)
            if len(value) >= 4:
                self._seen[value] = secret_name
            out[param] = Secret(secret_name, value) if as_secret else value
        return out

    def scrub(self, value: Any, depth: int = 0) -> Any:
        """Replace every injected secret inside a tool result with ``[REDACTED:name]``."""
        if depth > 32:
            return value
        if isinstance(value, str):
            for secret, name in self._seen.items():
                if secret in value:
                    value = value.replace(secret, f"[REDACTED:{name}]")
            return value
        if isinstance(value, Mapping):
            return {k: self.scrub(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.scrub(v, depth + 1) for v in value]
        return value
